import * as assert from 'assert';
import { parseEnvironment } from '../../src/core/env/environment';
import type { Session } from '../../src/core/auth/session';
import { inspectToken } from '../../src/core/token/inspect';
import { formatTokenReport } from '../../src/core/token/format';
import { divisionsOf } from '../../src/core/token/grants';
import { groupPermissions, readSubject, readTokenInfo } from '../../src/core/token/read';
import { decodeJwtToken, jwtScopes } from '../../src/core/token/jwt';
import { FakeClock, FakeHttp, json, type Route } from '../unit/auth-fakes';

const API = 'https://api.mypurecloud.de';
const TOKEN = 'opaque-token-value-0123456789';
const session = (grant: Session['grant'] = 'pkce', extra: Partial<Session> = {}): Session => ({
  id: 'x', environment: parseEnvironment('eu_central_1'), accessToken: TOKEN, grant, expiresAt: 1_700_003_600_000, ...extra,
});

// Shapes per FACTS.md §2.2 (TokenInfo, capital OAuthClient) and §5.1 (UserMe, AuthzSubject).
const TOKEN_INFO = {
  organization: { id: 'org-1', name: 'Acme' }, homeOrganization: { id: 'org-1', name: 'Acme' },
  authorizedScope: ['conversations', 'users:readonly'], dateTokenIdles: '2026-01-01T10:00:00Z',
  OAuthClient: { id: 'cl-1', name: 'Call Doctor', authorizedGrantType: 'CODE', scope: ['conversations', 'users:readonly'] },
};
const USER_ME = {
  id: 'u-1', name: 'Alice', email: 'alice@example.test', division: { id: 'd1', name: 'Home' },
  authorization: { roles: [{ id: 'r1', name: 'Agent' }], permissions: ['conversation:call:add', 'telephony:plugin:all', 'conversation:communication:view', 'conversation:call:add', 'directory'] },
  // UserStations (FACTS.md §5.2): each a UserStation {id, name, type, ...}.
  station: {
    associatedStation: { id: 'st-1', name: 'WebRTC Alice', type: 'inin_webrtc_softphone', webRtcCallAppearances: 1 },
    effectiveStation: { id: 'st-1', name: 'WebRTC Alice', type: 'inin_webrtc_softphone' },
  },
};
// AuthzGrantRole.policies: AuthzGrantPolicy {domain, entityName, actions}.
const AGENT = { id: 'r1', name: 'Agent', policies: [{ domain: 'conversation', entityName: 'call', actions: ['add'] }, { domain: 'conversation', entityName: 'communication', actions: ['view'] }] };
const SUBJECT = { id: 'u-1', grants: [
  { division: { id: 'd1', name: 'Home' }, role: AGENT },
  { division: { id: 'd1', name: 'Home' }, role: { id: 'r2', name: 'Communicate', policies: [{ domain: 'telephony', entityName: 'plugin', actions: ['all'] }] } },
  { division: { id: 'd0', name: 'Americas' }, role: AGENT },
] };

function api(routes: Partial<Record<'tokens' | 'users' | 'subject', Route>>): FakeHttp {
  return new FakeHttp({
    [`GET ${API}/api/v2/tokens/me`]: routes.tokens ?? (() => json(200, TOKEN_INFO)),
    [`GET ${API}/api/v2/users/me`]: routes.users ?? (() => json(200, USER_ME)),
    [`GET ${API}/api/v2/authorization/subjects/me`]: routes.subject ?? (() => json(200, SUBJECT)),
  });
}

describe('inspectToken (Genesys-shaped answers, fake HTTP)', () => {
  it('builds the report from tokens/me, users/me?expand=authorization,station and subjects/me', async () => {
    const http = api({});
    const clock = new FakeClock();
    const r = await inspectToken(session(), { http, clock });
    assert.strictEqual(r.active, true);
    assert.strictEqual(r.format, 'opaque');
    const g = r.grants;
    assert.deepStrictEqual(g.org, { id: 'org-1', name: 'Acme' });
    assert.deepStrictEqual(g.client, { id: 'cl-1', name: 'Call Doctor', authorizedGrantType: 'CODE', scope: ['conversations', 'users:readonly'] });
    assert.deepStrictEqual(g.scopes.list, ['conversations', 'users:readonly']);
    assert.strictEqual(g.account.kind, 'user');
    assert.deepStrictEqual([g.account.id, g.account.name, g.account.email, g.account.division], ['u-1', 'Alice', 'alice@example.test', { id: 'd1', name: 'Home' }]);
    assert.deepStrictEqual(g.roles, [{ id: 'r1', name: 'Agent' }]);
    // Permissions per division come from the subject's grants (role policies), not from users/me's flat list.
    assert.strictEqual(g.permissions.from, 'subjects/me');
    assert.deepStrictEqual(g.permissions.lines, [
      { role: 'Agent', division: 'Home', divisionId: 'd1', permissions: ['conversation:call:add', 'conversation:communication:view'] },
      { role: 'Communicate', division: 'Home', divisionId: 'd1', permissions: ['telephony:plugin:all'] },
      { role: 'Agent', division: 'Americas', divisionId: 'd0', permissions: ['conversation:call:add', 'conversation:communication:view'] },
    ]);
    assert.deepStrictEqual(divisionsOf(g), [{ id: 'd0', name: 'Americas', roles: ['Agent'] }, { id: 'd1', name: 'Home', roles: ['Agent', 'Communicate'] }]);
    assert.deepStrictEqual(r.expiry, { expiresAt: 1_700_003_600_000, source: 'token-response', idlesAt: '2026-01-01T10:00:00Z' });
    assert.deepStrictEqual(http.requests.map((q) => q.url.slice(API.length)),
      ['/api/v2/tokens/me', '/api/v2/users/me?expand=authorization%2Cstation', '/api/v2/authorization/subjects/me']);
    const st = { id: 'st-1', name: 'WebRTC Alice', type: 'inin_webrtc_softphone' };
    assert.deepStrictEqual(g.station, { associated: st, effective: st });
    assert.ok(http.requests.every((q) => q.headers?.authorization === `Bearer ${TOKEN}`));
    assert.ok(r.sources.some((s) => s.verified === false && s.ref === 'docs/facts.md#permission-format'), 'the permission format is flagged unverified');
    assert.ok(!JSON.stringify(r).includes(TOKEN));
    const text = formatTokenReport(r, clock.now());
    assert.match(text, /Organization\s+Acme \(org-1\)/);
    assert.match(text, /OAuth client\s+Call Doctor \(cl-1\), grant CODE/);
    assert.match(text, /Scopes\s+conversations users:readonly/);
    assert.match(text, /conversation: call:add, communication:view/);
    assert.match(text, /Divisions.*\n  Americas \(d0\): Agent\n  Home \(d1\): Agent, Communicate/);
    assert.match(text, /Expires\s+2023-11-14T23:13:20.000Z \(in 60 min\)/);
    assert.match(text, /Station\s+WebRTC Alice \(st-1\), type inin_webrtc_softphone\n/);
    assert.ok(!text.includes(TOKEN));
  });

  it('reports "no station" for an empty UserStations and "could not determine" when the answer lacks it', async () => {
    const { station: _omit, ...noStation } = USER_ME;
    const none = await inspectToken(session(), { http: api({ users: () => json(200, { ...noStation, station: {} }) }), clock: new FakeClock() });
    assert.deepStrictEqual(none.grants.station, {});
    assert.match(formatTokenReport(none, 0), /Station\s+\(none associated\)/);
    const missing = await inspectToken(session(), { http: api({ users: () => json(200, noStation) }), clock: new FakeClock() });
    assert.strictEqual(missing.grants.station, undefined);
    assert.match(missing.notes.join('\n'), /Could not determine the station/);
    assert.match(formatTokenReport(missing, 0), /Station\s+could not determine/);
  });

  it('prefers the effective station and names the associated one when they differ', async () => {
    const station = { associatedStation: { id: 'a', name: 'Desk phone', type: 'inin_remote' }, effectiveStation: { id: 'e', name: 'WebRTC', type: 'inin_webrtc_softphone' } };
    const r = await inspectToken(session(), { http: api({ users: () => json(200, { ...USER_ME, station }) }), clock: new FakeClock() });
    assert.match(formatTokenReport(r, 0), /Station\s+WebRTC \(e\), type inin_webrtc_softphone \(associated: Desk phone \(a\)\)/);
  });

  it('treats a client-credentials token as "no user context" without calling users/me; reads the client\'s grants', async () => {
    const http = api({ tokens: () => json(200, { ...TOKEN_INFO, authorizedScope: [], OAuthClient: { id: 'c', name: 'Dialer', authorizedGrantType: 'CLIENT-CREDENTIALS' } }) });
    const r = await inspectToken(session('token'), { http, clock: new FakeClock() });
    assert.strictEqual(r.grants.account.kind, 'client');
    assert.deepStrictEqual(http.requests.map((q) => q.url.slice(API.length)), ['/api/v2/tokens/me', '/api/v2/authorization/subjects/me']);
    assert.match(r.notes[0], /no user context/);
    assert.match(formatTokenReport(r, 0), /User\s+none \(no user context\)/);
  });

  it('recognises the "not a user" refusal of users/me as no user context', async () => {
    const refuse = () => json(400, { status: 400, code: 'not.a.user', message: 'This request requires a user context.' });
    const { authorizedGrantType: _none, ...client } = TOKEN_INFO.OAuthClient;
    const r = await inspectToken(session('token'), { http: api({ tokens: () => json(200, { ...TOKEN_INFO, OAuthClient: client }), users: refuse, subject: refuse }), clock: new FakeClock() });
    assert.strictEqual(r.grants.account.kind, 'client');
    assert.strictEqual(r.notes.length, 1);
  });

  it('says what could not be determined when a lookup is refused', async () => {
    const forbidden = () => json(403, { status: 403, code: 'missing.any.permissions', message: 'no' });
    const r = await inspectToken(session(), { http: api({ users: forbidden, subject: forbidden }), clock: new FakeClock() });
    assert.strictEqual(r.grants.account.kind, 'user'); // tokens/me: grant CODE
    assert.strictEqual(r.grants.roles, undefined);
    assert.strictEqual(r.grants.permissions.lines, undefined);
    assert.match(r.notes.join('\n'), /Could not determine the user's roles.*HTTP 403/);
    assert.match(r.notes.join('\n'), /Could not determine the divisions.*HTTP 403/);
  });

  it('stops at a 401 and reports the token as rejected', async () => {
    const http = api({ tokens: () => json(401, { code: 'bad.credentials' }) });
    const r = await inspectToken(session(), { http, clock: new FakeClock() });
    assert.strictEqual(r.active, false);
    assert.strictEqual(http.requests.length, 1);
    assert.match(formatTokenReport(r, 0), /REJECTED/);
  });

  it('records a transport failure as evidence, not a crash', async () => {
    const http = new FakeHttp({});
    http.send = async () => { throw new Error('ECONNREFUSED'); };
    const r = await inspectToken(session(), { http, clock: new FakeClock() });
    assert.strictEqual(r.active, undefined);
    assert.strictEqual(r.evidence[0].status, 'error');
    assert.match(r.notes[0], /ECONNREFUSED/);
  });
});

describe('token readers', () => {
  it('reads TokenInfo only through the capitalised OAuthClient key', () => {
    assert.strictEqual(readTokenInfo(JSON.stringify({ oauthClient: { name: 'x' } })).client, undefined);
    assert.strictEqual(readTokenInfo(JSON.stringify({ OAuthClient: { name: 'x' } })).client?.name, 'x');
    assert.deepStrictEqual(readTokenInfo('not json'), {});
  });

  it('groups permissions by domain and merges divisions', () => {
    assert.deepStrictEqual(groupPermissions(['b:x:y', 'a:x:y', 'b:a:z']), [{ domain: 'a', permissions: ['a:x:y'] }, { domain: 'b', permissions: ['b:a:z', 'b:x:y'] }]);
    assert.deepStrictEqual(readSubject(JSON.stringify({ grants: [{ role: { name: 'R' } }] })), []);
  });

  it('decodes JWTs and their scope/scp claims, and leaves opaque tokens alone', () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'ES256', typ: 'at+jwt' })}.${b64({ sub: 'u', scope: 'a b', exp: 2 })}.sig`;
    const d = decodeJwtToken(jwt)!;
    assert.strictEqual(d.header.alg, 'ES256');
    assert.deepStrictEqual(d.scopes, ['a', 'b']);
    assert.deepStrictEqual(jwtScopes({ scp: ['x', 1, 'y'] }), ['x', 'y']);
    assert.strictEqual(decodeJwtToken(TOKEN), undefined);
    assert.strictEqual(decodeJwtToken('a.b.c'), undefined);
  });
});
