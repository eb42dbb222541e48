import * as assert from 'assert';
import { createDocument } from '../../src/core/text';
import { parseDocument } from '../../src/core/sources';
import { scanCode } from '../../src/core/sources/code';
import { fixture, r, readFixture } from './sourcesFixtures';

describe('sources: JS/TS scan (scopes, SDK calls, token URLs)', () => {
  const forum = () => scanCode(createDocument(fixture('code', 'forum-case-1.js'), readFixture('code', 'forum-case-1.js')));
  const app = () => scanCode(createDocument(fixture('code', 'app.ts'), readFixture('code', 'app.ts.txt')));

  it('forum case 1: setScopes array and scope= in a form string, one entry per name', () => {
    assert.deepStrictEqual(forum().scopes.map((s) => [s.scope, r(s.range), s.context]), [
      ['conversations:write', '4:19-4:38', 'call'],
      ['outbound:campaign:execute', '4:42-4:67', 'call'],
      ['conversations:write', '12:47-12:66', 'query'],
      ['outbound:campaign:write', '12:67-12:90', 'query'],
    ]);
    assert.strictEqual(r(forum().scopes[2].literalRange), '12:10-12:91');
  });

  it('forum case 1: method calls with receivers and SDK detection', () => {
    assert.deepStrictEqual(forum().calls.map((c) => [c.receiver, c.method, r(c.methodRange), c.sdkLike]), [
      ['client', 'setEnvironment', '3:7-3:21', true],
      ['client', 'setScopes', '4:7-4:16', true],
      ['conversationsApi', 'postConversationsCalls', '7:17-7:39', true],
      ['res', 'json', '14:13-14:17', false],
    ]);
    const s = forum();
    assert.strictEqual(s.calls[2].sdkReason, 'assigned from new platformClient.ConversationsApi()');
    assert.strictEqual(r(s.calls[2].receiverRange), '7:0-7:16');
    assert.deepStrictEqual(Object.keys(s.sdkVariables), ['platformClient', 'client', 'conversationsApi']);
  });

  it('forum case 1: the token URL on the API host is found with its range', () => {
    assert.deepStrictEqual(forum().tokenUrls, [{
      url: 'https://api.mypurecloud.com/api/v2/oauth/token', host: 'api.mypurecloud.com', path: '/api/v2/oauth/token',
      range: forum().tokenUrls[0].range,
    }]);
    assert.strictEqual(r(forum().tokenUrls[0].range), '10:27-10:73');
  });

  it('TS: annotated *_SCOPES variable, object scope property, URLSearchParams, params.append, + and %20 lists', () => {
    assert.deepStrictEqual(app().scopes.map((s) => [s.scope, r(s.range), s.context]), [
      ['conversations', '3:33-3:46', 'variable'],
      ['users:readonly', '3:50-3:64', 'variable'],
      ['conversations', '4:40-4:53', 'property'],
      ['outbound', '4:54-4:62', 'property'],
      ['users', '4:65-4:70', 'property'],
      ['conversations', '5:79-5:92', 'property'],
      ['users', '5:93-5:98', 'property'],
      ['telephony', '6:24-6:33', 'call'],
    ]);
  });

  it('TS: imports mark SDK variables; this.xxxApi is SDK-like by name; others are not', () => {
    const s = app();
    assert.deepStrictEqual(s.sdkVariables, { pc: "imported from 'purecloud-platform-client-v2'" });
    assert.deepStrictEqual(s.calls.map((c) => [c.receiver, c.method, c.sdkLike]), [
      ['params', 'append', false],
      ['this.usersApi', 'getUsersMe', true],
      ['helper', 'format', false],
      ['(items as any[])', 'map', false],
    ]);
    assert.strictEqual(s.tokenUrls[0].url, 'https://login.${region}/oauth/token');
    assert.strictEqual(r(s.tokenUrls[0].range), '8:18-8:53');
  });

  it('ignores scope-like text in comments and non-scope names', () => {
    const s = scanCode(createDocument('/x.js', "// scope: 'a b'\nconst telescope = 'x';\nconst y = { scopeName: 'z' };\n/* setScopes(['q']) */\n"));
    assert.deepStrictEqual(s.scopes, []);
  });

  it('more scope positions: .scopes = ..., "scope" string keys, const scope; comparisons are not assignments', () => {
    const text = "auth.scopes = ['conversations'];\nconst body = { \"scope\": \"users\" };\nlet scope = `telephony`;\nif (scope === 'nope') {}\n";
    const s = scanCode(createDocument('/x.js', text));
    assert.deepStrictEqual(s.scopes.map((x) => [x.scope, r(x.range), x.context]), [
      ['conversations', '0:16-0:29', 'variable'],
      ['users', '1:25-1:30', 'property'],
      ['telephony', '2:13-2:22', 'variable'],
    ]);
  });

  it('every scope= of a query string is found, and %20 lists are split', () => {
    const s = scanCode(createDocument('/x.js', "get('/authorize?scope=a%20b&state=1&scope=c');"));
    assert.deepStrictEqual(s.scopes.map((x) => [x.scope, r(x.range)]), [['a', '0:22-0:23'], ['b', '0:26-0:27'], ['c', '0:42-0:43']]);
  });

  it('receivers: chained constructions, optional calls, SDK-like by name', () => {
    const s = scanCode(createDocument('/x.ts', 'new pc.UsersApi().getUsersMe();\nthis.apiClient?.callApi(x);\nfoo.bar.baz();\n'));
    assert.deepStrictEqual(s.calls.map((c) => [c.receiver, c.method, r(c.receiverRange), c.sdkLike, c.sdkReason]), [
      ['new pc.UsersApi()', 'getUsersMe', '0:0-0:17', true, 'a new SDK API instance'],
      ['this.apiClient', 'callApi', '1:0-1:14', true, 'named "apiClient"'],
      ['foo.bar', 'baz', '2:0-2:7', false, undefined],
    ]);
  });

  it('parseDocument on a .js file returns no requests and the scan', async () => {
    const p = await parseDocument(createDocument('/w/a.js', "client.setScopes('conversations');"));
    assert.deepStrictEqual([p.requests.length, p.code!.scopes.map((x) => x.scope)], [0, ['conversations']]);
  });
});
