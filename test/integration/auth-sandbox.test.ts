// Sign-in flows and token inspection against the sandbox org over loopback HTTP.
import * as assert from 'assert';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { parseEnvironment, type Environment } from '../../src/core/env/environment';
import { signIn } from '../../src/core/auth/signIn';
import { refreshSession } from '../../src/core/auth/refresh';
import { AuthError } from '../../src/core/auth/errors';
import type { FlowContext } from '../../src/core/auth/flows/types';
import { inspectToken } from '../../src/core/token/inspect';
import { allPermissions, divisionsOf } from '../../src/core/token/grants';
import { formatTokenReport } from '../../src/core/token/format';
import { nodeHttp } from '../../src/node/http';
import { nodeLoopback } from '../../src/node/loopbackServer';
import { systemClock, silentLog } from '../../src/core/ports';
import { FakeClock, FakePrompt } from '../unit/auth-fakes';
import { MiniBrowser } from './auth-browser';

describe('auth against the sandbox', function () {
  let sandbox: Sandbox;
  let jwtSandbox: Sandbox;
  let env: Environment;
  // One virtual clock shared by the sandbox and the client: device polling never really sleeps.
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const http = nodeHttp({ timeoutMs: 10_000 });
  let client: (name: string) => { id: string; secret?: string };
  let user: (name: string) => string;

  before(async () => {
    sandbox = await startSandbox({ port: 0, clock });
    jwtSandbox = await startSandbox({ port: 0, clock, jwt: true });
    env = parseEnvironment(sandbox.url);
    client = (name) => {
      const c = sandbox.fixture.clients.find((x) => x.name === name);
      if (!c) throw new Error(`fixture client '${name}' not found`);
      return { id: c.id, secret: c.secret };
    };
    user = (name) => sandbox.fixture.users.find((u) => u.name.startsWith(name))!.id;
  });
  after(async () => { await sandbox?.close(); await jwtSandbox?.close(); });

  const ctx = (extra: Partial<FlowContext> = {}): FlowContext => ({ env, http, clock, prompt: new FakePrompt(), log: silentLog, loopback: nodeLoopback, ...extra });

  /** A prompt that approves (or denies) the device code on the sandbox as soon as it is shown. */
  const deviceApprover = (sb: Sandbox, userId: string | undefined) => {
    const p = new FakePrompt();
    p.show = async (message, detail) => {
      p.shown.push({ message, detail });
      if (userId) sb.approveDevice(detail!.code!, userId); else sb.denyDevice(detail!.code!);
    };
    return p;
  };

  it('chooses the device flow from RFC 8414 metadata and signs in as the approving user', async () => {
    const c = ctx({ prompt: deviceApprover(sandbox, user('Alice')) });
    const session = await signIn(c, { clientId: client('Call Doctor (device)').id });
    assert.strictEqual(session.grant, 'device');
    assert.strictEqual(c.endpoints?.source, 'metadata');
    assert.strictEqual(c.endpoints?.deviceAuthorizationEndpoint, `${sandbox.url}/oauth/device/authorize`);
    assert.ok(session.refreshToken, 'the sandbox returns a refresh token for the device grant');

    const report = await inspectToken(session, { http, clock });
    assert.strictEqual(report.active, true);
    assert.strictEqual(report.format, 'opaque');
    assert.strictEqual(report.grants.org?.name, sandbox.fixture.org.name);
    assert.strictEqual(report.grants.client?.name, 'Call Doctor (device)');
    assert.strictEqual(report.grants.account.kind, 'user');
    assert.strictEqual(report.grants.account.name, 'Alice Healthy');
    assert.ok((report.grants.roles ?? []).length > 0, 'Alice has roles');
    assert.ok(allPermissions(report.grants)?.includes('conversation:call:add'), JSON.stringify(report.grants.permissions));
    const divisions = divisionsOf(report.grants);
    assert.ok((divisions ?? []).length > 0 && divisions!.every((d) => d.roles.length > 0));
    assert.deepStrictEqual(report.evidence.map((e) => [e.request, e.status]), [
      ['GET /api/v2/tokens/me', 200], ['GET /api/v2/users/me?expand=authorization%2Cstation', 200], ['GET /api/v2/authorization/subjects/me', 200]]);
    assert.strictEqual(report.grants.station?.effective?.name, 'WebRTC Alice Healthy');
    assert.strictEqual(report.grants.station?.effective?.type, 'inin_webrtc_softphone');
    assert.ok(!JSON.stringify(report).includes(session.accessToken), 'the report never holds the token');
    const text = formatTokenReport(report, clock.now());
    assert.match(text, /User\s+Alice Healthy/);
    assert.match(text, /Station\s+WebRTC Alice Healthy \([0-9a-f-]+\), type inin_webrtc_softphone/);
    assert.match(text, /Permissions\s+\d+ in \d+ domain/);

    const refreshed = await refreshSession(session, { http, clock });
    assert.notStrictEqual(refreshed.accessToken, session.accessToken);
    assert.strictEqual((await inspectToken(refreshed, { http, clock })).grants.account.name, 'Alice Healthy');
  });

  it('reports a denied device request', async () => {
    await assert.rejects(signIn(ctx({ prompt: deviceApprover(sandbox, undefined) }), { clientId: client('Call Doctor (device)').id }, 'device'),
      (e: AuthError) => e.code === 'access_denied');
  });

  it('reports a client that may not use the device grant', async () => {
    await assert.rejects(signIn(ctx(), { clientId: client('Reporting Dashboard').id }, 'device'),
      (e: AuthError) => e.code === 'oauth' && /unauthorized_client/.test(e.message));
  });

  it('signs in with PKCE through the real loopback server and the sandbox login page', async () => {
    const browser = new MiniBrowser();
    let browsing: Promise<string> | undefined;
    const prompt = new FakePrompt((url) => {
      browsing = browser.open(url).then((login) => browser.submit(login, { userId: user('Bob'), decision: 'approve' })).then((p) => p.body);
    });
    const c = ctx({ prompt, clock: systemClock });
    const session = await signIn(c, { clientId: client('Call Doctor (PKCE)').id, timeoutMs: 60_000 }, 'pkce');
    assert.strictEqual(session.grant, 'pkce');
    assert.strictEqual(session.refreshToken, undefined, 'sandbox follows FACTS §1.1: no refresh token for PKCE');
    assert.match(browser.visited[2] ?? '', /^GET http:\/\/localhost:\d+\/\?code=/);
    assert.match(await browsing!, /Signed in/);
    const report = await inspectToken(session, { http, clock });
    assert.strictEqual(report.grants.account.name, 'Bob Nostation');
    await assert.rejects(refreshSession(session, { http, clock }), (e: AuthError) => e.code === 'no_refresh_token');
  });

  it('reports a PKCE sign-in the user denied', async () => {
    const browser = new MiniBrowser();
    const prompt = new FakePrompt(async (url) => { await browser.submit(await browser.open(url), { userId: user('Bob'), decision: 'deny' }); });
    await assert.rejects(signIn(ctx({ prompt, clock: systemClock }), { clientId: client('Call Doctor (PKCE)').id, timeoutMs: 60_000 }, 'pkce'),
      (e: AuthError) => e.code === 'access_denied');
  });

  it('signs in with client credentials; inspection says "no user context", not an error', async () => {
    const cc = client('Dialer Integration');
    const session = await signIn(ctx(), { clientId: cc.id, clientSecret: cc.secret });
    assert.strictEqual(session.grant, 'client-credentials');
    const report = await inspectToken(session, { http, clock });
    assert.strictEqual(report.active, true);
    assert.strictEqual(report.grants.account.kind, 'client');
    assert.strictEqual(report.grants.client?.authorizedGrantType, 'CLIENT-CREDENTIALS');
    assert.strictEqual(report.grants.station, undefined);
    assert.match(report.notes.join(' '), /no user context/);

    const asToken = await signIn(ctx(), { accessToken: session.accessToken });
    assert.strictEqual(asToken.grant, 'token');
    const viaTokenReport = await inspectToken(asToken, { http, clock });
    assert.strictEqual(viaTokenReport.grants.account.kind, 'client', 'recognised from OAuthClient.authorizedGrantType');

    await assert.rejects(signIn(ctx(), { clientId: cc.id, clientSecret: 'wrong' }), (e: AuthError) => /invalid_client/.test(e.message));
    await assert.rejects(signIn(ctx(), { accessToken: 'not-a-token' }), (e: AuthError) => e.code === 'access_denied');
  });

  it('decodes and verifies JWT access tokens against the advertised JWKS (--jwt mode)', async () => {
    const jenv = parseEnvironment(jwtSandbox.url);
    const c = ctx({ env: jenv, prompt: deviceApprover(jwtSandbox, jwtSandbox.fixture.users[0].id) });
    const session = await signIn(c, { clientId: client('Call Doctor (device)').id }, 'device');
    const report = await inspectToken(session, { http, clock });
    assert.strictEqual(report.format, 'jwt');
    assert.strictEqual(report.jwt?.verified, true, report.jwt?.verifyError);
    assert.strictEqual(report.jwt?.claims.sub, jwtSandbox.fixture.users[0].id);
    assert.ok(Array.isArray(report.jwt?.scopes));
    const tampered = { ...session, accessToken: session.accessToken.slice(0, -4) + (session.accessToken.endsWith('AAAA') ? 'BBBB' : 'AAAA') };
    const bad = await inspectToken(tampered, { http, clock });
    assert.strictEqual(bad.jwt?.verified, false);
  });

  it('never sends the token to a host outside the environment', async () => {
    const seen: string[] = [];
    const spy = { send: (req: Parameters<typeof http.send>[0]) => { if (req.headers?.authorization) seen.push(new URL(req.url).origin); return http.send(req); } };
    const cc = client('Dialer Integration');
    const session = await signIn(ctx({ http: spy }), { clientId: cc.id, clientSecret: cc.secret });
    await inspectToken(session, { http: spy, clock });
    assert.deepStrictEqual([...new Set(seen)], [sandbox.url]);
  });
});
