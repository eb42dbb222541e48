// Readers for the Genesys payloads behind the token report. Tolerant: any
// missing field is simply left out (shapes per docs/facts.md#token-info, #user-me).
import type { HttpResponse } from '../ports';
import type { GrantLine, Grants, NamedRef, StationRef } from './types';

type Json = Record<string, unknown>;

function parse(body: string): Json {
  try {
    return obj(JSON.parse(body)) ?? {};
  } catch {
    return {};
  }
}
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

function named(v: unknown): NamedRef | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const ref: NamedRef = {};
  if (str(o.id)) ref.id = str(o.id);
  if (str(o.name)) ref.name = str(o.name);
  return ref.id || ref.name ? ref : undefined;
}

export interface TokenInfoSummary {
  org?: NamedRef;
  homeOrg?: NamedRef;
  client?: Grants['client'];
  scopes?: string[];
  idlesAt?: string;
  /** OAuthClient.roleDivisions of a client-credentials client. */
  roleDivisions?: { roleId: string; divisionId?: string }[];
}

/** TokenInfo: organization, homeOrganization, OAuthClient (capital O), authorizedScope, dateTokenIdles. */
export function readTokenInfoJson(json: unknown): TokenInfoSummary {
  const t = obj(json) ?? {};
  const out: TokenInfoSummary = {};
  const org = named(t.organization);
  if (org) out.org = org;
  const home = named(t.homeOrganization);
  if (home) out.homeOrg = home;
  const c = obj(t.OAuthClient);
  if (c) {
    out.client = { ...named(c) };
    if (str(c.authorizedGrantType)) out.client.authorizedGrantType = str(c.authorizedGrantType);
    if (strings(c.scope)) out.client.scope = strings(c.scope);
    if (Array.isArray(c.roleDivisions)) {
      out.roleDivisions = c.roleDivisions.map(obj).filter((rd): rd is Json => !!rd && !!str(rd.roleId))
        .map((rd) => ({ roleId: str(rd.roleId)!, divisionId: str(rd.divisionId) }));
    }
  }
  if (strings(t.authorizedScope)) out.scopes = strings(t.authorizedScope);
  if (str(t.dateTokenIdles)) out.idlesAt = str(t.dateTokenIdles);
  return out;
}

export function readTokenInfo(body: string): TokenInfoSummary {
  return readTokenInfoJson(parse(body));
}

export interface UserMeSummary {
  user: NamedRef & { email?: string };
  division?: NamedRef;
  roles?: NamedRef[];
  permissions?: string[];
  station?: Grants['station'];
}

export function readUserMeJson(json: unknown): UserMeSummary {
  const u = obj(json) ?? {};
  const user: UserMeSummary['user'] = { ...named(u) };
  if (str(u.email)) user.email = str(u.email);
  const out: UserMeSummary = { user };
  const division = named(u.division);
  if (division) out.division = division;
  const auth = obj(u.authorization);
  if (auth) {
    if (Array.isArray(auth.roles)) out.roles = auth.roles.map(named).filter((r): r is NamedRef => !!r);
    out.permissions = strings(auth.permissions);
  }
  const st = obj(u.station);
  if (st) {
    out.station = {};
    const a = station(st.associatedStation); if (a) out.station.associated = a;
    const e = station(st.effectiveStation); if (e) out.station.effective = e;
    const d = station(st.defaultStation); if (d) out.station.default = d;
    const l = station(st.lastAssociatedStation); if (l) out.station.lastAssociated = l;
  }
  return out;
}

export function readUserMe(body: string): UserMeSummary {
  return readUserMeJson(parse(body));
}

/** UserStation -> id, name, type. */
function station(v: unknown): StationRef | undefined {
  const ref: StationRef | undefined = named(v);
  const type = str(obj(v)?.type);
  if (ref && type) ref.type = type;
  return ref;
}

/** The station calls are placed from: effective, else associated (a default alone is not in use). */
export function stationInUse(s: Grants['station']): StationRef | undefined {
  return s?.effective ?? s?.associated;
}

/** AuthzSubject.grants -> each division with the names of the roles granted in it. */
export function readSubject(body: string): (NamedRef & { roles: string[] })[] {
  const s = parse(body);
  const byDivision = new Map<string, NamedRef & { roles: string[] }>();
  for (const g of Array.isArray(s.grants) ? s.grants : []) {
    const grant = obj(g);
    const division = named(grant?.division);
    if (!division) continue;
    const key = division.id ?? division.name ?? '';
    const entry = byDivision.get(key) ?? { ...division, roles: [] };
    const role = named(grant?.role);
    const roleName = role?.name ?? role?.id;
    if (roleName && !entry.roles.includes(roleName)) entry.roles.push(roleName);
    byDivision.set(key, entry);
  }
  return [...byDivision.values()].sort((a, b) => (a.name ?? a.id ?? '').localeCompare(b.name ?? b.id ?? ''));
}

/** "conversation:call:add" -> domain "conversation"; sorted, deduplicated. */
export function groupPermissions(permissions: string[]): { domain: string; permissions: string[] }[] {
  const groups = new Map<string, Set<string>>();
  for (const p of permissions) {
    const domain = p.includes(':') ? p.slice(0, p.indexOf(':')) : p;
    if (!groups.has(domain)) groups.set(domain, new Set());
    groups.get(domain)!.add(p);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, set]) => ({ domain, permissions: [...set].sort() }));
}

/** A refusal that means "this token has no user" (client credentials), as opposed to a missing permission. */
export function isNoUserContextJson(status: number | undefined, json: unknown): boolean {
  if (status === undefined || status < 400 || status >= 500 || status === 401) return false;
  const b = obj(json) ?? {};
  const text = `${str(b.code) ?? ''} ${str(b.message) ?? ''}`.toLowerCase();
  return text.includes('not.a.user') || text.includes('client credentials') || text.includes('not a user');
}

export function isNoUserContext(res: HttpResponse): boolean {
  return isNoUserContextJson(res.status, parse(res.body));
}

/** Grants from an AuthzSubject {grants: [{division, role: {policies: [{domain, entityName, actions}]}}]}. */
export function grantsFromSubject(json: unknown): GrantLine[] | undefined {
  const grants = obj(json)?.grants;
  if (!Array.isArray(grants)) return undefined;
  return grants.map((g) => {
    const grant = obj(g) ?? {};
    const role = obj(grant.role) ?? {};
    const division = obj(grant.division);
    return {
      role: str(role.name) ?? str(role.id) ?? 'unnamed role',
      division: str(division?.name) ?? str(division?.id),
      divisionId: str(division?.id),
      permissions: policiesToPermissions(role.policies),
    };
  });
}

/** A role (DomainOrganizationRole) by id: permissionPolicies or permissions. */
export function grantsFromRole(json: unknown, divisionId?: string): GrantLine | undefined {
  const role = obj(json);
  if (!role) return undefined;
  const fromPolicies = policiesToPermissions(role.permissionPolicies ?? role.policies);
  const plain = strings(role.permissions) ?? [];
  return { role: str(role.name) ?? str(role.id) ?? 'unnamed role', division: divisionId, divisionId, permissions: [...new Set([...fromPolicies, ...plain])] };
}

/** UserMe.authorization.permissions (no divisions). */
export function grantsFromUserMe(json: unknown): GrantLine[] | undefined {
  const perms = strings(obj(obj(json)?.authorization)?.permissions);
  return perms ? [{ role: 'your roles (users/me)', permissions: perms }] : undefined;
}

function policiesToPermissions(policies: unknown): string[] {
  if (!Array.isArray(policies)) return [];
  const out: string[] = [];
  for (const p of policies) {
    const pol = obj(p);
    const domain = str(pol?.domain);
    const entity = str(pol?.entityName);
    if (!pol || !domain || !entity) continue;
    const actions = Array.isArray(pol.actions) ? pol.actions : Array.isArray(pol.actionSet) ? pol.actionSet : [];
    for (const a of actions) if (typeof a === 'string') out.push(`${domain}:${entity}:${a}`);
  }
  return out;
}
