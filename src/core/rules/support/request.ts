// Per-request facts the rules share, computed once and cached on the request:
// the URL split into host/path/query, whether it is a Genesys call at all, and
// the catalog operation it resolves to.
import type { Catalog, LookupResult } from '../../catalog/api';
import type { Operation } from '../../catalog/types';
import { regionOfHost, type Region } from '../../env/regions';
import type { ParsedRequest, SourceDocument } from '../../sources/types';

export interface UrlParts {
  scheme: string;           // "https", "" when relative or unresolved
  host: string;             // lower-cased, "" when absent; may contain "{{"
  path: string;             // without query/fragment
  query: string;            // without "?"
}

export type HostKind =
  | { kind: 'region'; region: Region; service: string }   // e.g. api.mypurecloud.com
  | { kind: 'genesys-like' }                               // mypurecloud.co.uk: looks like Genesys, no such region
  | { kind: 'loopback' }                                   // local sandbox
  | { kind: 'unresolved' }                                 // {{baseUrl}}, or a relative path
  | { kind: 'other' };                                     // example.com: not ours

export interface RequestFacts {
  url: UrlParts;
  host: HostKind;
  /** The request targets the Genesys API or login service (or the sandbox). */
  genesys: boolean;
  isTokenRequest: boolean;
  lookup?: LookupResult;
  operation?: Operation;
}

// Facts per request and catalog: one WeakMap lookup per call (every rule asks for
// every request), with a short list for the rare request linted against several catalogs.
interface Cached { catalog: Catalog; facts: RequestFacts; next?: Cached }
const cache = new WeakMap<ParsedRequest, Cached>();
// Lookups memoised per catalog by method+URL: files repeat URLs. A miss's
// "did you mean" suggestions are computed only when a rule reads them.
const lookups = new WeakMap<Catalog, Map<string, LookupResult>>();
const MAX_MEMO = 5000;

function lookupOnce(catalog: Catalog, method: string, url: string): LookupResult {
  let memo = lookups.get(catalog);
  if (!memo) lookups.set(catalog, (memo = new Map()));
  const key = `${method} ${url}`;
  let hit = memo.get(key);
  if (!hit) {
    hit = catalog.lookup(method, url);
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(key, hit);
  }
  return hit;
}

export function splitUrl(url: string): UrlParts {
  const m = /^\s*(?:([a-z][a-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?/i.exec(url) ?? [];
  let host = (m[2] ?? '').toLowerCase();
  let path = m[3] ?? '';
  // "{{host}}/api/v2/x" or "api.mypurecloud.com/api/v2/x" without a scheme.
  if (!m[2] && !path.startsWith('/')) {
    const slash = path.indexOf('/');
    host = (slash < 0 ? path : path.slice(0, slash)).toLowerCase();
    path = slash < 0 ? '' : path.slice(slash);
  }
  return { scheme: (m[1] ?? '').toLowerCase(), host: host.replace(/:\d+$/, ''), path, query: m[4] ?? '' };
}

// Hosts that look like a Genesys Cloud environment (used to flag invented ones such as mypurecloud.co.uk).
const GENESYS_LIKE = /(^|\.)(mypurecloud|purecloud|pure\.cloud|pure-cloud)\b|^(api|login)\.(.+\.)?genesys(cloud)?\./;

export function classifyHost(host: string): HostKind {
  if (!host || host.includes('{{')) return { kind: 'unresolved' };
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(host)) return { kind: 'loopback' };
  const r = regionOfHost(host);
  if (r) return { kind: 'region', region: r.region, service: r.service };
  if (GENESYS_LIKE.test(host)) return { kind: 'genesys-like' };
  return { kind: 'other' };
}

export const TOKEN_PATH = /^\/(?:api\/v2\/)?oauth\/token\/?$/i;

export function requestFacts(req: ParsedRequest, catalog: Catalog, doc: SourceDocument): RequestFacts {
  const first = cache.get(req);
  for (let c = first; c; c = c.next) if (c.catalog === catalog) return c.facts;
  const facts = compute(req, catalog, doc);
  cache.set(req, { catalog, facts, next: first });
  return facts;
}

/** What the URL text alone decides (shared by every request written with the same URL: do not modify). */
interface UrlFacts { url: UrlParts; host: HostKind; apiPath: boolean; tokenPath: boolean; genesys: boolean }
const byUrl = new Map<string, UrlFacts>();

function urlFacts(rawUrl: string): UrlFacts {
  let hit = byUrl.get(rawUrl);
  if (!hit) {
    const url = splitUrl(rawUrl);
    const host = classifyHost(url.host);
    const tokenPath = TOKEN_PATH.test(url.path);
    const apiPath = /^\/api\/v2(\/|$)/i.test(url.path);
    const genesys = host.kind === 'region' || host.kind === 'genesys-like'
      || ((host.kind === 'unresolved' || host.kind === 'loopback') && (apiPath || tokenPath || /^\/oauth\//i.test(url.path)));
    hit = { url, host, apiPath, tokenPath, genesys };
    if (byUrl.size >= MAX_MEMO) byUrl.clear();
    byUrl.set(rawUrl, hit);
  }
  return hit;
}

function compute(req: ParsedRequest, catalog: Catalog, doc: SourceDocument): RequestFacts {
  if (req.association) {
    // A payload file: the operation comes from the association, not a URL.
    const operation = catalog.byId(req.association.operationId);
    const url = splitUrl(operation?.path ?? '');
    return { url, host: { kind: 'unresolved' }, genesys: true, isTokenRequest: false, operation };
  }
  const { url, host, apiPath, tokenPath, genesys } = urlFacts(req.url);
  const isTokenRequest = tokenPath || /(^|&|\s)grant_type=/.test(req.body?.text ?? '');
  let lookup: LookupResult | undefined;
  if (genesys && apiPath && !tokenPath && doc.kind !== 'json') lookup = lookupOnce(catalog, req.method, req.url);
  return { url, host, genesys, isTokenRequest, lookup, operation: lookup?.match?.operation };
}

/** Header value by name (case-insensitive). */
export function header(req: ParsedRequest, name: string): string | undefined {
  const n = name.toLowerCase();
  return req.headers.find((h) => h.name.toLowerCase() === n)?.value;
}
