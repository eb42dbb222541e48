import * as assert from 'assert';
import { createDocument } from '../../src/core/text';
import { parseDocument } from '../../src/core/sources';
import { loadEnvironment, parseDotenv, parseEnvFile } from '../../src/core/sources/http/env';
import { diskFiles, fixture, mapFiles, readFixture } from './sourcesFixtures';

describe('sources: environments for .http files', () => {
  it('finds http-client.env.json in an ancestor folder up to rootDir, and not beyond', async () => {
    const path = fixture('http', 'nested', 'deeper', 'deep.http');
    const doc = createDocument(path, readFixture('http', 'nested', 'deeper', 'deep.http'));
    const files = diskFiles();
    const found = await parseDocument(doc, { files, rootDir: fixture('http') });
    assert.strictEqual(found.requests[0].url, 'https://api.mypurecloud.com/api/v2/tokens/me');
    assert.ok(files.asked.includes(fixture('http', 'nested', 'http-client.env.json')), 'looked in the middle folder too');
    const notFound = await parseDocument(doc, { files: diskFiles() });
    assert.strictEqual(notFound.requests[0].variables[0].resolved, false, 'without rootDir only the file folder is searched');
    const outside = await parseDocument(doc, { files: diskFiles(), rootDir: fixture('http', 'nested', 'deeper') });
    assert.strictEqual(outside.requests[0].variables[0].resolved, false, 'never above rootDir');
  });

  it('a malformed env file becomes a problem naming the file and position; parsing goes on', async () => {
    const path = fixture('badenv', 'a.http');
    const p = await parseDocument(createDocument(path, readFixture('badenv', 'a.http')), { files: diskFiles(), environment: 'dev' });
    assert.strictEqual(p.requests.length, 1);
    assert.strictEqual(p.requests[0].variables[0].resolved, false);
    const prob = p.problems!.find((x) => x.path === fixture('badenv', 'http-client.env.json'));
    assert.ok(prob, JSON.stringify(p.problems));
    assert.match(prob.message, /is not valid JSON \(\w+ at line 2, column 3\)/);
    assert.strictEqual(prob.range, undefined, 'the position is in another file, so no range in this one');
  });

  it('an env file that is not an object of environments is a problem', () => {
    const res = parseEnvFile('/e/http-client.env.json', '["dev"]');
    assert.ok('problem' in res && /must contain an object of environments/.test(res.problem.message));
  });

  it('REST Client settings shape: $shared, selected env wins, {{$shared x}} references', async () => {
    const restClientEnvironments = {
      $shared: { host: 'api.mypurecloud.com', version: 'v2' },
      prod: { host: 'api.mypurecloud.ie', base: 'https://{{host}}/api/{{$shared version}}', sharedHost: '{{$shared host}}' },
    };
    const text = 'GET {{base}}/users/me\nX-Shared: {{sharedHost}}\n';
    const p = await parseDocument(createDocument('/w/a.http', text), { restClientEnvironments, environment: 'prod' });
    const q = p.requests[0];
    assert.strictEqual(q.url, 'https://api.mypurecloud.ie/api/v2/users/me');
    assert.strictEqual(q.headers[0].value, 'api.mypurecloud.com');
    assert.deepStrictEqual(p.problems, []);
  });

  it('layers: settings < public file < private file, each env over $shared', async () => {
    const files = mapFiles({
      '/w/http-client.env.json': '{"$shared":{"a":"pub-shared","b":"pub-shared"},"dev":{"a":"pub-dev"}}',
      '/w/http-client.private.env.json': '{"dev":{"c":"priv-dev"},"$shared":{"b":"priv-shared"}}',
    });
    const env = await loadEnvironment('/w/x.http', { files, environment: 'dev', restClientEnvironments: { dev: { a: 'settings', d: 'settings-d' } } });
    assert.deepStrictEqual(Object.fromEntries(env.envVars), { a: 'pub-dev', c: 'priv-dev', d: 'settings-d' });
    assert.deepStrictEqual(Object.fromEntries(env.sharedVars), { a: 'pub-shared', b: 'priv-shared' });
    assert.deepStrictEqual(env.files, ['/w/http-client.env.json', '/w/http-client.private.env.json']);
  });

  it('file variables win over environment variables', async () => {
    const files = mapFiles({ '/w/http-client.env.json': '{"dev":{"host":"from-env"}}' });
    const p = await parseDocument(createDocument('/w/a.http', '@host = from-file\nGET https://{{host}}/x\n'), { files, environment: 'dev' });
    assert.strictEqual(p.requests[0].url, 'https://from-file/x');
  });

  it('non-scalar env values (JetBrains auth blocks) are ignored, numbers become text', async () => {
    const files = mapFiles({ '/w/http-client.env.json': '{"dev":{"port":8080,"Security":{"Auth":{}}}}' });
    const p = await parseDocument(createDocument('/w/a.http', 'GET http://h:{{port}}/{{Security}}'), { files, environment: 'dev' });
    assert.strictEqual(p.requests[0].url, 'http://h:8080/{{Security}}');
  });

  it('parseDotenv: quotes, export, comments', () => {
    const m = parseDotenv('# c\nA=1\nexport B="two words"\nC=x # note\nD=\'#kept\'\nbad line\n');
    assert.deepStrictEqual(Object.fromEntries(m), { A: '1', B: 'two words', C: 'x', D: '#kept' });
  });
});
