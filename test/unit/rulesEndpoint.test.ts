import * as assert from 'assert';
import { diagnose } from '../../src/core/rules/endpointWrongHost';
import { classifyHost } from '../../src/core/rules/support/request';
import { applyEdits, lint, only, textAt } from './rulesSupport';

describe('endpoint rules', () => {
  describe('endpoint.unknown', () => {
    it('names the real alternative for GET /api/v2/users/{userId}/permissions', async () => {
      const text = 'GET https://api.mypurecloud.com/api/v2/users/abc/permissions';
      const [f] = only(await lint(text), 'endpoint.unknown');
      assert.strictEqual(f.severity, 'error');
      assert.strictEqual(textAt(text, f), 'https://api.mypurecloud.com/api/v2/users/abc/permissions');
      assert.match(f.message, /GET \/api\/v2\/authorization\/subjects\/\{subjectId\} or GET \/api\/v2\/users\/\{subjectId\}\/roles/);
      assert.strictEqual(f.source.verified, true);
    });

    it('names the telephony paths for GET /api/v2/outbound/routes (also behind {{baseUrl}})', async () => {
      const r = await lint('@baseUrl = https://api.mypurecloud.com\nGET {{baseUrl}}/api/v2/outbound/routes');
      const [f] = only(r, 'endpoint.unknown');
      assert.match(f.message, /\/api\/v2\/telephony\/providers\/edges\/outboundroutes or .*sites\/\{siteId\}\/outboundroutes/);
    });

    it('says "not allowed" when the path exists with other methods', async () => {
      const [f] = only(await lint('DELETE https://api.mypurecloud.com/api/v2/tokens/me'), 'endpoint.unknown');
      assert.match(f.message, /DELETE is not allowed on \/api\/v2\/tokens\/me: it exists only with GET \(getTokensMe\)/);
    });

    it('suggests close paths for other unknown paths', async () => {
      const [f] = only(await lint('GET https://api.mypurecloud.com/api/v2/outbound/campaignz'), 'endpoint.unknown');
      assert.match(f.message, /No Genesys Cloud API operation matches GET \/api\/v2\/outbound\/campaignz; closest: GET \/api\/v2\/outbound\/campaigns/);
    });

    it('ignores non-Genesys hosts and known operations', async () => {
      assert.deepStrictEqual((await lint('GET https://example.com/foo\n\n###\nGET https://example.com/api/v2/nothing')).findings, []);
      assert.deepStrictEqual((await lint('GET https://api.mypurecloud.com/api/v2/users/me?expand=authorization')).findings, []);
    });
  });

  describe('endpoint.wrong-host', () => {
    it('case 1: token request to api.<env>/api/v2/oauth/token, fixed to login.<env>/oauth/token', async () => {
      const text = 'POST https://api.mypurecloud.com/api/v2/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials';
      const r = await lint(text);
      const [f] = only(r, 'endpoint.wrong-host');
      assert.strictEqual(f.severity, 'error');
      assert.match(f.message, /POST https:\/\/login\.mypurecloud\.com\/oauth\/token/);
      assert.strictEqual(applyEdits(text, f.fixes[0].edits).split('\n')[0], 'POST https://login.mypurecloud.com/oauth/token');
      assert.deepStrictEqual(only(r, 'endpoint.unknown'), [], 'reported once, as a wrong host');
    });

    it('api.<env>/oauth/token and login.<env>/api/v2/oauth/token are both wrong', async () => {
      for (const url of ['https://api.mypurecloud.ie/oauth/token', 'https://login.mypurecloud.ie/api/v2/oauth/token']) {
        const [f] = only(await lint(`POST ${url}`), 'endpoint.wrong-host');
        assert.strictEqual(f.fixes[0].edits[0].newText, 'https://login.mypurecloud.ie/oauth/token', url);
      }
    });

    it('API paths sent to login.<env> go to api.<env>, keeping the query', async () => {
      const [f] = only(await lint('GET https://login.usw2.pure.cloud/api/v2/users/me?expand=station'), 'endpoint.wrong-host');
      assert.strictEqual(f.fixes[0].edits[0].newText, 'https://api.usw2.pure.cloud/api/v2/users/me?expand=station');
    });

    it('flags hosts that are no region (mypurecloud.co.uk) without a fix', async () => {
      const [f] = only(await lint('GET https://api.mypurecloud.co.uk/api/v2/users/me'), 'endpoint.wrong-host');
      assert.match(f.message, /`api\.mypurecloud\.co\.uk` is not a Genesys Cloud environment/);
      assert.match(f.message, /euw2\.pure\.cloud/);
      assert.deepStrictEqual(f.fixes, []);
    });

    it('offers no fix when the URL has variables, and accepts the right hosts', async () => {
      const [f] = only(await lint('@env = mypurecloud.com\nPOST https://api.{{env}}/api/v2/oauth/token'), 'endpoint.wrong-host');
      assert.deepStrictEqual(f.fixes, []);
      const ok = await lint('POST https://login.mypurecloud.com/oauth/token\n\n###\nGET https://api.use2.us-gov-pure.cloud/api/v2/users/me');
      assert.deepStrictEqual(only(ok, 'endpoint.wrong-host'), []);
    });

    it('diagnose() and classifyHost() agree with the region table', () => {
      assert.strictEqual(classifyHost('api.edee1.eusc-pure.cloud').kind, 'region');
      assert.strictEqual(classifyHost('localhost').kind, 'loopback');
      assert.strictEqual(classifyHost('example.com').kind, 'other');
      assert.strictEqual(diagnose('login.mypurecloud.de', classifyHost('login.mypurecloud.de'), '/oauth/token', '', true), undefined);
    });
  });
});
