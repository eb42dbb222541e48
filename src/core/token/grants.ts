// One model of "who is this token and what may it do", read by one function
// from GET /api/v2/tokens/me, /users/me?expand=authorization,station and
// /authorization/subjects/me (docs/facts.md#token-info, #user-me, #authz-subject). Sign-in, the token tree,
// the CLI `token` command and the Call Doctor all read it through readGrants,
// each with its own transport (GrantFetch), so they cannot read it differently.
import type { GrantKind } from '../auth/session';
import { grantsFromRole, grantsFromSubject, grantsFromUserMe, isNoUserContextJson, readTokenInfoJson, readUserMeJson } from './read';
import type { GrantAnswer, GrantFetch, GrantLine, Grants, NamedRef, StationRef } from './types';

export type { GrantAnswer, GrantFetch, GrantLine, Grants } from './types';



export const GRANT_PATHS = {
  tokenInfo: '/api/v2/tokens/me',
  me: '/api/v2/users/me?expand=authorization%2Cstation',
  subject: '/api/v2/authorization/subjects/me',
  role: (id: string) => `/api/v2/authorization/roles/${encodeURIComponent(id)}`,
} as const;


export interface ReadGrantsOptions { environment: string; grant: GrantKind; now: number }

const answered = (a: GrantAnswer) => (a.status !== undefined ? `answered HTTP ${a.status}` : `could not be sent (${a.error ?? 'no answer'})`);

/** Reads the grants once: tokens/me first (a 401 ends it), then users/me and subjects/me together. */
export async function readGrants(fetch: GrantFetch, opts: ReadGrantsOptions): Promise<Grants> {
  const notes: string[] = [];
  const g: Grants = {
    environment: opts.environment, fetchedAt: opts.now, notes,
    account: { kind: opts.grant === 'client-credentials' ? 'client' : 'unknown', how: opts.grant === 'client-credentials' ? 'the sign-in used client credentials' : 'not known', sessionGrant: opts.grant, paths: [] },
    scopes: { from: 'not known', paths: [GRANT_PATHS.tokenInfo] },
    permissions: { from: 'none', divisions: false, paths: [] },
  };
  const t = await fetch(GRANT_PATHS.tokenInfo);
  const ok = (a: GrantAnswer) => a.status !== undefined && a.status >= 200 && a.status < 300 && a.json !== undefined;
  if (ok(t)) {
    g.active = true;
    const info = readTokenInfoJson(t.json);
    Object.assign(g, { org: info.org, homeOrg: info.homeOrg, client: info.client, idlesAt: info.idlesAt });
    if (info.scopes) g.scopes = { list: info.scopes, from: 'GET /api/v2/tokens/me authorizedScope', paths: [t.path] };
    else g.scopes.why = 'GET /api/v2/tokens/me named no authorizedScope';
    const grantType = info.client?.authorizedGrantType;
    if (grantType) g.account = { ...g.account, kind: grantType.toUpperCase() === 'CLIENT-CREDENTIALS' ? 'client' : 'user', how: 'GET /api/v2/tokens/me OAuthClient.authorizedGrantType', paths: [t.path] };
  } else if (t.status === 401) {
    g.active = false;
    g.scopes.why = 'the API rejected the token (HTTP 401)';
    g.permissions.why = g.scopes.why;
    notes.push('The API rejected the token (HTTP 401): it is expired or revoked. Sign in again.');
    return g;
  } else {
    g.scopes.why = `GET /api/v2/tokens/me ${answered(t)}`;
    notes.push(`Could not determine the token's organisation, client and scopes: GET /api/v2/tokens/me ${answered(t)}.`);
  }

  const client = g.account.kind === 'client';
  const [m, s] = await Promise.all([client ? undefined : fetch(GRANT_PATHS.me), fetch(GRANT_PATHS.subject)]);
  if (m && ok(m)) {
    const me = readUserMeJson(m.json);
    if (g.account.kind === 'unknown') g.account = { ...g.account, kind: 'user', how: 'GET /api/v2/users/me answered', paths: [m.path] };
    Object.assign(g.account, { id: me.user.id, name: me.user.name, email: me.user.email, division: me.division });
    g.roles = me.roles;
    if (me.station) g.station = me.station;
    else notes.push('Could not determine the station: GET /api/v2/users/me did not include UserMe.station although expand=station was asked for.');
  } else if (m && isNoUserContextJson(m.status, m.json)) {
    if (g.account.kind === 'unknown') g.account = { ...g.account, kind: 'client', how: 'GET /api/v2/users/me refused it (not a user)', paths: [m.path] };
  } else if (m) {
    notes.push(`Could not determine the user's roles and permissions: GET /api/v2/users/me ${answered(m)}` + (m.status === 403 ? ' (the token may lack a users scope).' : '.'));
  }
  if (g.account.kind === 'client') {
    Object.assign(g.account, { name: g.client?.name ? `${g.client.name} (OAuth client)` : undefined, id: g.client?.id });
    notes.push('Client-credentials token: no user context, so there are no user roles, permissions or station; ' +
      "the OAuth client's own roles apply, and user-only APIs such as POST /api/v2/conversations/calls refuse it (docs/facts.md#client-credentials-no-user).");
  }

  // Permissions: the subject's grants (with divisions), else the client's roles, else users/me (no divisions).
  const fromSubject = ok(s) ? grantsFromSubject(s.json) : undefined;
  if (fromSubject) {
    g.permissions = { lines: fromSubject, from: 'subjects/me', divisions: true, paths: [s.path] };
    g.roles ??= uniqueRoles(fromSubject);
    return g;
  }
  if (!(g.account.kind === 'client' && isNoUserContextJson(s.status, s.json))) {
    notes.push(`Could not determine the divisions of the ${g.account.kind === 'client' ? "client's" : "user's"} grants: GET /api/v2/authorization/subjects/me ${answered(s)}` +
      (s.status === 403 ? ' (the token may lack an authorization scope).' : '.'));
  }
  const roleDivisions = g.account.kind === 'client' && ok(t) ? readTokenInfoJson(t.json).roleDivisions : undefined;
  if (roleDivisions) {
    const answers = await Promise.all(roleDivisions.map((rd) => fetch(GRANT_PATHS.role(rd.roleId))));
    const bad = answers.find((a) => !ok(a));
    if (!bad) {
      const lines = answers.map((a, i) => grantsFromRole(a.json, roleDivisions[i].divisionId)).filter((l): l is GrantLine => !!l);
      g.permissions = { lines, from: 'client roles', divisions: true, paths: [t.path, ...answers.map((a) => a.path)] };
      return g;
    }
    g.permissions = { from: 'none', divisions: false, paths: [], failedPath: bad.path, why: `GET ${bad.path} ${answered(bad)}` };
    return g;
  }
  const fromMe = m && ok(m) ? grantsFromUserMe(m.json) : undefined;
  if (fromMe) {
    g.permissions = { lines: fromMe, from: 'users/me', divisions: false, paths: [s.path, m!.path] };
    return g;
  }
  g.permissions = { from: 'none', divisions: false, paths: [], failedPath: s.path, why: `GET /api/v2/authorization/subjects/me ${answered(s)}` };
  return g;
}

function uniqueRoles(lines: GrantLine[]): NamedRef[] {
  return [...new Set(lines.map((l) => l.role))].map((name) => ({ name }));
}

/** Every permission string granted anywhere, deduplicated. */
export function allPermissions(g: Grants): string[] | undefined {
  return g.permissions.lines ? [...new Set(g.permissions.lines.flatMap((l) => l.permissions))] : undefined;
}

/** Each division with the roles granted in it (from the division-carrying lines). */
export function divisionsOf(g: Grants): (NamedRef & { roles: string[] })[] | undefined {
  if (!g.permissions.lines || !g.permissions.divisions) return undefined;
  const by = new Map<string, NamedRef & { roles: string[] }>();
  for (const l of g.permissions.lines) {
    const key = l.divisionId ?? l.division;
    if (!key) continue;
    const entry = by.get(key) ?? { ...(l.divisionId ? { id: l.divisionId } : {}), ...(l.division ? { name: l.division } : {}), roles: [] };
    if (!entry.roles.includes(l.role)) entry.roles.push(l.role);
    by.set(key, entry);
  }
  return [...by.values()].sort((a, b) => (a.name ?? a.id ?? '').localeCompare(b.name ?? b.id ?? ''));
}
