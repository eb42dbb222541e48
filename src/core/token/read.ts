// Readers for the Genesys payloads behind the token report. Tolerant: any
// missing field is simply left out (shapes per docs/facts.md#token-info, #user-me).
import type { HttpResponse } from '../ports';
import type { NamedRef, StationRef, TokenReport } from './types';

type Json = Record<string, unknown>;

function parse(body: string): Json {
  try {
    const v = JSON.parse(body);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
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

/** TokenInfo: organization, homeOrganization, OAuthClient (capital O), authorizedScope, dateTokenIdles. */
export function readTokenInfo(body: string): Partial<TokenReport> & { idlesAt?: string } {
  const t = parse(body);
  const out: Partial<TokenReport> & { idlesAt?: string } = {};
  const org = named(t.organization);
  if (org) out.organization = org;
  const home = named(t.homeOrganization);
  if (home) out.homeOrganization = home;
  const c = obj(t.OAuthClient);
  if (c) {
    out.client = { ...named(c) };
    if (str(c.authorizedGrantType)) out.client.authorizedGrantType = str(c.authorizedGrantType);
    if (strings(c.scope)) out.client.scope = strings(c.scope);
  }
  if (strings(t.authorizedScope)) out.scopes = strings(t.authorizedScope);
  if (str(t.dateTokenIdles)) out.idlesAt = str(t.dateTokenIdles);
  return out;
}

export interface UserMeSummary {
  user: NamedRef & { email?: string };
  roles?: NamedRef[];
  permissions?: string[];
  station?: TokenReport['station'];
}

export function readUserMe(body: string): UserMeSummary {
  const u = parse(body);
  const user: UserMeSummary['user'] = { ...named(u) };
  if (str(u.email)) user.email = str(u.email);
  const out: UserMeSummary = { user };
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

/** UserStation -> id, name, type. */
function station(v: unknown): StationRef | undefined {
  const ref: StationRef | undefined = named(v);
  const type = str(obj(v)?.type);
  if (ref && type) ref.type = type;
  return ref;
}

/** The station calls are placed from: effective, else associated (a default alone is not in use). */
export function stationInUse(s: TokenReport['station']): StationRef | undefined {
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
export function isNoUserContext(res: HttpResponse): boolean {
  if (res.status < 400 || res.status >= 500 || res.status === 401) return false;
  const b = parse(res.body);
  const text = `${str(b.code) ?? ''} ${str(b.message) ?? ''}`.toLowerCase();
  return text.includes('not.a.user') || text.includes('client credentials') || text.includes('not a user');
}
