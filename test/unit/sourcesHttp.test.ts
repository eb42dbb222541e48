import * as assert from 'assert';
import { createDocument } from '../../src/core/text';
import { parseDocument } from '../../src/core/sources';
import { parseHttpDocument } from '../../src/core/sources/http/parse';
import { parseFormBody, scopeNamesIn } from '../../src/core/sources/form';
import type { ParsedDocument, VariableRef } from '../../src/core/sources/types';
import { diskFiles, fixture, mapFiles, r, readFixture } from './sourcesFixtures';

const varNamed = (refs: VariableRef[], name: string) => {
  const v = refs.find((x) => x.name === name);
  assert.ok(v, `variable ${name} in ${refs.map((x) => x.name).join(', ')}`);
  return v;
};

async function calls(text = readFixture('http', 'calls.http')): Promise<ParsedDocument> {
  return parseDocument(createDocument(fixture('http', 'calls.http'), text), { files: diskFiles() });
}

describe('sources: .http REST Client syntax (calls.http)', () => {
  it('names the sender supplies (sendTimeNames) are send-time values; a definition in the file still wins', async () => {
    const text = 'GET https://api.mypurecloud.com/api/v2/users/me\nAuthorization: Bearer {{accessToken}}\nX-Other: {{other}}\n';
    const plain = await parseDocument(createDocument('a.http', text));
    assert.deepStrictEqual([varNamed(plain.requests[0].variables, 'accessToken').resolved, varNamed(plain.requests[0].variables, 'accessToken').dynamic], [false, undefined]);
    const session = await parseDocument(createDocument('a.http', text), { sendTimeNames: ['ACCESSTOKEN'] });
    const token = varNamed(session.requests[0].variables, 'accessToken');
    assert.deepStrictEqual([token.resolved, token.dynamic, token.source], [false, true, 'session']);
    assert.strictEqual(varNamed(session.requests[0].variables, 'other').dynamic, undefined);
    const defined = await parseDocument(createDocument('a.http', '@accessToken = abc\n' + text), { sendTimeNames: ['accessToken'] });
    assert.strictEqual(varNamed(defined.requests[0].variables, 'accessToken').resolved, true);
  });

  it('finds three requests; a block of only file variables is not a request', async () => {
    const p = await calls();
    assert.deepStrictEqual(p.requests.map((q) => [q.index, q.method, q.name, q.title ?? null]),
      [[0, 'POST', 'placeCall', 'Place a call'], [1, 'GET', null, null], [2, 'GET', null, null]]);
  });

  it('parses the request line with HTTP version and gives exact ranges', async () => {
    const q = (await calls()).requests[0];
    assert.strictEqual(r(q.methodRange), '8:0-8:4');
    assert.strictEqual(q.rawUrl, '{{baseUrl}}/conversations/calls');
    assert.strictEqual(r(q.urlRange), '8:5-8:36');
    assert.strictEqual(q.httpVersion, 'HTTP/1.1');
    assert.strictEqual(q.url, 'https://api.mypurecloud.com/api/v2/conversations/calls', 'nested file variables resolve');
    assert.strictEqual(r(q.range), '6:0-17:1');
    assert.strictEqual(q.methodImplicit, undefined);
  });

  it('headers: raw and substituted values with ranges; $dotenv reads .env next to the file', async () => {
    const q = (await calls()).requests[0];
    assert.deepStrictEqual(q.headers.map((h) => h.name), ['Authorization', 'Content-Type']);
    const auth = q.headers[0];
    assert.strictEqual(auth.rawValue, 'Bearer {{token}}');
    assert.strictEqual(auth.value, 'Bearer dotenv-token-123');
    assert.strictEqual(r(auth.range), '9:0-9:31');
    assert.strictEqual(r(auth.valueRange), '9:15-9:31');
  });

  it('JSON body: text, offset, range and kind', async () => {
    const p = await calls();
    const b = p.requests[0].body!;
    assert.strictEqual(b.kind, 'json');
    assert.strictEqual(r(b.range), '12:0-17:1');
    assert.ok(b.text.startsWith('{\n  "phoneNumber"') && b.text.endsWith('"{{$guid}}"\n}'), b.text);
    assert.strictEqual(p.doc.text.slice(b.offset, b.offset + b.text.length), b.text);
  });

  it('variables: resolved, unresolved (with reason) and dynamic, each with its range', async () => {
    const [q0, q1, q2] = (await calls()).requests;
    const base = varNamed(q0.variables, 'baseUrl');
    assert.deepStrictEqual([r(base.range), base.resolved, base.source, base.value], ['8:5-8:16', true, 'file', 'https://api.mypurecloud.com/api/v2']);
    const prio = varNamed(q0.variables, 'prio');
    assert.deepStrictEqual([r(prio.range), prio.resolved, prio.dynamic], ['14:14-14:22', false, undefined]);
    assert.match(prio.problem!, /"prio" is not defined/);
    assert.strictEqual(varNamed(q0.variables, 'callerId').resolved, false);
    const guid = varNamed(q0.variables, '$guid');
    assert.deepStrictEqual([guid.resolved, guid.dynamic, guid.source], [false, true, 'system']);

    const reqVar = varNamed(q1.variables, 'placeCall.response.body.$.id');
    assert.deepStrictEqual([r(reqVar.range), reqVar.dynamic, reqVar.source], ['20:30-20:62', true, 'request']);
    assert.strictEqual(varNamed(q1.variables, '$randomInt 1 10').dynamic, true);

    const login = varNamed(q2.variables, 'login.response.body.$.access_token');
    assert.strictEqual(login.resolved, false);
    assert.strictEqual(login.dynamic, undefined, 'a request name that does not exist is not dynamic');
    assert.match(login.problem!, /no request named "login"/);
  });

  it('query continuation lines join the URL; the URL range spans them', async () => {
    const q = (await calls()).requests[1];
    assert.strictEqual(q.rawUrl, '{{baseUrl}}/conversations/{{placeCall.response.body.$.id}}?pageSize=25&pageNumber={{$randomInt 1 10}}');
    assert.strictEqual(r(q.urlRange), '20:4-22:33');
    assert.strictEqual(q.url, 'https://api.mypurecloud.com/api/v2/conversations/{{placeCall.response.body.$.id}}?pageSize=25&pageNumber={{$randomInt 1 10}}');
    assert.strictEqual(q.headers.length, 1);
    assert.strictEqual(q.body, undefined);
  });

  it('a request line without a method is GET (methodImplicit, empty method range at the URL)', async () => {
    const q = (await calls()).requests[2];
    assert.deepStrictEqual([q.method, q.methodImplicit, r(q.methodRange), r(q.urlRange)], ['GET', true, '27:0-27:0', '27:0-27:56']);
    assert.strictEqual(q.url, 'https://api.mypurecloud.com/api/v2/users/me?expand=authorization');
  });

  it('file variables are listed with resolved values and name ranges', async () => {
    const p = await calls();
    assert.deepStrictEqual(p.fileVariables.map((v) => [v.name, v.value, r(v.range), r(v.nameRange)]), [
      ['baseUrl', 'https://api.mypurecloud.com/api/v2', '1:0-1:37', '1:1-1:8'],
      ['apiHost', 'api.mypurecloud.com', '2:0-2:30', '2:1-2:8'],
      ['token', 'dotenv-token-123', '3:0-3:34', '3:1-3:6'],
    ]);
    assert.deepStrictEqual(p.problems, []);
  });

  it('CRLF files give the same ranges as LF', async () => {
    const lf = await calls();
    const crlf = await calls(readFixture('http', 'calls.http').replace(/\n/g, '\r\n'));
    assert.ok(crlf.doc.text.includes('\r\n'));
    const shape = (p: ParsedDocument) => p.requests.map((q) => [r(q.range), r(q.methodRange), r(q.urlRange), q.url,
      q.headers.map((h) => [r(h.range), r(h.valueRange), h.value]), r(q.body?.range), q.variables.map((v) => [v.name, r(v.range), v.resolved])]);
    assert.deepStrictEqual(shape(crlf), shape(lf));
    const b = crlf.requests[0].body!;
    assert.ok(b.text.includes('\r\n'));
    assert.strictEqual(crlf.doc.text.slice(b.offset, b.offset + b.text.length), b.text);
    assert.strictEqual(crlf.requests[0].headers[0].value, 'Bearer dotenv-token-123', 'no stray \\r in values');
  });

  it('$dotenv without a .env file is unresolved with a reason', async () => {
    const p = await parseDocument(createDocument('/nowhere/x.http', 'GET https://h/{{$dotenv A}}'), { files: mapFiles({}) });
    const v = p.requests[0].variables[0];
    assert.deepStrictEqual([v.resolved, v.source, v.dynamic], [false, 'dotenv', undefined]);
    assert.match(v.problem!, /no \.env file/);
  });

  it('unknown $system variables are unresolved, not dynamic', async () => {
    const p = await parseDocument(createDocument('/x.http', 'GET https://h/{{$nonsense}}'));
    assert.deepStrictEqual([p.requests[0].variables[0].resolved, p.requests[0].variables[0].dynamic], [false, undefined]);
  });

  it('// @name, lower-case methods, and a file variable cycle', async () => {
    const text = '@a = {{b}}\n@b = {{a}}\n\n// @name first\npost https://h/{{a}}\n';
    const p = await parseHttpDocument(createDocument('/x.http', text));
    const q = p.requests[0];
    assert.deepStrictEqual([q.name, q.method, r(q.methodRange)], ['first', 'POST', '4:0-4:4']);
    assert.strictEqual(q.variables[0].resolved, false);
    assert.match(q.variables[0].problem!, /refers to itself/);
  });

  it('a .http file with only comments has no requests and no problems', async () => {
    const p = await parseDocument(createDocument('/x.http', '# nothing\n\n###\n// still nothing\n'));
    assert.deepStrictEqual([p.requests.length, p.problems], [0, []]);
  });
});

describe('sources: .http JetBrains/httpYac syntax (jetbrains.http)', () => {
  const parse = (environment?: string, processEnv?: Record<string, string>) =>
    parseDocument(createDocument(fixture('http', 'jetbrains.http'), readFixture('http', 'jetbrains.http')),
      { files: diskFiles(), environment, processEnv, rootDir: fixture('http') });

  it('skips pre-request and response-handler scripts; form body ends before the handler', async () => {
    const p = await parse('dev');
    assert.strictEqual(p.requests.length, 5);
    assert.deepStrictEqual(p.environments, ['dev', 'prod']);
    const q = p.requests[0];
    assert.deepStrictEqual([q.title, q.method, r(q.methodRange), q.url], ['Get a token', 'POST', '4:0-4:4', 'https://login.mypurecloud.com/oauth/token']);
    assert.strictEqual(q.body!.kind, 'form');
    assert.strictEqual(r(q.body!.range), '7:0-9:31');
    assert.strictEqual(q.body!.text, 'grant_type=client_credentials\n&client_id={{clientId}}\n&client_secret={{clientSecret}}');
    assert.strictEqual(r(q.range), '1:0-13:2');
  });

  it('private env file overrides the public one; $shared applies to every environment', async () => {
    const q = (await parse('dev')).requests[0];
    assert.strictEqual(varNamed(q.variables, 'clientId').value, 'private-dev-id');
    assert.strictEqual(varNamed(q.variables, 'clientSecret').value, 's3cret');
    const prod = (await parse('prod')).requests[0];
    assert.strictEqual(varNamed(prod.variables, 'clientId').value, 'public-prod-id');
    assert.strictEqual(prod.url, 'https://login.mypurecloud.ie/oauth/token');
    const secret = varNamed(prod.variables, 'clientSecret');
    assert.strictEqual(secret.resolved, false);
    assert.match(secret.problem!, /only in environment\(s\) dev, but the selected environment "prod"/);
  });

  it('with no environment selected, env-only names are unresolved and say so', async () => {
    const p = await parse(undefined);
    const host = varNamed(p.requests[0].variables, 'loginHost');
    assert.strictEqual(host.resolved, false);
    assert.match(host.problem!, /dev, prod, but no environment is selected/);
    assert.strictEqual(varNamed(p.requests[1].variables, 'apiHost').value, 'api.mypurecloud.com', '$shared still applies');
  });

  it('names set by a handler script are dynamic', async () => {
    const t = varNamed((await parse('dev')).requests[1].variables, 'accessToken');
    assert.deepStrictEqual([t.resolved, t.dynamic, t.source, r(t.range)], [false, true, 'script', '17:22-17:37']);
  });

  it('names set by a handler script file (> ./handlers/check.js) are dynamic; without file access they are unresolved', async () => {
    const v = varNamed((await parse('dev')).requests[4].variables, 'conversationId');
    assert.deepStrictEqual([v.resolved, v.dynamic, v.source], [false, true, 'script']);
    const blind = await parseDocument(createDocument(fixture('http', 'jetbrains.http'), readFixture('http', 'jetbrains.http')), { environment: 'dev' });
    assert.strictEqual(varNamed(blind.requests[4].variables, 'conversationId').dynamic, undefined);
  });

  it('marks values that are probably secrets as sensitive (private env file, .env, credential-like names)', async () => {
    const q = (await parse('dev')).requests[0];
    assert.deepStrictEqual(['loginHost', 'clientId', 'clientSecret'].map((n) => [n, varNamed(q.variables, n).sensitive ?? false]),
      [['loginHost', false], ['clientId', true], ['clientSecret', true]]);
    const c = (await calls()).requests[0];
    assert.deepStrictEqual([varNamed(c.variables, 'baseUrl').sensitive, varNamed(c.variables, 'token').sensitive], [undefined, true]);
  });

  it('<@ include: read relative to the file, variables processed and reported at the include path', async () => {
    const q = (await parse('dev')).requests[1];
    const inc = q.body!.include!;
    assert.deepStrictEqual([inc.path, r(inc.range), inc.processVariables, inc.resolvedPath],
      ['./bodies/call.json', '20:3-20:21', true, fixture('http', 'bodies', 'call.json')]);
    assert.strictEqual(inc.text, readFixture('http', 'bodies', 'call.json'));
    assert.strictEqual(q.body!.kind, 'json');
    assert.strictEqual(r(q.body!.range), '20:0-20:21', 'the handler line after it is not body');
    const phone = varNamed(q.variables, 'phone');
    assert.deepStrictEqual([phone.value, phone.inInclude, r(phone.range)], ['+13175550100', true, '20:3-20:21']);
    assert.strictEqual(varNamed(q.variables, 'callerId').resolved, false);
  });

  it('a missing include is a problem at the include path (no throw) and has no text', async () => {
    const p = await parse('dev');
    const inc = p.requests[2].body!.include!;
    assert.deepStrictEqual([inc.text, inc.processVariables, r(inc.range)], [undefined, undefined, '28:2-28:23']);
    const prob = p.problems!.find((x) => x.path?.endsWith('missing.json'));
    assert.ok(prob, JSON.stringify(p.problems));
    assert.strictEqual(r(prob.range), '28:2-28:23');
    assert.match(prob.message, /does not exist/);
  });

  it('without a FilesPort, includes and env files are reported, not guessed', async () => {
    const p = await parseDocument(createDocument('/w/a.http', 'POST https://h/x\n\n< ./b.json\n'), {});
    assert.strictEqual(p.requests[0].body!.include!.text, undefined);
    assert.match(p.problems![0].message, /no file access/);
  });

  it('$processEnv, with % indirection through the environment', async () => {
    const p = await parse('dev', { GENESYS_USER_ID: 'u-42' });
    const q = p.requests[3];
    assert.strictEqual(q.url, 'https://api.mypurecloud.com/api/v2/users/u-42?x=u-42');
    const direct = varNamed(q.variables, '$processEnv GENESYS_USER_ID');
    assert.deepStrictEqual([direct.resolved, direct.source, r(direct.range)], [true, 'processEnv', '31:37-31:68']);
    const missing = (await parse('dev', {})).requests[3].variables.find((v) => v.name === '$processEnv GENESYS_USER_ID')!;
    assert.deepStrictEqual([missing.resolved, missing.dynamic], [false, undefined]);
    assert.match(missing.problem!, /not set/);
  });

  it('an unknown environment is a problem', async () => {
    const p = await parse('staging');
    assert.match(p.problems![0].message, /Environment "staging" is not defined \(available: dev, prod\)/);
  });
});

describe('sources: curl commands and form bodies in .http files (curl.http)', () => {
  const parse = () => parseDocument(createDocument(fixture('http', 'curl.http'), readFixture('http', 'curl.http')), {});

  it('forum case 1 curl: -X, URL, -H, -d over continuation lines, with ranges', async () => {
    const q = (await parse()).requests[0];
    assert.deepStrictEqual([q.curl, q.method, r(q.methodRange), q.url, r(q.urlRange), r(q.range)],
      [true, 'POST', '1:8-1:12', 'https://api.mypurecloud.com/api/v2/oauth/token', '1:13-1:59', '1:0-4:86']);
    assert.deepStrictEqual(q.headers.map((h) => [h.name, h.value, r(h.valueRange)]), [['Content-Type', 'application/x-www-form-urlencoded', '2:20-2:53']]);
    assert.deepStrictEqual([q.body!.kind, q.body!.text, r(q.body!.range)],
      ['form', 'grant_type=client_credentials&scope=conversations:write outbound:campaign:write', '4:6-4:85']);
    assert.deepStrictEqual(q.variables.map((v) => [v.name, r(v.range)]), [['clientId', '3:6-3:18'], ['clientSecret', '3:19-3:35']]);
  });

  it('form fields and each scope name get their own range', async () => {
    const p = await parse();
    const fields = parseFormBody(p.doc, p.requests[0].body!);
    assert.deepStrictEqual(fields.map((f) => [f.name, f.value, r(f.nameRange), r(f.valueRange)]), [
      ['grant_type', 'client_credentials', '4:6-4:16', '4:17-4:35'],
      ['scope', 'conversations:write outbound:campaign:write', '4:36-4:41', '4:42-4:85'],
    ]);
    assert.deepStrictEqual(scopeNamesIn(p.doc, fields[1].rawValue, fields[1].valueOffset).map((s) => [s.scope, r(s.range)]),
      [['conversations:write', '4:42-4:61'], ['outbound:campaign:write', '4:62-4:85']]);
  });

  it('curl without -X but with data is POST; a JSON-looking body is json', async () => {
    const q = (await parse()).requests[1];
    assert.deepStrictEqual([q.method, q.methodImplicit, q.rawUrl, r(q.urlRange)], ['POST', true, 'https://{{apiHost}}/api/v2/conversations/calls', '7:6-7:52']);
    assert.deepStrictEqual([q.body!.kind, r(q.body!.range)], ['json', '7:103-7:133']);
    assert.deepStrictEqual(q.headers.map((h) => [h.name, h.rawValue, r(h.range)]), [['Authorization', 'Bearer {{token}}', '7:58-7:89']]);
  });

  it('multi-line form bodies (JetBrains token request) decode + and %XX', async () => {
    const text = 'POST https://login.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n&scope=users%3Areadonly+conversations\n';
    const p = await parseDocument(createDocument('/w/t.http', text));
    const fields = parseFormBody(p.doc, p.requests[0].body!);
    assert.deepStrictEqual(fields.map((f) => [f.name, f.value, r(f.valueRange)]),
      [['grant_type', 'client_credentials', '3:11-3:29'], ['scope', 'users:readonly conversations', '4:7-4:37']]);
    assert.deepStrictEqual(scopeNamesIn(p.doc, fields[1].rawValue, fields[1].valueOffset).map((s) => [s.scope, r(s.range)]),
      [['users:readonly', '4:7-4:23'], ['conversations', '4:24-4:37']]);
  });
});
