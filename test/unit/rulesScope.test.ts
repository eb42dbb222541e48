import * as assert from 'assert';
import { fromLiveScopes } from '../../src/core/knowledge/scopes';
import { lint, only, textAt } from './rulesSupport';

const TOKEN = 'POST https://login.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\n';

describe('scope rules', () => {
  it('case 1: scope.unknown for conversations:write and outbound:campaign:write, with exact ranges', async () => {
    const text = TOKEN + 'grant_type=client_credentials&scope=conversations:write outbound:campaign:write';
    const f = only(await lint(text), 'scope.unknown');
    assert.deepStrictEqual(f.map((x) => textAt(text, x)), ['conversations:write', 'outbound:campaign:write']);
    assert.ok(f.every((x) => x.severity === 'error' && x.request === 0));
    assert.match(f[0].message, /plain `conversations`/);
    assert.match(f[1].message, /permission's shape/);
    assert.match(f[1].message, /`outbound`/);
    assert.match(f[0].message, /scopes do not apply to client-credentials clients/);
    assert.strictEqual(f[0].source.verified, false, 'the real scope names are UNVERIFIED (FACTS §2.3)');
  });

  it('case 2 scopes: calls:view, calls:modify, callcenter:outboundcalls:modify (form body over several lines, + separated)', async () => {
    const text = TOKEN + 'grant_type=authorization_code\n&scope=calls:view+calls:modify%20callcenter:outboundcalls:modify';
    const f = only(await lint(text), 'scope.unknown');
    assert.deepStrictEqual(f.map((x) => textAt(text, x)), ['calls:view', 'calls:modify', 'callcenter:outboundcalls:modify']);
    assert.doesNotMatch(f[0].message, /client-credentials/);
    assert.match(f[0].message, /conversations:readonly/);
  });

  it('scope.is-permission for outbound:campaign:view, naming the probable scope', async () => {
    const text = TOKEN + 'grant_type=authorization_code&scope=outbound:campaign:view users';
    const r = await lint(text);
    const [f] = only(r, 'scope.is-permission');
    assert.strictEqual(textAt(text, f), 'outbound:campaign:view');
    assert.match(f.message, /is a permission, not an OAuth scope/);
    assert.match(f.message, /`outbound:readonly` or `outbound`/);
    assert.deepStrictEqual(only(r, 'scope.unknown'), [], 'users is a real scope; the permission is not reported twice');
  });

  it('a made-up name absent from every list is still flagged (telephony:magic, zzz)', async () => {
    const text = TOKEN + 'grant_type=authorization_code&scope=telephony:magic zzz-unknown';
    const f = only(await lint(text), 'scope.unknown');
    assert.deepStrictEqual(f.map((x) => textAt(text, x)), ['telephony:magic', 'zzz-unknown']);
    assert.strictEqual(f[0].severity, 'error');
    assert.match(f[0].message, /not a valid Genesys OAuth scope name.*`telephony`/);
    assert.strictEqual(f[1].severity, 'warning', 'a well-shaped name missing from an unverified list is only probable');
    assert.match(f[1].message, /not verified/);
  });

  it('with the live scope list an absent well-shaped name is an error, and live names are accepted', async () => {
    const live = fromLiveScopes({ entities: [{ id: 'conversations' }, { id: 'brand-new' }] });
    const text = TOKEN + 'grant_type=authorization_code&scope=brand-new users';
    const f = only(await lint(text, 'a.http', { knowledge: { scopes: live } }), 'scope.unknown');
    assert.deepStrictEqual(f.map((x) => textAt(text, x)), ['users']);
    assert.strictEqual(f[0].severity, 'error');
    assert.match(f[0].message, /GET \/api\/v2\/oauth\/scopes/);
  });

  it('finds scopes in the query string of an authorize URL', async () => {
    const text = 'GET https://login.mypurecloud.com/oauth/authorize?response_type=code&client_id=x&scope=conversations:call:add%20users:readonly';
    const f = only(await lint(text), 'scope.unknown');
    assert.deepStrictEqual(f.map((x) => textAt(text, x)), ['conversations:call:add']);
    assert.match(f[0].message, /conversation:call:add belongs to POST \/api\/v2\/conversations\/calls\/user\/\{userId\}/);
  });

  it('checks the scope array of an OAuth client body', async () => {
    const text = 'POST https://api.mypurecloud.com/api/v2/oauth/clients\nContent-Type: application/json\n\n{"name":"x","scope":["conversations","calls:outbound"]}';
    const f = only(await lint(text), 'scope.unknown');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].pointer, '/scope/1');
    assert.strictEqual(textAt(text, f[0]), '"calls:outbound"');
  });

  it('real scopes and variables produce nothing', async () => {
    const r = await lint(TOKEN + 'grant_type=authorization_code&scope=conversations users:readonly {{extra}}');
    assert.deepStrictEqual(r.findings.filter((f) => f.rule.startsWith('scope.')), []);
  });
});
