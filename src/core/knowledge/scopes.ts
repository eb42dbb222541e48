// OAuth scope names. Format (docs/facts.md#scope-format, VERIFIED): `<domain>` is
// read-write, `<domain>:readonly` read-only, kebab-case domains; three-part
// `a:b:c` strings are permissions, never scopes. The offline list comes from a
// third-party app configuration (UNVERIFIED), so its entries are verified:false
// until a Swagger document with scopes or GET /api/v2/oauth/scopes confirms them.
import type { SourceRef } from '../types';
import { folkloreScope, type FolkloreEntry } from './folklore';

export interface ScopeEntry { name: string; source: SourceRef }

const LIST_SOURCE: SourceRef = {
  ref: 'docs/facts.md#scope-names',
  verified: false,
};
export const SCOPE_FORMAT_SOURCE: SourceRef = {
  ref: 'docs/facts.md#scope-format',
  verified: true,
};

const PAIRS = ['alerting', 'analytics', 'architect', 'assistants', 'authorization', 'coaching', 'content-management',
  'conversations', 'devices', 'dialog', 'external-contacts', 'fax', 'gdpr', 'geolocation', 'greetings', 'groups',
  'integrations', 'journey', 'knowledge', 'language-understanding', 'learning', 'license', 'locations', 'messaging',
  'messaging-platform', 'oauth', 'organization', 'organization-authorization', 'outbound', 'presence', 'quality',
  'recordings', 'response-management', 'routing', 'scim', 'scripts', 'speech-and-text-analytics', 'stations',
  'telephony', 'textbots', 'user-recordings', 'users', 'voicemail', 'web-chat', 'widgets', 'workforce-management'];
const READONLY_ONLY = ['audits', 'billing', 'identity-providers', 'search', 'streaming-events'];
const PLAIN_ONLY = ['notifications', 'upload', 'user-basic-info'];

/** Names from docs/facts.md#scope-names, every one verified:false. */
export const OFFLINE_SCOPES: readonly string[] = [
  ...PAIRS.flatMap((d) => [d, `${d}:readonly`]),
  ...READONLY_ONLY.map((d) => `${d}:readonly`),
  ...PLAIN_ONLY,
];

/** `<domain>` or `<domain>:readonly` with a kebab-case domain. */
export const SCOPE_SHAPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?::readonly)?$/;
/** Three parts separated by colons, as permissions are (domain:entity:action). */
export const PERMISSION_SHAPE = /^[A-Za-z][\w-]*:[A-Za-z*][\w-]*:[A-Za-z*][\w-]*$/;

export class ScopeRegistry {
  private readonly entries: ReadonlyMap<string, ScopeEntry>;
  /** True once an authoritative list (live GET /api/v2/oauth/scopes) was loaded: absence is then certain. */
  readonly authoritative: boolean;

  constructor(entries: Iterable<ScopeEntry>, authoritative = false) {
    const map = new Map<string, ScopeEntry>();
    for (const e of entries) map.set(e.name, e);
    this.entries = map;
    this.authoritative = authoritative;
  }

  get(name: string): ScopeEntry | undefined { return this.entries.get(name); }
  has(name: string): boolean { return this.entries.has(name); }
  names(): string[] { return [...this.entries.keys()]; }

  /** A copy with `names` added (or re-sourced). */
  with(names: Iterable<string>, source: SourceRef, authoritative = this.authoritative): ScopeRegistry {
    const added = [...names].map((name) => ({ name, source }));
    return new ScopeRegistry([...this.entries.values(), ...added], authoritative);
  }
}

export function defaultScopeRegistry(): ScopeRegistry {
  return new ScopeRegistry(OFFLINE_SCOPES.map((name) => ({ name, source: LIST_SOURCE })));
}

/**
 * Scope names declared by a Swagger 2.0 document: the `PureCloud OAuth` scheme's
 * per-operation `security` lists and `securityDefinitions[...].scopes`. Only that
 * scheme counts (docs/facts.md#swagger-2018): the 2018 spec's "PureCloud Auth": ["all"] is no scope.
 */
export function scopesFromSwagger(doc: unknown): string[] {
  const out = new Set<string>();
  if (!doc || typeof doc !== 'object') return [];
  const d = doc as { paths?: Record<string, Record<string, unknown>>; securityDefinitions?: Record<string, { scopes?: Record<string, string> }> };
  const defScopes = d.securityDefinitions?.['PureCloud OAuth']?.scopes;
  if (defScopes && typeof defScopes === 'object') for (const k of Object.keys(defScopes)) out.add(k);
  for (const item of Object.values(d.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      const sec = (op as { security?: unknown })?.security;
      if (!Array.isArray(sec)) continue;
      for (const req of sec) {
        const list = (req as Record<string, unknown>)?.['PureCloud OAuth'];
        if (Array.isArray(list)) for (const s of list) if (typeof s === 'string' && s) out.add(s);
      }
    }
  }
  return [...out];
}

export function acceptScopesFromSwagger(registry: ScopeRegistry, doc: unknown, docName: string): ScopeRegistry {
  const names = scopesFromSwagger(doc);
  if (!names.length) return registry;
  return registry.with(names, { ref: `docs/facts.md#swagger-scopes ${docName}`, verified: true });
}

/** From a live `OAuthScopeListing {entities: OAuthScope{id}}` (GET /api/v2/oauth/scopes): authoritative. */
export function fromLiveScopes(listing: unknown, region?: string): ScopeRegistry {
  const entities = (listing as { entities?: { id?: unknown }[] } | undefined)?.entities;
  if (!Array.isArray(entities)) throw new Error('GET /api/v2/oauth/scopes: expected an OAuthScopeListing with an entities array');
  const source: SourceRef = { ref: `docs/facts.md#scope-list-live${region ? ` ${region}` : ''}`, verified: true };
  const names = entities.map((e) => e?.id).filter((id): id is string => typeof id === 'string' && id.length > 0);
  return new ScopeRegistry(names.map((name) => ({ name, source })), true);
}

export type ScopeKind = 'known' | 'is-permission' | 'unknown-permission-shaped' | 'unknown' | 'folklore';

export interface ScopeClassification {
  kind: ScopeKind;
  name: string;
  shape: 'scope' | 'permission' | 'other';
  entry?: ScopeEntry;
  folklore?: FolkloreEntry;
  /** Real scopes to suggest instead (from the registry; verified as their entries are). */
  suggestions: string[];
}

let defaultRegistry: ScopeRegistry | undefined;

/**
 * known | is-permission (a real permission in a scope position) | folklore |
 * unknown-permission-shaped (a:b:c that is no known permission) | unknown.
 */
export function classifyScope(
  name: string,
  knownPermissions: ReadonlySet<string> | ((p: string) => boolean),
  registry: ScopeRegistry = (defaultRegistry ??= defaultScopeRegistry()),
): ScopeClassification {
  const isPermission = typeof knownPermissions === 'function' ? knownPermissions : (p: string) => knownPermissions.has(p);
  const shape = SCOPE_SHAPE.test(name) ? 'scope' : PERMISSION_SHAPE.test(name) ? 'permission' : 'other';
  const entry = registry.get(name);
  const folklore = folkloreScope(name);
  if (entry) return { kind: 'known', name, shape, entry, suggestions: [] };
  const suggestions = suggestScopes(name, registry);
  if (isPermission(name)) return { kind: 'is-permission', name, shape, folklore, suggestions };
  if (folklore) return { kind: 'folklore', name, shape, folklore, suggestions };
  if (shape === 'permission') return { kind: 'unknown-permission-shaped', name, shape, suggestions };
  return { kind: 'unknown', name, shape, suggestions };
}

/** Scopes of the name's domain: "outbound:campaign:view" -> outbound, outbound:readonly. */
export function suggestScopes(name: string, registry: ScopeRegistry): string[] {
  const first = name.split(':')[0].toLowerCase();
  const wantsRead = /:(readonly|read|view|get)$/i.test(name);
  for (const domain of [first, `${first}s`, first.replace(/s$/, '')]) {
    const rw = registry.has(domain) ? domain : undefined;
    const ro = registry.has(`${domain}:readonly`) ? `${domain}:readonly` : undefined;
    if (rw || ro) return [wantsRead ? ro : rw, wantsRead ? rw : ro].filter((s): s is string => !!s);
  }
  return [];
}

/**
 * Splits an OAuth `scope` parameter value (space separated, `+` or %20 in form
 * encoding) into names with their offsets in `raw`. Names are percent-decoded.
 */
export function splitScopeParam(raw: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const sep = /(?:\s|\+|%20|,)+/gi;
  let last = 0;
  const push = (a: number, b: number) => {
    if (b <= a) return;
    let name = raw.slice(a, b);
    try { name = decodeURIComponent(name); } catch { /* keep as written */ }
    out.push({ name, start: a, end: b });
  };
  for (let m = sep.exec(raw); m; m = sep.exec(raw)) { push(last, m.index); last = m.index + m[0].length; }
  push(last, raw.length);
  return out;
}
