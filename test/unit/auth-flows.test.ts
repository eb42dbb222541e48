import * as assert from 'assert';
import { parseEnvironment } from '../../src/core/env/environment';
import { AuthError } from '../../src/core/auth/errors';
import { clientCredentialsFlow } from '../../src/core/auth/flows/clientCredentials';
import { accessTokenFlow } from '../../src/core/auth/flows/accessToken';
import { pkceFlow } from '../../src/core/auth/flows/pkce';
import { challengeS256 } from '../../src/core/auth/pkce';
import { chooseFlow } from '../../src/core/auth/signIn';
import { discoverEndpoints } from '../../src/core/auth/metadata';
import { refreshSession, loadValidSession } from '../../src/core/auth/refresh';
import { SessionStore, type Session } from '../../src/core/auth/session';
import type { LoopbackPort, LoopbackRequest, LoopbackResponse } from '../../src/core/auth/loopback';
import type { FlowContext } from '../../src/core/auth/flows/types';
import { FakeClock, FakeHttp, FakePrompt, MemorySecrets, RecordingLog, json } from './auth-fakes';

const ie = parseEnvironment('eu_west_1');
const TOKEN_URL = 'https://login.mypurecloud.ie/oauth/token';

function ctx(http: FakeHttp, extra: Partial<FlowContext> = {}): FlowContext {
  return { env: ie, http, clock: new FakeClock(), prompt: new FakePrompt(), log: new RecordingLog(), ...extra };
}

/** A LoopbackPort without sockets: the "browser" calls the captured handler. */
class FakeLoopback implements LoopbackPort {
  handler?: (req: LoopbackRequest) => Promise<LoopbackResponse>;
  closed = 0;
  pages: LoopbackResponse[] = [];
  async listen(port: number, handler: (req: LoopbackRequest) => Promise<LoopbackResponse>) {
    this.handler = handler;
    return { port: port || 53123, close: async () => { this.closed++; } };
  }
  async visit(query: Record<string, string>, path = '/'): Promise<LoopbackResponse> {
    const page = await this.handler!({ method: 'GET', path, query: new URLSearchParams(query) });
    this.pages.push(page);
    return page;
  }
}

describe('client credentials flow', () => {
  it('sends HTTP Basic clientId:secret and grant_type=client_credentials to login.<env>/oauth/token', async () => {
    const http = new FakeHttp({ [`POST ${TOKEN_URL}`]: () => json(200, { access_token: 'CC', token_type: 'bearer', expires_in: 86399 }) });
    const c = ctx(http);
    const s = await clientCredentialsFlow.signIn(c, { clientId: 'id-1', clientSecret: 's3cr:et' });
    const req = http.requests[0];
    assert.strictEqual(req.headers?.authorization, 'Basic ' + Buffer.from('id-1:s3cr:et').toString('base64'));
    assert.strictEqual(req.headers?.['content-type'], 'application/x-www-form-urlencoded');
    assert.strictEqual(req.body, 'grant_type=client_credentials');
    assert.strictEqual(s.grant, 'client-credentials');
    assert.strictEqual(s.accessToken, 'CC');
    assert.strictEqual(s.expiresAt, c.clock.now() + 86399_000);
    assert.strictEqual(s.refreshToken, undefined);
  });

  it('explains invalid_client and a missing secret', async () => {
    const http = new FakeHttp({ [`POST ${TOKEN_URL}`]: () => json(401, { error: 'invalid_client', description: 'client not found' }) });
    await assert.rejects(clientCredentialsFlow.signIn(ctx(http), { clientId: 'x', clientSecret: 'y' }),
      (e: AuthError) => e.code === 'oauth' && /HTTP 401, invalid_client: client not found/.test(e.message) && /region/.test(e.message));
    await assert.rejects(clientCredentialsFlow.signIn(ctx(http), { clientId: 'x' }), (e: AuthError) => e.code === 'config');
  });

  it('reports a token endpoint that answers without a token', async () => {
    const http = new FakeHttp({ [`POST ${TOKEN_URL}`]: () => ({ status: 502, headers: {}, body: '<html>Bad gateway</html>' }) });
    await assert.rejects(clientCredentialsFlow.signIn(ctx(http), { clientId: 'x', clientSecret: 'y' }),
      (e: AuthError) => e.code === 'http' && /HTTP 502 without a token/.test(e.message));
  });
});

describe('access token flow', () => {
  it('checks the token with GET /api/v2/tokens/me on the environment API host', async () => {
    const http = new FakeHttp({ 'GET https://api.mypurecloud.ie/api/v2/tokens/me': (req) =>
      req.headers?.authorization === 'Bearer good' ? json(200, { organization: { id: 'o' } }) : json(401, { code: 'bad.credentials' }) });
    const s = await accessTokenFlow.signIn(ctx(http), { accessToken: ' good ' });
    assert.strictEqual(s.accessToken, 'good');
    assert.strictEqual(s.grant, 'token');
    await assert.rejects(accessTokenFlow.signIn(ctx(http), { accessToken: 'bad' }), (e: AuthError) => e.code === 'access_denied' && /401/.test(e.message));
    await assert.rejects(accessTokenFlow.signIn(ctx(http), { accessToken: 'Bearer good' }), /whitespace/);
  });
});

describe('PKCE loopback flow (fake loopback and browser)', () => {
  const AUTH = 'https://login.mypurecloud.ie/oauth/authorize';

  function setup(browser: (url: URL, lb: FakeLoopback) => Promise<void> | void, tokenReply = () => json(200, { access_token: 'PK', expires_in: 3600 })) {
    const lb = new FakeLoopback();
    const http = new FakeHttp({ [`POST ${TOKEN_URL}`]: tokenReply });
    const prompt = new FakePrompt((u) => browser(new URL(u), lb));
    return { lb, http, prompt, c: ctx(http, { prompt, loopback: lb }) };
  }

  it('opens the authorize URL with S256 and state, checks state, and exchanges the code without a secret', async () => {
    let authUrl!: URL;
    const { lb, http, c } = setup(async (url, lb2) => { authUrl = url; await lb2.visit({ code: 'C1', state: url.searchParams.get('state')! }); });
    const s = await pkceFlow.signIn(c, { clientId: 'pkce-client', authorizeParams: { org: 'acme' } });
    assert.strictEqual(authUrl.origin + authUrl.pathname, AUTH);
    assert.strictEqual(authUrl.searchParams.get('response_type'), 'code');
    assert.strictEqual(authUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.strictEqual(authUrl.searchParams.get('redirect_uri'), 'http://localhost:53123');
    assert.strictEqual(authUrl.searchParams.get('org'), 'acme');
    const form = new URLSearchParams(http.requests[0].body);
    assert.strictEqual(form.get('grant_type'), 'authorization_code');
    assert.strictEqual(form.get('code'), 'C1');
    assert.strictEqual(form.get('client_id'), 'pkce-client');
    assert.strictEqual(form.get('redirect_uri'), 'http://localhost:53123');
    assert.ok(!form.has('client_secret'));
    assert.strictEqual(http.requests[0].headers?.authorization, undefined);
    assert.strictEqual(await challengeS256(form.get('code_verifier')!), authUrl.searchParams.get('code_challenge'));
    assert.strictEqual(s.grant, 'pkce');
    assert.strictEqual(s.refreshToken, undefined);
    assert.strictEqual(lb.closed, 1);
    assert.strictEqual(lb.pages.at(-1)?.status, 200);
    assert.match(lb.pages.at(-1)!.body, /Signed in/);
  });

  it('ignores a redirect with the wrong state and keeps waiting for the real one', async () => {
    const { lb, c } = setup(async (url, lb2) => {
      const bad = await lb2.visit({ code: 'EVIL', state: 'forged' });
      assert.strictEqual(bad.status, 400);
      await lb2.visit({ code: 'C2', state: url.searchParams.get('state')! });
    });
    const s = await pkceFlow.signIn(c, { clientId: 'p' });
    assert.strictEqual(s.accessToken, 'PK');
    assert.match(lb.pages[0].body, /expected state/);
  });

  it('passes the redirect URI through the caller transform (VS Code asExternalUri)', async () => {
    let seen = '';
    const { http, c } = setup(async (url, lb2) => { seen = url.searchParams.get('redirect_uri')!; await lb2.visit({ code: 'C', state: url.searchParams.get('state')! }); });
    await pkceFlow.signIn(c, { clientId: 'p', transformRedirectUri: async (u) => u.replace('localhost', '127.0.0.1') });
    assert.strictEqual(seen, 'http://127.0.0.1:53123');
    assert.strictEqual(new URLSearchParams(http.requests[0].body).get('redirect_uri'), 'http://127.0.0.1:53123');
  });

  it('keeps http://localhost:<port> when the transform only adds a trailing slash (vscode.Uri)', async () => {
    let seen = '';
    const { c } = setup(async (url, lb2) => { seen = url.searchParams.get('redirect_uri')!; await lb2.visit({ code: 'C', state: url.searchParams.get('state')! }); });
    await pkceFlow.signIn(c, { clientId: 'p', transformRedirectUri: async (u) => `${u}/` });
    assert.strictEqual(seen, 'http://localhost:53123');
  });

  it('reports access_denied from the redirect and shows a failure page', async () => {
    const { lb, c } = setup(async (url, lb2) => { await lb2.visit({ error: 'access_denied', error_description: 'User said no', state: url.searchParams.get('state')! }); });
    await assert.rejects(pkceFlow.signIn(c, { clientId: 'p' }), (e: AuthError) => e.code === 'access_denied' && /User said no/.test(e.message));
    assert.strictEqual(lb.pages[0].status, 400);
    assert.strictEqual(lb.closed, 1);
  });

  it('reports a failed code exchange on the page and to the caller', async () => {
    const { lb, c } = setup(async (url, lb2) => { await lb2.visit({ code: 'C', state: url.searchParams.get('state')! }); },
      () => json(400, { error: 'invalid_grant', error_description: 'redirect_uri mismatch' }));
    await assert.rejects(pkceFlow.signIn(c, { clientId: 'p' }), (e: AuthError) => e.code === 'oauth' && /invalid_grant/.test(e.message));
    assert.match(lb.pages[0].body, /redirect_uri mismatch/);
    assert.strictEqual(lb.closed, 1);
  });

  it('times out (virtual clock) and closes the loopback server', async () => {
    const { lb, c } = setup(() => undefined);
    await assert.rejects(pkceFlow.signIn(c, { clientId: 'p', timeoutMs: 1000 }), (e: AuthError) => e.code === 'timeout' && /1 s/.test(e.message));
    assert.strictEqual(lb.closed, 1);
  });

  it('is cancelled by the AbortSignal and closes the loopback server', async () => {
    const controller = new AbortController();
    const lb = new FakeLoopback();
    const never = { now: () => 0, sleep: (_ms: number, signal?: AbortSignal) => new Promise<void>((_r, rej) => signal?.addEventListener('abort', () => rej(new Error('x')))) };
    const prompt = new FakePrompt(() => { setImmediate(() => controller.abort()); });
    const c = ctx(new FakeHttp({}), { prompt, loopback: lb, clock: never, signal: controller.signal });
    await assert.rejects(pkceFlow.signIn(c, { clientId: 'p' }), (e: AuthError) => e.code === 'cancelled');
    assert.strictEqual(lb.closed, 1);
  });

  it('prints the URL when no browser can be opened, and needs a client id', async () => {
    const lb = new FakeLoopback();
    const prompt = new FakePrompt(undefined, false);
    const c = ctx(new FakeHttp({ [`POST ${TOKEN_URL}`]: () => json(200, { access_token: 'PK' }) }), { prompt, loopback: lb });
    const p = pkceFlow.signIn(c, { clientId: 'p', timeoutMs: 5 });
    await assert.rejects(p, (e: AuthError) => e.code === 'timeout');
    assert.match(prompt.shown[0].message, /Open this address/);
    assert.match(prompt.shown[0].detail?.url ?? '', /^https:\/\/login\.mypurecloud\.ie\/oauth\/authorize\?/);
    assert.match(await pkceFlow.unavailableReason(c, {}) ?? '', /Code Authorization/);
  });
});

describe('choosing a flow', () => {
  const custom = parseEnvironment('http://127.0.0.1:9');
  const meta = (device: boolean) => new FakeHttp({ 'GET http://127.0.0.1:9/.well-known/oauth-authorization-server': () => json(200, {
    token_endpoint: 'http://127.0.0.1:9/oauth/token', authorization_endpoint: 'http://127.0.0.1:9/oauth/authorize',
    ...(device ? { device_authorization_endpoint: 'http://127.0.0.1:9/oauth/device/authorize' } : {}) }) });
  const lb = new FakeLoopback();

  it('picks token, then client credentials, then advertised device, then pkce', async () => {
    assert.strictEqual((await chooseFlow(ctx(meta(true), { env: custom }), { accessToken: 't', clientId: 'c' })).kind, 'token');
    assert.strictEqual((await chooseFlow(ctx(meta(true), { env: custom }), { clientId: 'c', clientSecret: 's' })).kind, 'client-credentials');
    assert.strictEqual((await chooseFlow(ctx(meta(true), { env: custom }), { clientId: 'c' })).kind, 'device');
    assert.strictEqual((await chooseFlow(ctx(meta(false), { env: custom }), { clientId: 'c' })).kind, 'pkce');
    assert.strictEqual((await chooseFlow(ctx(new FakeHttp({})), { clientId: 'c' })).kind, 'pkce', 'Genesys: never device');
  });

  it('explains what to pass when nothing was given, and why a requested flow cannot run', async () => {
    await assert.rejects(chooseFlow(ctx(meta(true), { env: custom }), {}), (e: AuthError) => e.code === 'config' && /--client-id/.test(e.message));
    await assert.rejects(chooseFlow(ctx(new FakeHttp({})), { clientId: 'c' }, 'device'), (e: AuthError) => e.code === 'unsupported');
    await assert.rejects(chooseFlow(ctx(new FakeHttp({}), { loopback: lb }), {}, 'pkce'), /Code Authorization/);
  });
});

describe('endpoint discovery', () => {
  it('uses the fixed Genesys paths for regions without asking the network', async () => {
    const http = new FakeHttp({});
    const ep = await discoverEndpoints(ie, http);
    assert.deepStrictEqual(ep, { tokenEndpoint: TOKEN_URL, authorizationEndpoint: 'https://login.mypurecloud.ie/oauth/authorize', source: 'genesys' });
    assert.strictEqual(http.requests.length, 0);
  });

  it('falls back from RFC 8414 to OIDC discovery, then to the Genesys paths', async () => {
    const env = parseEnvironment('http://127.0.0.1:9');
    const oidc = new FakeHttp({ 'GET http://127.0.0.1:9/.well-known/openid-configuration': () => json(200, { token_endpoint: 'http://127.0.0.1:9/token', jwks_uri: 'http://127.0.0.1:9/jwks' }) });
    const ep = await discoverEndpoints(env, oidc);
    assert.strictEqual(ep.tokenEndpoint, 'http://127.0.0.1:9/token');
    assert.strictEqual(ep.jwksUri, 'http://127.0.0.1:9/jwks');
    assert.strictEqual(ep.metadataUrl, 'http://127.0.0.1:9/.well-known/openid-configuration');
    const none = await discoverEndpoints(env, new FakeHttp({}));
    assert.strictEqual(none.source, 'default');
    assert.strictEqual(none.tokenEndpoint, 'http://127.0.0.1:9/oauth/token');
  });
});

describe('refresh', () => {
  const base: Session = { id: 's', environment: ie, accessToken: 'old', refreshToken: 'r1', clientId: 'c', grant: 'pkce', expiresAt: 1000 };

  it('refreshes with grant_type=refresh_token and keeps the refresh token when not rotated', async () => {
    const http = new FakeHttp({ [`POST ${TOKEN_URL}`]: (_r, form) => {
      assert.strictEqual(form.get('grant_type'), 'refresh_token');
      assert.strictEqual(form.get('refresh_token'), 'r1');
      return json(200, { access_token: 'new', expires_in: 60 });
    } });
    const clock = new FakeClock(5000);
    const s = await refreshSession(base, { http, clock });
    assert.strictEqual(s.accessToken, 'new');
    assert.strictEqual(s.refreshToken, 'r1');
    assert.strictEqual(s.expiresAt, 65_000);
  });

  it('says clearly when there is no refresh token (Genesys PKCE)', async () => {
    await assert.rejects(refreshSession({ ...base, refreshToken: undefined }, { http: new FakeHttp({}), clock: new FakeClock() }),
      (e: AuthError) => e.code === 'no_refresh_token' && /docs\/facts\.md#pkce-refresh-token/.test(e.message));
  });

  it('loadValidSession refreshes and saves an expired session, and gives up without a refresh token', async () => {
    const store = new SessionStore(new MemorySecrets());
    await store.save(base);
    const http = new FakeHttp({ [`POST ${TOKEN_URL}`]: () => json(200, { access_token: 'fresh', refresh_token: 'r2', expires_in: 60 }) });
    const got = await loadValidSession(store, ie.name, { http, clock: new FakeClock(10_000) });
    assert.strictEqual(got?.accessToken, 'fresh');
    assert.strictEqual((await store.get(ie))?.refreshToken, 'r2');
    await store.save({ ...base, refreshToken: undefined });
    assert.strictEqual(await loadValidSession(store, ie.name, { http, clock: new FakeClock(10_000) }), undefined);
  });
});
