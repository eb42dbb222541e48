import * as assert from 'assert';
import { applyEdits, lint, only, textAt } from './rulesSupport';

const JS = `const platformClient = require('purecloud-platform-client-v2');
const client = platformClient.ApiClient.instance;
client.setEnvironment('mypurecloud.com');
client.setScopes(['conversations:write', 'outbound:campaign:view']);
const tokenUrl = 'https://api.mypurecloud.com/api/v2/oauth/token';
client.loginClientCredentialsGrant(id, secret).then(() => {
  const apiInstance = new platformClient.ConversationsApi();
  return apiInstance.postConversationCalls({ phoneNumber: '+15551234567' });
});
`;

describe('rules on JS/TS code', () => {
  it('sdk.unknown-method: setScopes says scopes are configured on the OAuth client', async () => {
    const f = only(await lint(JS, 'call.js'), 'sdk.unknown-method');
    assert.deepStrictEqual(f.map((x) => textAt(JS, x)), ['setScopes', 'postConversationCalls']);
    assert.strictEqual(f[0].severity, 'error');
    assert.match(f[0].message, /ApiClient has no method `setScopes`: .*configured on the OAuth client in Genesys Cloud admin/);
    assert.match(f[1].message, /ConversationsApi has no method `postConversationCalls`.*did you mean `postConversationsCalls`/);
  });

  it('scope strings in code go through the scope rules', async () => {
    const r = await lint(JS, 'call.js');
    assert.deepStrictEqual(only(r, 'scope.unknown').map((x) => textAt(JS, x)), ['conversations:write']);
    assert.deepStrictEqual(only(r, 'scope.is-permission').map((x) => textAt(JS, x)), ['outbound:campaign:view']);
  });

  it('token URL strings get endpoint.wrong-host with a fix', async () => {
    const [f] = only(await lint(JS, 'call.js'), 'endpoint.wrong-host');
    assert.strictEqual(textAt(JS, f), 'https://api.mypurecloud.com/api/v2/oauth/token');
    assert.match(applyEdits(JS, f.fixes[0].edits), /const tokenUrl = 'https:\/\/login\.mypurecloud\.com\/oauth\/token';/);
  });

  it('real SDK methods and non-SDK receivers are not flagged', async () => {
    const text = `const axios = require('axios');\nconst client = axios.create();\nclient.post('/x');\nconst p = require('purecloud-platform-client-v2');\nconst c = p.ApiClient.instance;\nc.setAccessToken('t');\nnew p.UsersApi().getUsersMe();\n`;
    assert.deepStrictEqual(only(await lint(text, 'ok.js'), 'sdk.unknown-method'), []);
  });

  it('ignores files that neither use the SDK nor name a Genesys host (other OAuth providers, axios clients)', async () => {
    const text = "const params = { scope: 'openid email profile' };\nconst client = makeClient();\nclient.setScopes(['a']);\nclient.getThing();\n";
    const r = await lint(text, 'google.js');
    assert.deepStrictEqual(r.findings, []);
    const genesys = await lint('// Genesys Cloud\n' + text, 'g.js');
    assert.deepStrictEqual(genesys.findings.map((f) => f.rule).sort(), ['scope.unknown', 'scope.unknown', 'scope.unknown', 'sdk.unknown-method', 'sdk.unknown-method', 'scope.unknown'].sort());
  });

  it('says "could not determine" once when the SDK method list is unavailable', async () => {
    const r = await lint(JS, 'call.js', { knowledge: { sdkMethods: undefined, sdkMethodsProblem: 'data/catalog/sdk-methods.json is missing' } });
    const f = only(r, 'sdk.unknown-method');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].severity, 'info');
    assert.match(f[0].message, /Could not determine .*sdk-methods\.json is missing/);
  });
});
