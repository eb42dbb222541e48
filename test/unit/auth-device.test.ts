import * as assert from 'assert';
import { parseEnvironment } from '../../src/core/env/environment';
import { deviceFlow, DEVICE_CODE_GRANT } from '../../src/core/auth/flows/device';
import { AuthError } from '../../src/core/auth/errors';
import type { FlowContext } from '../../src/core/auth/flows/types';
import { FakeClock, FakeHttp, FakePrompt, RecordingLog, json, type Route } from './auth-fakes';

const BASE = 'http://127.0.0.1:9999';
const env = parseEnvironment(BASE);
const META = {
  issuer: BASE, token_endpoint: `${BASE}/oauth/token`, authorization_endpoint: `${BASE}/oauth/authorize`,
  device_authorization_endpoint: `${BASE}/oauth/device/authorize`,
};

/** A login server whose token endpoint answers each poll with the next scripted reply. */
function server(polls: Array<{ error: string } | 'token'>, deviceReply?: Record<string, unknown>) {
  let i = 0;
  const token: Route = (_req, form) => {
    assert.strictEqual(form.get('grant_type'), DEVICE_CODE_GRANT);
    assert.strictEqual(form.get('device_code'), 'dev-123');
    assert.strictEqual(form.get('client_id'), 'cli');
    const next = polls[i++] ?? { error: 'authorization_pending' };
    return next === 'token' ? json(200, { access_token: 'AT', token_type: 'bearer', expires_in: 3600, refresh_token: 'RT', scope: 'users conversations' })
      : json(400, { ...next, error_description: `scripted ${next.error}` });
  };
  return new FakeHttp({
    [`GET ${BASE}/.well-known/oauth-authorization-server`]: () => json(200, META),
    [`POST ${BASE}/oauth/device/authorize`]: (_req, form) => {
      assert.strictEqual(form.get('client_id'), 'cli');
      return json(200, deviceReply ?? {
        device_code: 'dev-123', user_code: 'BCDF-GHJK', verification_uri: `${BASE}/oauth/device`,
        verification_uri_complete: `${BASE}/oauth/device?user_code=BCDF-GHJK`, expires_in: 600, interval: 5,
      });
    },
    [`POST ${BASE}/oauth/token`]: token,
  });
}

function ctx(http: FakeHttp, extra: Partial<FlowContext> = {}): FlowContext & { clock: FakeClock; prompt: FakePrompt } {
  return { env, http, clock: new FakeClock(), prompt: new FakePrompt(), log: new RecordingLog(), ...extra } as FlowContext & { clock: FakeClock; prompt: FakePrompt };
}

describe('device flow (RFC 8628) with a fake server and a virtual clock', () => {
  it('discovers the endpoint, shows the code, polls through authorization_pending and returns a session', async () => {
    const http = server([{ error: 'authorization_pending' }, { error: 'authorization_pending' }, 'token']);
    const c = ctx(http);
    const session = await deviceFlow.signIn(c, { clientId: 'cli' });
    assert.strictEqual(session.accessToken, 'AT');
    assert.strictEqual(session.refreshToken, 'RT');
    assert.strictEqual(session.grant, 'device');
    assert.deepStrictEqual(session.scopes, ['users', 'conversations']);
    assert.strictEqual(session.expiresAt, c.clock.now() + 3600_000);
    assert.deepStrictEqual(c.clock.sleeps, [5000, 5000, 5000]);
    assert.strictEqual(http.to('/oauth/token').length, 3);
    assert.strictEqual(c.prompt.shown[0].detail?.code, 'BCDF-GHJK');
    assert.strictEqual(c.prompt.shown[0].detail?.url, `${BASE}/oauth/device?user_code=BCDF-GHJK`);
    assert.match(c.prompt.shown[0].message, /BCDF-GHJK/);
    assert.deepStrictEqual(c.prompt.opened, [], 'the browser opens only when asked');
  });

  it('adds 5 s to the interval for every slow_down, cumulatively', async () => {
    const c = ctx(server([{ error: 'slow_down' }, { error: 'authorization_pending' }, { error: 'slow_down' }, 'token']));
    await deviceFlow.signIn(c, { clientId: 'cli', openBrowser: true });
    assert.deepStrictEqual(c.clock.sleeps, [5000, 10000, 10000, 15000]);
    assert.deepStrictEqual(c.prompt.opened, [`${BASE}/oauth/device?user_code=BCDF-GHJK`]);
  });

  it('uses a 5 s interval when the server sends none', async () => {
    const c = ctx(server(['token'], { device_code: 'dev-123', user_code: 'X', verification_uri: `${BASE}/d`, expires_in: 60 }));
    await deviceFlow.signIn(c, { clientId: 'cli' });
    assert.deepStrictEqual(c.clock.sleeps, [5000]);
  });

  it('reports access_denied', async () => {
    const c = ctx(server([{ error: 'authorization_pending' }, { error: 'access_denied' }]));
    await assert.rejects(deviceFlow.signIn(c, { clientId: 'cli' }),
      (e: AuthError) => e.code === 'access_denied' && /denied/.test(e.message));
  });

  it('reports expired_token from the server', async () => {
    const c = ctx(server([{ error: 'expired_token' }]));
    await assert.rejects(deviceFlow.signIn(c, { clientId: 'cli' }),
      (e: AuthError) => e.code === 'expired_token' && /expired.*600 s/.test(e.message));
  });

  it('stops by itself when expires_in has passed, without waiting for the server to say so', async () => {
    const http = server([], { device_code: 'dev-123', user_code: 'X', verification_uri: `${BASE}/d`, expires_in: 12, interval: 5 });
    const c = ctx(http);
    await assert.rejects(deviceFlow.signIn(c, { clientId: 'cli' }), (e: AuthError) => e.code === 'expired_token');
    assert.strictEqual(http.to('/oauth/token').length, 2, 'polls at 5 s and 10 s, gives up at 15 s');
  });

  it('turns other OAuth errors into a clear failure with a hint', async () => {
    const c = ctx(server([{ error: 'invalid_client' }]));
    await assert.rejects(deviceFlow.signIn(c, { clientId: 'cli' }),
      (e: AuthError) => e.code === 'oauth' && /invalid_client: scripted invalid_client/.test(e.message) && /client id/.test(e.message));
  });

  it('is cancelled through the AbortSignal while polling', async () => {
    const controller = new AbortController();
    const http = server([]);
    const clock = new FakeClock();
    let n = 0;
    const c = ctx(http, { clock, signal: controller.signal });
    const orig = clock.sleep.bind(clock);
    clock.sleep = async (ms, signal) => { if (++n === 3) controller.abort(); return orig(ms, signal); };
    await assert.rejects(deviceFlow.signIn(c, { clientId: 'cli' }), (e: AuthError) => e.code === 'cancelled');
    assert.strictEqual(http.to('/oauth/token').length, 2);
  });

  it('refuses Genesys regions with an explanation pointing to PKCE', async () => {
    const c = ctx(new FakeHttp({}), { env: parseEnvironment('eu_west_1') });
    const reason = await deviceFlow.unavailableReason(c, { clientId: 'cli' });
    assert.match(reason ?? '', /does not offer the OAuth device authorization grant.*--flow pkce/);
    await assert.rejects(deviceFlow.signIn(c, { clientId: 'cli' }), (e: AuthError) => e.code === 'unsupported');
    assert.strictEqual((c.http as FakeHttp).requests.length, 0, 'nothing is sent to Genesys');
  });

  it('says so when the server advertises no device endpoint, and accepts an explicit one', async () => {
    const noDevice = new FakeHttp({
      [`GET ${BASE}/.well-known/oauth-authorization-server`]: () => json(200, { ...META, device_authorization_endpoint: undefined }),
    });
    assert.match(await deviceFlow.unavailableReason(ctx(noDevice), { clientId: 'cli' }) ?? '', /advertises no device_authorization_endpoint/);
    assert.strictEqual(await deviceFlow.unavailableReason(ctx(noDevice), { clientId: 'cli', deviceEndpoint: `${BASE}/dev` }), undefined);
    assert.match(await deviceFlow.unavailableReason(ctx(noDevice), {}) ?? '', /client id/);
  });

  it('refuses metadata that sends the device code to another host', async () => {
    const evil = new FakeHttp({
      [`GET ${BASE}/.well-known/oauth-authorization-server`]: () => json(200, { ...META, device_authorization_endpoint: 'https://evil.example.test/device' }),
    });
    await assert.rejects(deviceFlow.signIn(ctx(evil), { clientId: 'cli' }), (e: AuthError) => e.code === 'discovery' && /outside/.test(e.message));
  });

  it('refuses a verification address that is not a web URL', async () => {
    const c = ctx(server([], { device_code: 'dev-123', user_code: 'X', verification_uri: 'file:///etc/passwd', expires_in: 60 }));
    await assert.rejects(deviceFlow.signIn(c, { clientId: 'cli', openBrowser: true }), (e: AuthError) => e.code === 'http' && /not a web URL/.test(e.message));
    assert.deepStrictEqual(c.prompt.opened, []);
  });

  it('explains a device endpoint that answers without the required fields', async () => {
    const c = ctx(server([], { user_code: 'X' }));
    await assert.rejects(deviceFlow.signIn(c, { clientId: 'cli' }), (e: AuthError) => e.code === 'http' && /without device_code/.test(e.message));
  });
});
