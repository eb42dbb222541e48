// The OAuth scopes an operation needs, from a Swagger document: the catalog's
// (when a Swagger doc supplied them), one handed in, or the environment's live
// document at GET /api/v2/docs/swagger (docs/facts.md#swagger-scopes, #live-swagger):
// paths[path][method].security[i]["PureCloud OAuth"].
import type { ApiAnswer } from '../http/api';
import type { SourceRef } from '../types';
import type { CheckContext } from './context';
import { rec } from './lookups';
import { SRC } from './sources';

export interface RequiredScopes { scopes: string[] | null; source: SourceRef; evidence: ApiAnswer[]; why: string }

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

export async function operationScopes(ctx: CheckContext): Promise<RequiredScopes> {
  const fromCatalog = ctx.op.scopes;
  if (fromCatalog?.scopes && fromCatalog.scopes.length) return { scopes: fromCatalog.scopes, source: fromCatalog.source, evidence: [], why: '' };
  const given = ctx.input.swagger?.doc;
  if (given !== undefined) {
    const scopes = scopesInSwagger(given, ctx.op.method, ctx.op.path);
    if (scopes) return { scopes, source: { ref: 'the Swagger document supplied (security["PureCloud OAuth"])', verified: true }, evidence: [], why: '' };
  }
  if (ctx.input.swagger?.fetch === false) {
    return { scopes: null, source: SRC.scopeUnknown, evidence: [], why: 'no Swagger document with scopes was loaded and fetching the live one is off' };
  }
  const s = await ctx.L.swagger();
  if (!s.answer.ok) return { scopes: null, source: SRC.scopeUnknown, evidence: [s.answer], why: `the live Swagger document could not be read (${s.answer.request} → ${s.answer.status ?? s.answer.error})` };
  const scopes = scopesInSwagger(s.answer.json, ctx.op.method, ctx.op.path);
  if (!scopes) return { scopes: null, source: SRC.scopeUnknown, evidence: [s.answer], why: 'the live Swagger document lists no "PureCloud OAuth" scopes for it' };
  return { scopes, source: SRC.scopeLive, evidence: [{ ...s.answer, evidence: { ...s.answer.evidence, excerpt: `paths["${ctx.op.path}"].${ctx.op.method.toLowerCase()}.security: PureCloud OAuth ${JSON.stringify(scopes)}` } }], why: '' };
}
