import * as assert from 'assert';
import { lint, only, textAt } from './rulesSupport';

const CC = '# @name login\nPOST https://login.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n\n###\n';
const CALL = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n';
const BODY = '\n{"phoneNumber": "+15551234567"}\n';

describe('grant.no-user-context', () => {
  it('an error on the Authorization header fed by a client-credentials request variable', async () => {
    const text = CC + CALL + 'Authorization: Bearer {{login.response.body.access_token}}\n' + BODY;
    const [f] = only(await lint(text), 'grant.no-user-context');
    assert.strictEqual(f.severity, 'error');
    assert.strictEqual(f.request, 1);
    assert.strictEqual(textAt(text, f), 'Authorization: Bearer {{login.response.body.access_token}}');
    assert.match(f.message, /400 not\.a\.user/);
    assert.match(f.message, /POST \/api\/v2\/conversations\/calls\/user\/\{userId\}/);
    assert.match(f.source.ref, /not\.a\.user/);
  });

  it('follows a file variable holding the request variable', async () => {
    const text = '@token = {{login.response.body.$.access_token}}\n' + CC + 'GET https://api.mypurecloud.com/api/v2/users/me\nAuthorization: Bearer {{token}}\n';
    const [f] = only(await lint(text), 'grant.no-user-context');
    assert.strictEqual(f.severity, 'error');
    assert.match(f.message, /GET \/api\/v2\/users\/me needs a user context/);
    assert.doesNotMatch(f.message, /calls\/user/);
  });

  it('a warning when the file only has a client-credentials grant and the token is not linked', async () => {
    const [f] = only(await lint(CC + CALL + 'Authorization: Bearer {{$dotenv TOKEN}}\n' + BODY), 'grant.no-user-context');
    assert.strictEqual(f.severity, 'warning');
    assert.match(f.message, /this file gets its token from a client-credentials grant/);
  });

  it('nothing for user grants, operations without user context, or no client-credentials request', async () => {
    const code = CC.replace('client_credentials', 'authorization_code&code=x');
    assert.deepStrictEqual(only(await lint(code + CALL + 'Authorization: Bearer {{login.response.body.access_token}}\n' + BODY), 'grant.no-user-context'), []);
    assert.deepStrictEqual(only(await lint(CC + 'GET https://api.mypurecloud.com/api/v2/tokens/me\nAuthorization: Bearer {{login.response.body.access_token}}\n'), 'grant.no-user-context'), []);
    assert.deepStrictEqual(only(await lint(CALL + 'Authorization: Bearer x\n' + BODY), 'grant.no-user-context'), []);
  });
});

describe('variable.unresolved', () => {
  it('flags names defined nowhere, with the exact {{...}} range', async () => {
    const text = 'GET https://api.mypurecloud.com/api/v2/users/{{userId}}\nAuthorization: Bearer {{token}}\n';
    const f = only(await lint(text), 'variable.unresolved');
    assert.deepStrictEqual(f.map((x) => textAt(text, x)), ['{{userId}}', '{{token}}']);
    assert.ok(f.every((x) => x.severity === 'warning'));
    assert.match(f[0].message, /Define it with `@userId = …`/);
  });

  it('does not flag defined, dynamic or request variables, nor requests to other hosts', async () => {
    const text = '@id = 42\n' + CC + 'GET https://api.mypurecloud.com/api/v2/users/{{id}}?x={{$guid}}\nAuthorization: Bearer {{login.response.body.access_token}}\n\n###\nGET https://example.com/{{nothing}}';
    assert.deepStrictEqual(only(await lint(text), 'variable.unresolved'), []);
  });
});
