// The device flow (and PKCE) against a third-party server: oidc-provider
// (panva, RFC 8628 + RFC 7636 certified OpenID provider) on 127.0.0.1:0. The
// user's part is played over HTTP: the device verification pages, then login
// and consent through oidc-provider's interaction API.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import Provider from 'oidc-provider';
import { parseEnvironment } from '../../src/core/env/environment';
import { signIn } from '../../src/core/auth/signIn';
import { refreshSession } from '../../src/core/auth/refresh';
import { AuthError } from '../../src/core/auth/errors';
import type { FlowContext } from '../../src/core/auth/flows/types';
import { nodeHttp } from '../../src/node/http';
import { nodeLoopback } from '../../src/node/loopbackServer';
import { silentLog, systemClock } from '../../src/core/ports';
import { FakeClock, FakePrompt } from '../unit/auth-fakes';
import { MiniBrowser } from './auth-browser';

const DEVICE_CLIENT = 'device-cli';
const NATIVE_CLIENT = 'native-pkce';

describe('auth against oidc-provider (third-party RFC 8628 / RFC 7636 server)', function () {
  let server: http.Server;
  let issuer: string;
  let provider: InstanceType<typeof Provider>;

  // oidc-provider prints development notices through console.info/warn; keep the test output readable.
  const quiet = { info: console.info, warn: console.warn };
  const filter = (orig: (...a: unknown[]) => void) => (...a: unknown[]) => { if (!String(a[0]).startsWith('oidc-provider ')) orig(...a); };

  before(async () => {
    console.info = filter(quiet.info);
    console.warn = filter(quiet.warn);
    server = http.createServer((req, res) => { void route(req, res); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    provider = new Provider(issuer, {
      clients: [
        { client_id: DEVICE_CLIENT, token_endpoint_auth_method: 'none', response_types: [], redirect_uris: [],
          grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'] },
        { client_id: NATIVE_CLIENT, token_endpoint_auth_method: 'none', application_type: 'native',
          grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: ['http://127.0.0.1/'] },
      ],
      features: { deviceFlow: { enabled: true }, devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
      cookies: { keys: ['call-doctor-test-cookie-key'] },
      issueRefreshToken: async () => true,
      ttl: { DeviceCode: 60, AccessToken: 600, RefreshToken: 3600, Grant: 3600, Session: 3600, Interaction: 600, IdToken: 600 },
    });
    provider.on('server_error', (_ctx: unknown, err: Error) => { console.error('oidc-provider server_error', err); });
  });
  after(async () => {
    Object.assign(console, quiet);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Our interaction endpoint: logs "alice" in and grants what is asked (the interaction API). */
  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    try {
      if (!req.url?.startsWith('/interaction/')) return provider.callback()(req, res);
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        return await provider.interactionFinished(req, res, { login: { accountId: 'alice' } }, { mergeWithLastSubmission: false });
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
      const missing = details.prompt.details as { missingOIDCScope?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      const grantId = await grant.save();
      return await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  }

  const ctx = (extra: Partial<FlowContext>): FlowContext => ({
    env: parseEnvironment(issuer), http: nodeHttp({ timeoutMs: 10_000 }), clock: new FakeClock(), prompt: new FakePrompt(), log: silentLog, ...extra,
  });

  it('discovers the device endpoint from its metadata and signs in once the user approves on the verification page', async () => {
    const browser = new MiniBrowser();
    let approval: Promise<string> | undefined;
    const prompt = new FakePrompt();
    prompt.show = async (message, detail) => {
      prompt.shown.push({ message, detail });
      // The user opens verification_uri_complete, confirms the code, logs in and consents.
      approval = (async () => {
        const autoPost = await browser.open(detail!.url!);
        const confirm = await browser.submit(autoPost);
        const done = await browser.submit(confirm);
        return done.body;
      })();
      await approval;
    };
    const c = ctx({ prompt });
    const session = await signIn(c, { clientId: DEVICE_CLIENT, scopes: ['openid', 'offline_access'] });
    assert.strictEqual(session.grant, 'device');
    assert.strictEqual(c.endpoints?.source, 'metadata');
    assert.match(c.endpoints?.metadataUrl ?? '', /\/\.well-known\/(oauth-authorization-server|openid-configuration)$/);
    assert.strictEqual(c.endpoints?.deviceAuthorizationEndpoint, `${issuer}/device/auth`);
    assert.match(await approval!, /Sign-in Success|success/i);
    assert.ok(session.accessToken.length > 20);
    assert.ok(session.refreshToken, 'offline_access gives a refresh token');
    assert.match(prompt.shown[0].detail?.code ?? '', /^[A-Z]{4}-[A-Z]{4}$/);

    const refreshed = await refreshSession(session, { http: nodeHttp(), clock: new FakeClock() });
    assert.ok(refreshed.accessToken && refreshed.accessToken !== session.accessToken);
  });

  it('reports expiry while the user never approves (virtual clock, oidc-provider says authorization_pending)', async () => {
    const clock = new FakeClock();
    const c = ctx({ clock });
    await assert.rejects(signIn(c, { clientId: DEVICE_CLIENT, scopes: ['openid'] }, 'device'),
      (e: AuthError) => e.code === 'expired_token' && /expired/.test(e.message));
    assert.ok(clock.sleeps.length > 10, `polled ${clock.sleeps.length} times`);
  });

  it('reports access_denied when the user aborts on the confirmation page', async () => {
    const browser = new MiniBrowser();
    const prompt = new FakePrompt();
    prompt.show = async (_m, detail) => {
      const confirm = await browser.submit(await browser.open(detail!.url!));
      await browser.submit(confirm, { abort: 'yes' });
    };
    await assert.rejects(signIn(ctx({ prompt }), { clientId: DEVICE_CLIENT, scopes: ['openid'] }, 'device'),
      (e: AuthError) => e.code === 'access_denied');
  });

  it('signs in with PKCE on a loopback port (RFC 8252 port variance via the redirect transform)', async () => {
    const browser = new MiniBrowser();
    const prompt = new FakePrompt(async (url) => { await browser.open(url); });
    const session = await signIn(ctx({ prompt, clock: systemClock, loopback: nodeLoopback }), {
      clientId: NATIVE_CLIENT, scopes: ['openid'], timeoutMs: 60_000,
      // oidc-provider allows any port only for IP-literal loopback redirects (RFC 8252 §7.3).
      transformRedirectUri: async (uri) => uri.replace('http://localhost:', 'http://127.0.0.1:') + '/',
    }, 'pkce');
    assert.strictEqual(session.grant, 'pkce');
    assert.ok(session.accessToken);
    assert.ok(browser.visited.some((v) => /^GET http:\/\/127\.0\.0\.1:\d+\/\?code=/.test(v)), browser.visited.join('\n'));
  });
});
