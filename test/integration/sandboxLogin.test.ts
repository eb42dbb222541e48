// The sandbox login host: PKCE authorization code (browser-like, over the
// HTML form), confidential code + refresh, client credentials, the RFC 8628
// device grant (sandbox-only) and --jwt mode verified through the JWKS.
import * as assert from 'assert';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { api } from '../../src/sandbox/testing/api';
import { FakeClock } from '../unit/auth-fakes';
import { formFields, pkceLogin, pkcePair } from '../../src/sandbox/testing/flows';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';

async function post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', redirect: 'manual', headers: { ...FORM, ...headers }, body: new URLSearchParams(form).toString() });
  const text = await res.text();
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, location: res.headers.get('location'), text, json };
}

describe('sandbox login host (integration)', () => {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  let sb: Sandbox;
  before(async () => { sb = await startSandbox({ port: 0, clock, deviceInterval: 5 }); });
  after(() => sb.close());
  const c = (name: string) => sb.fixture.clients.find((x) => x.name === name)!;
  const alice = () => sb.fixture.users[0].id;

  /** Runs the authorize step (GET page, POST form) and returns the redirect Location. */
  async function authorize(params: Record<string, string>, decision = 'approve', userId = alice()) {
    const page = await fetch(`${sb.url}/oauth/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
    if (page.status !== 200) return { status: page.status, location: page.headers.get('location'), text: await page.text() };
    const r = await post(`${sb.url}/oauth/authorize`, { ...formFields(await page.text()), userId, decision });
    return { status: r.status, location: r.location, text: r.text };
  }

  describe('authorization code + PKCE', () => {
    const redirect = 'http://127.0.0.1:49152/cb';
    it('accepts a loopback redirect on any port, verifies S256, and codes are single-use', async () => {
      const { verifier, challenge } = pkcePair();
      const pk = c('Call Doctor (PKCE)');
      const r = await authorize({ response_type: 'code', client_id: pk.id, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256', state: 'xyz' });
      assert.strictEqual(r.status, 302);
      const loc = new URL(r.location!);
      assert.strictEqual(`${loc.origin}${loc.pathname}`, redirect);
      assert.strictEqual(loc.searchParams.get('state'), 'xyz');
      const code = loc.searchParams.get('code')!;
      const wrong = await post(`${sb.url}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: pk.id, code_verifier: pkcePair().verifier });
      assert.strictEqual(wrong.status, 400);
      assert.strictEqual(wrong.json.error, 'invalid_grant');
      assert.ok(wrong.json.error_description);
      // The failed exchange consumed the code: the right verifier is now too late.
      const late = await post(`${sb.url}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: pk.id, code_verifier: verifier });
      assert.strictEqual(late.json.error, 'invalid_grant');
    });

    it('issues an opaque bearer token without a refresh token (ASSUMPTION FACTS §9.6)', async () => {
      const t = await pkceLogin(sb.url, c('Call Doctor (PKCE)').id, alice());
      assert.strictEqual(t.token_type, 'bearer');
      assert.strictEqual(t.expires_in, 86400);
      assert.strictEqual(t.refresh_token, undefined);
      assert.strictEqual(t.access_token.split('.').length, 1, 'opaque, not a JWT');
    });

    it('accepts the gc CLI style token request with a Basic header of clientId and an empty secret (FACTS §1.2)', async () => {
      const { verifier, challenge } = pkcePair();
      const pk = c('Call Doctor (PKCE)');
      const r = await authorize({ response_type: 'code', client_id: pk.id, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256' });
      const code = new URL(r.location!).searchParams.get('code')!;
      const t = await post(`${sb.url}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: pk.id, code_verifier: verifier },
        { authorization: `Basic ${Buffer.from(`${pk.id}:`).toString('base64')}` });
      assert.strictEqual(t.status, 200, t.text);
      assert.ok(t.json.access_token);
    });

    it('rejects an expired code', async () => {
      const { verifier, challenge } = pkcePair();
      const pk = c('Call Doctor (PKCE)');
      const r = await authorize({ response_type: 'code', client_id: pk.id, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256' });
      const code = new URL(r.location!).searchParams.get('code')!;
      clock.advance(61_000);
      const t = await post(`${sb.url}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: pk.id, code_verifier: verifier });
      assert.strictEqual(t.json.error, 'invalid_grant');
      assert.match(t.json.error_description, /expired/);
    });

    it('reports errors as redirect parameters once the redirect URI is trusted (RFC 6749 §4.1.2.1)', async () => {
      const pk = c('Call Doctor (PKCE)');
      const denied = await authorize({ response_type: 'code', client_id: pk.id, redirect_uri: redirect, code_challenge: pkcePair().challenge, code_challenge_method: 'S256', state: 's1' }, 'deny');
      assert.strictEqual(new URL(denied.location!).searchParams.get('error'), 'access_denied');
      assert.strictEqual(new URL(denied.location!).searchParams.get('state'), 's1');
      const noPkce = await authorize({ response_type: 'code', client_id: pk.id, redirect_uri: redirect });
      assert.strictEqual(noPkce.status, 302);
      assert.strictEqual(new URL(noPkce.location!).searchParams.get('error'), 'invalid_request');
      const token = await authorize({ response_type: 'token', client_id: pk.id, redirect_uri: redirect });
      assert.strictEqual(new URL(token.location!).searchParams.get('error'), 'unsupported_response_type');
      const plain = await authorize({ response_type: 'code', client_id: pk.id, redirect_uri: redirect, code_challenge: 'abc', code_challenge_method: 'plain' });
      assert.strictEqual(new URL(plain.location!).searchParams.get('error'), 'invalid_request');
    });

    it('shows an error page (no redirect) for an unregistered redirect URI or unknown client', async () => {
      const pk = c('Call Doctor (PKCE)');
      const evil = await authorize({ response_type: 'code', client_id: pk.id, redirect_uri: 'https://evil.example/cb', code_challenge: 'x', code_challenge_method: 'S256' });
      assert.strictEqual(evil.status, 400);
      assert.strictEqual(evil.location, null);
      assert.match(evil.text, /not registered/);
      const unknown = await authorize({ response_type: 'code', client_id: 'nope', redirect_uri: redirect });
      assert.strictEqual(unknown.status, 400);
    });
  });

  describe('confidential code client, refresh and client credentials', () => {
    it('issues a refresh token to a confidential client and rotates it', async () => {
      const web = c('Legacy Web App');
      const r = await authorize({ response_type: 'code', client_id: web.id, redirect_uri: 'http://localhost:8080/callback' });
      const code = new URL(r.location!).searchParams.get('code')!;
      const basic = { authorization: `Basic ${Buffer.from(`${web.id}:${web.secret}`).toString('base64')}` };
      const noSecret = await post(`${sb.url}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:8080/callback', client_id: web.id });
      assert.strictEqual(noSecret.status, 401);
      assert.strictEqual(noSecret.json.error, 'invalid_client');
      const r2 = await authorize({ response_type: 'code', client_id: web.id, redirect_uri: 'http://localhost:8080/callback' });
      const t = await post(`${sb.url}/oauth/token`, { grant_type: 'authorization_code', code: new URL(r2.location!).searchParams.get('code')!, redirect_uri: 'http://localhost:8080/callback' }, basic);
      assert.strictEqual(t.status, 200);
      assert.ok(t.json.refresh_token);
      const refreshed = await post(`${sb.url}/oauth/token`, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token }, basic);
      assert.strictEqual(refreshed.status, 200);
      assert.notStrictEqual(refreshed.json.access_token, t.json.access_token);
      const me = await api(sb.url, refreshed.json.access_token, 'GET', '/api/v2/users/me');
      assert.strictEqual(me.json.id, alice());
      const reuse = await post(`${sb.url}/oauth/token`, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token }, basic);
      assert.strictEqual(reuse.json.error, 'invalid_grant');
      const cc = await post(`${sb.url}/oauth/token`, { grant_type: 'client_credentials' }, basic);
      assert.strictEqual(cc.json.error, 'unauthorized_client');
    });

    it('refuses a JSON token request (the form encoding RFC 6749 requires)', async () => {
      const cc = c('Dialer Integration');
      const res = await fetch(`${sb.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${cc.id}:${cc.secret}`).toString('base64')}` }, body: JSON.stringify({ grant_type: 'client_credentials' }) });
      assert.strictEqual(res.status, 400);
      assert.deepStrictEqual(await res.json(), { error: 'invalid_request', error_description: 'The token request must be application/x-www-form-urlencoded.' });
    });

    it('refuses a wrong client secret and an unknown grant type', async () => {
      const cc = c('Dialer Integration');
      const bad = await post(`${sb.url}/oauth/token`, { grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from(`${cc.id}:wrong`).toString('base64')}` });
      assert.strictEqual(bad.status, 401);
      assert.strictEqual(bad.json.error, 'invalid_client');
      const odd = await post(`${sb.url}/oauth/token`, { grant_type: 'password', client_id: cc.id, client_secret: cc.secret! });
      assert.strictEqual(odd.status, 400);
      assert.strictEqual(odd.json.error, 'unsupported_grant_type');
    });
  });

  describe('device authorization grant (RFC 8628, sandbox-only)', () => {
    async function start(clientId: string) {
      return post(`${sb.url}/oauth/device/authorize`, { client_id: clientId });
    }
    const poll = (clientId: string, deviceCode: string) => post(`${sb.url}/oauth/token`, { grant_type: DEVICE, client_id: clientId, device_code: deviceCode });

    it('walks authorization_pending -> slow_down -> approval via the verification page -> token', async () => {
      const dev = c('Call Doctor (device)');
      const d = (await start(dev.id)).json;
      assert.match(d.user_code, /^[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}$/);
      assert.strictEqual(d.verification_uri, `${sb.url}/oauth/device`);
      assert.strictEqual(d.interval, 5);
      assert.strictEqual((await poll(dev.id, d.device_code)).json.error, 'authorization_pending');
      const fast = await poll(dev.id, d.device_code);
      assert.strictEqual(fast.json.error, 'slow_down');
      const page = await fetch(d.verification_uri_complete);
      assert.match(await page.text(), new RegExp(`value="${d.user_code}"`));
      const approve = await post(`${sb.url}/oauth/device`, { user_code: d.user_code.toLowerCase(), userId: alice(), decision: 'approve' });
      assert.strictEqual(approve.status, 200);
      clock.advance(10_000); // slow_down raised the interval to 10 s
      const t = await poll(dev.id, d.device_code);
      assert.strictEqual(t.status, 200, t.text);
      const me = await api(sb.url, t.json.access_token, 'GET', '/api/v2/users/me');
      assert.strictEqual(me.json.id, alice());
      clock.advance(20_000);
      assert.strictEqual((await poll(dev.id, d.device_code)).json.error, 'invalid_grant', 'a device code is single-use');
    });

    it('reports access_denied, expired_token, a bad user code, and clients without the grant', async () => {
      const dev = c('Call Doctor (device)');
      const d1 = (await start(dev.id)).json;
      sb.denyDevice(d1.user_code);
      assert.strictEqual((await poll(dev.id, d1.device_code)).json.error, 'access_denied');
      const d2 = (await start(dev.id)).json;
      clock.advance(601_000);
      assert.strictEqual((await poll(dev.id, d2.device_code)).json.error, 'expired_token');
      const wrong = await post(`${sb.url}/oauth/device`, { user_code: 'ZZZZ-ZZZZ', userId: alice(), decision: 'approve' });
      assert.strictEqual(wrong.status, 400);
      assert.match(wrong.text, /not valid/);
      assert.throws(() => sb.approveDevice('ZZZZ-ZZZZ', alice()), /not valid/);
      const notAllowed = await start(c('Call Doctor (PKCE)').id);
      assert.strictEqual(notAllowed.status, 400);
      assert.strictEqual(notAllowed.json.error, 'unauthorized_client');
    });

    it('approveDevice() does what the verification form does', async () => {
      const dev = c('Call Doctor (device)');
      const d = (await start(dev.id)).json;
      sb.approveDevice(d.user_code, sb.fixture.users[1].id);
      const t = await poll(dev.id, d.device_code);
      assert.strictEqual((await api(sb.url, t.json.access_token, 'GET', '/api/v2/users/me')).json.id, sb.fixture.users[1].id);
    });
  });
});

describe('sandbox --jwt mode (integration)', () => {
  let sb: Sandbox;
  before(async () => { sb = await startSandbox({ port: 0, jwt: true }); });
  after(() => sb.close());

  it('advertises a JWKS and issues ES256 JWTs that verify against it and still work on the API', async () => {
    const meta = await api(sb.url, undefined, 'GET', '/.well-known/oauth-authorization-server');
    assert.strictEqual(meta.json.jwks_uri, `${sb.url}/.well-known/jwks.json`);
    const jwks = (await api(sb.url, undefined, 'GET', '/.well-known/jwks.json')).json;
    assert.strictEqual(jwks.keys.length, 1);
    assert.strictEqual(jwks.keys[0].d, undefined, 'public key only');
    const alice = sb.fixture.users[0];
    const t = await pkceLogin(sb.url, sb.fixture.clients[0].id, alice.id);
    const { payload, protectedHeader } = await jwtVerify(t.access_token, createLocalJWKSet(jwks), { issuer: sb.url, audience: sb.url });
    assert.strictEqual(protectedHeader.alg, 'ES256');
    assert.strictEqual(payload.sub, alice.id);
    assert.strictEqual(payload.scope, sb.fixture.clients[0].scope!.join(' '));
    assert.strictEqual((await api(sb.url, t.access_token, 'GET', '/api/v2/tokens/me')).status, 200);
    const tampered = t.access_token.slice(0, -4) + (t.access_token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await assert.rejects(jwtVerify(tampered, createLocalJWKSet(jwks)));
    assert.strictEqual((await api(sb.url, tampered, 'GET', '/api/v2/tokens/me')).status, 401);
  });
});
