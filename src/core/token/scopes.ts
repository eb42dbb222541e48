// The OAuth scopes an operation needs, resolved the same way for the token
// tree and the Call Doctor: the catalog's (when a Swagger document supplied
// them), one handed in, or the environment's live document at
// GET /api/v2/docs/swagger (docs/facts.md#swagger-scopes, #live-swagger): paths[path][method].security[i]["PureCloud OAuth"].
import type { Operation } from '../catalog/types';
import type { SourceRef } from '../types';
import type { RequiredScopes } from './evaluate';

export const SCOPE_SOURCES = {
  live: { ref: 'docs/facts.md#swagger-scopes', verified: true },
  unknown: { ref: 'docs/facts.md#operation-scopes', verified: false },
  given: { ref: 'the Swagger document supplied (security["PureCloud OAuth"])', verified: true },
} satisfies Record<string, SourceRef>;

const rec = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : undefined);

/** Scopes of `method path` in a Swagger 2.0 document; null when the doc does not say. */
export function scopesInSwagger(doc: unknown, method: string, path: string): string[] | null {
  const op = rec(rec(rec(rec(doc)?.paths)?.[path])?.[method.toLowerCase()]);
  const security = op?.security;
  if (!Array.isArray(security)) return null;
  const out: string[] = [];
  for (const req of security) {
    const scopes = rec(req)?.['PureCloud OAuth'];
    if (Array.isArray(scopes)) for (const s of scopes) if (typeof s === 'string') out.push(s);
  }
  // The 2018 documents say "PureCloud Auth": ["all"]: no scope information (docs/facts.md#swagger-2018).
  return out.length ? [...new Set(out)] : null;
}

/** A compact index of a Swagger document's scopes ("POST /api/v2/x" -> scopes), so the document itself need not be kept. */
export function swaggerScopeIndex(doc: unknown): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [path, item] of Object.entries(rec(rec(doc)?.paths) ?? {})) {
    for (const method of Object.keys(rec(item) ?? {})) {
      const scopes = scopesInSwagger(doc, method, path);
      if (scopes) index.set(`${method.toUpperCase()} ${path}`, scopes);
    }
  }
  return index;
}

/** The live Swagger document's answer, as far as resolving scopes needs it. */
export interface LiveSwagger { ok: boolean; scopes?: (method: string, path: string) => string[] | null; failure?: string }

/**
 * The operation's scopes: the catalog's, else a given document's, else the live
 * document's (when `live` is given). `null` scopes: not known, `why` says why.
 */
export async function resolveRequiredScopes(op: Pick<Operation, 'method' | 'path' | 'scopes'>, from: { given?: unknown; live?: () => Promise<LiveSwagger> }): Promise<RequiredScopes & { usedLive: boolean }> {
  const fromCatalog = op.scopes;
  if (fromCatalog?.scopes?.length) return { scopes: fromCatalog.scopes, source: fromCatalog.source, usedLive: false };
  if (from.given !== undefined) {
    const scopes = scopesInSwagger(from.given, op.method, op.path);
    if (scopes) return { scopes, source: SCOPE_SOURCES.given, usedLive: false };
  }
  if (!from.live) return { scopes: null, source: SCOPE_SOURCES.unknown, why: 'no Swagger document with scopes was loaded and fetching the live one is off', usedLive: false };
  const live = await from.live();
  if (!live.ok || !live.scopes) return { scopes: null, source: SCOPE_SOURCES.unknown, why: `the live Swagger document could not be read (${live.failure ?? 'no answer'})`, usedLive: true };
  const scopes = live.scopes(op.method, op.path);
  if (!scopes) return { scopes: null, source: SCOPE_SOURCES.unknown, why: 'the live Swagger document lists no "PureCloud OAuth" scopes for it', usedLive: true };
  return { scopes, source: SCOPE_SOURCES.live, usedLive: true };
}

export { authorizedScopes } from './account';
