import * as assert from 'assert';
import { REGIONS } from '../../src/core/env/regions';
import {
  describeEnvironment, isEnvironmentHost, isLoopbackHost, parseEnvironment, tryParseEnvironment,
} from '../../src/core/env/environment';

describe('parseEnvironment', () => {
  it('knows all 18 regions by SDK key, by host, by login/api host and by URL', () => {
    assert.strictEqual(REGIONS.length, 18);
    for (const r of REGIONS) {
      for (const value of [r.key, r.key.replace(/_/g, '-').toUpperCase(), r.env, `api.${r.env}`, `login.${r.env}`,
        `https://api.${r.env}/`, `https://login.${r.env}`, ` ${r.env} `]) {
        const env = parseEnvironment(value);
        assert.strictEqual(env.region?.key, r.key, value);
        assert.strictEqual(env.name, r.env, value);
        assert.strictEqual(env.loginBaseUrl, `https://login.${r.env}`, value);
        assert.strictEqual(env.apiBaseUrl, `https://api.${r.env}`, value);
        assert.strictEqual(env.custom, false, value);
      }
    }
  });

  it('does not confuse mypurecloud.com with mypurecloud.com.au, or the us-gov and eusc domains', () => {
    assert.strictEqual(parseEnvironment('api.mypurecloud.com.au').region?.key, 'ap_southeast_2');
    assert.strictEqual(parseEnvironment('mypurecloud.com').region?.key, 'us_east_1');
    assert.strictEqual(parseEnvironment('us_east_2').apiBaseUrl, 'https://api.use2.us-gov-pure.cloud');
    assert.strictEqual(parseEnvironment('eusc_de_east_1').loginBaseUrl, 'https://login.edee1.eusc-pure.cloud');
  });

  it('accepts one custom base URL for login and API, normalised', () => {
    const env = parseEnvironment('http://127.0.0.1:8787/');
    assert.deepStrictEqual(env, { name: 'http://127.0.0.1:8787', loginBaseUrl: 'http://127.0.0.1:8787', apiBaseUrl: 'http://127.0.0.1:8787', custom: true });
    assert.strictEqual(parseEnvironment('http://localhost:9000/genesys/').apiBaseUrl, 'http://localhost:9000/genesys');
    assert.strictEqual(parseEnvironment('http://[::1]:8080').apiBaseUrl, 'http://[::1]:8080');
    assert.strictEqual(parseEnvironment('https://genesys.example.test').apiBaseUrl, 'https://genesys.example.test');
  });

  it('accepts separate login and API URLs, in either order, and round-trips the name', () => {
    const env = parseEnvironment('api=https://api.example.test/, login=https://login.example.test');
    assert.strictEqual(env.loginBaseUrl, 'https://login.example.test');
    assert.strictEqual(env.apiBaseUrl, 'https://api.example.test');
    assert.strictEqual(env.name, 'login=https://login.example.test,api=https://api.example.test');
    assert.deepStrictEqual(parseEnvironment(env.name), env);
    assert.strictEqual(parseEnvironment('login=http://127.0.0.1:1,api=http://127.0.0.1:1').name, 'http://127.0.0.1:1');
  });

  it('refuses plain http off loopback, with a reason', () => {
    for (const bad of ['http://genesys.example.test', 'http://10.0.0.5:8787', 'login=http://example.test,api=https://example.test',
      'http://api.mypurecloud.ie']) {
      assert.throws(() => parseEnvironment(bad), /plain http|only reachable over https/, bad);
    }
  });

  it('rejects unknown names, junk and incomplete split syntax with actionable messages', () => {
    assert.throws(() => parseEnvironment('eu_west_9'), /Unknown environment 'eu_west_9'.*Region keys: us_east_1/);
    assert.throws(() => parseEnvironment(''), /No environment given/);
    assert.throws(() => parseEnvironment('login=https://a.test'), /Both login=<url> and api=<url>/);
    assert.throws(() => parseEnvironment('login=https://a.test,login=https://b.test'), /appears twice/);
    assert.throws(() => parseEnvironment('ftp://127.0.0.1'), /must use https/);
    assert.throws(() => parseEnvironment('https://u:p@example.test'), /credentials/);
    assert.throws(() => parseEnvironment('https://example.test/?x=1'), /query or fragment/);
    assert.throws(() => parseEnvironment('apps.mypurecloud.ie'), /not its login or API host.*eu_west_1/);
    assert.match(tryParseEnvironment('nowhere').error ?? '', /Unknown environment/);
    assert.strictEqual(tryParseEnvironment('eu_west_1').env?.name, 'mypurecloud.ie');
  });

  it('describes environments for messages', () => {
    assert.strictEqual(describeEnvironment(parseEnvironment('mypurecloud.de')), 'eu_central_1 (mypurecloud.de)');
    assert.strictEqual(describeEnvironment(parseEnvironment('http://127.0.0.1:1')), 'http://127.0.0.1:1');
  });
});

describe('isEnvironmentHost / isLoopbackHost', () => {
  it('matches only the login and API hosts of the environment', () => {
    const ie = parseEnvironment('eu_west_1');
    assert.ok(isEnvironmentHost(ie, 'https://api.mypurecloud.ie/api/v2/users/me'));
    assert.ok(isEnvironmentHost(ie, 'https://login.mypurecloud.ie/oauth/token'));
    assert.ok(!isEnvironmentHost(ie, 'https://api.mypurecloud.com/api/v2/users/me'));
    assert.ok(!isEnvironmentHost(ie, 'http://api.mypurecloud.ie/api/v2/users/me'));
    assert.ok(!isEnvironmentHost(ie, 'https://api.mypurecloud.ie.evil.test/api/v2'));
    assert.ok(!isEnvironmentHost(ie, 'https://apps.mypurecloud.ie/'));
    assert.ok(!isEnvironmentHost(ie, 'not a url'));
  });

  it('respects port and path prefix for custom environments', () => {
    const env = parseEnvironment('http://127.0.0.1:8787/gc');
    assert.ok(isEnvironmentHost(env, 'http://127.0.0.1:8787/gc/api/v2/tokens/me'));
    assert.ok(!isEnvironmentHost(env, 'http://127.0.0.1:8788/gc/api/v2/tokens/me'));
    assert.ok(!isEnvironmentHost(env, 'http://127.0.0.1:8787/gcx/api'));
    assert.ok(!isEnvironmentHost(env, 'http://localhost:8787/gc/api'));
  });

  it('recognises loopback hosts only', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', 'a.localhost']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['128.0.0.1', '127.0.0.256', '10.0.0.1', 'localhost.example.test', '::2', '0.0.0.0']) assert.ok(!isLoopbackHost(h), h);
  });
});
