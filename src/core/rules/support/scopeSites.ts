// Where scope names are written, with exact ranges: `scope=` in form bodies and
// query strings of .http requests, `scope` arrays of OAuth client bodies, and
// the scope strings the code scan (sources/code.ts) found in .js/.ts. Collected and classified
// once per document for both scope rules.
import { knowledgeFor, type Knowledge } from '../../knowledge';
import { classifyScope, splitScopeParam, type ScopeClassification } from '../../knowledge/scopes';
import type { RuleContext } from '../../lintTypes';
import { jsonBodyOf } from '../../sources/json';
import type { ParsedDocument, ParsedRequest } from '../../sources/types';
import type { Range } from '../../types';
import { isGenesysCode } from './code';
import { requestFacts } from './request';

export interface ScopeSite {
  name: string;
  range: Range;
  request?: number;
  /** grant_type of the same token request, when written. */
  grant?: string;
  pointer?: string;
  /** How the name is written: in a `scope=` parameter, as a JSON array item, or in a code string literal. */
  where?: 'param' | 'array' | 'code';
  /** Code only: the whole string literal the name is in. */
  literal?: Range;
  cls: ScopeClassification;
}

const cache = new WeakMap<ParsedDocument, ScopeSite[]>();

export function knowledge(ctx: RuleContext): Knowledge {
  return ctx.knowledge ?? knowledgeFor(ctx.catalog);
}

export function scopeSites(ctx: RuleContext): ScopeSite[] {
  const hit = cache.get(ctx.parsed);
  if (hit) return hit;
  const k = knowledge(ctx);
  const isPermission = (p: string) => k.permissions.has(p);
  const raw: Omit<ScopeSite, 'cls'>[] = [];
  for (const req of ctx.parsed.requests) collectFromRequest(ctx, req, raw);
  if (isGenesysCode(ctx.parsed)) for (const s of ctx.parsed.code?.scopes ?? []) raw.push({ name: s.scope, range: s.range, where: 'code', literal: s.literalRange });
  const sites: ScopeSite[] = [];
  for (const s of raw) {
    if (!s.name || s.name.includes('{{')) continue;
    // The collected objects are this function's own: completed in place (a spread copy is much slower in V8).
    const site = s as ScopeSite;
    site.cls = classifyScope(s.name, isPermission, k.scopes);
    sites.push(site);
  }
  cache.set(ctx.parsed, sites);
  return sites;
}

interface Param { key: string; value: string; valueStart: number }

/** key=value pairs of a query string or form body, with the offset of each raw value. */
export function formParams(text: string, base = 0): Param[] {
  const out: Param[] = [];
  let pos = 0;
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      const key = part.slice(0, eq).trim();
      const lead = part.slice(eq + 1).length - part.slice(eq + 1).trimStart().length;
      const value = part.slice(eq + 1).trim();
      let k = key;
      try { k = decodeURIComponent(key); } catch { /* as written */ }
      out.push({ key: k, value, valueStart: base + pos + eq + 1 + lead });
    }
    pos += part.length + 1;
  }
  return out;
}

function collectFromRequest(ctx: RuleContext, req: ParsedRequest, out: Omit<ScopeSite, 'cls'>[]): void {
  const doc = ctx.parsed.doc;
  const facts = requestFacts(req, ctx.catalog, doc);
  if (!facts.genesys) return;
  const body = req.body;
  const formBody = body && !body.include && (body.kind === 'form' || /(^|&|\s)grant_type=/.test(body.text)) ? formParams(body.text) : [];
  const grant = formBody.find((p) => p.key === 'grant_type')?.value;
  const push = (p: Param, toOffset: (i: number) => number | undefined, whole: Range) => {
    for (const s of splitScopeParam(p.value)) {
      const a = toOffset(p.valueStart + s.start);
      const b = toOffset(p.valueStart + s.end);
      const exact = a !== undefined && b !== undefined;
      out.push({ name: s.name, range: exact ? { start: doc.positionAt(a), end: doc.positionAt(b) } : whole, request: req.index, grant, where: exact ? 'param' : undefined });
    }
  };
  if (body) for (const p of formBody) if (p.key === 'scope') push(p, (i) => body.offset + i, body.range);

  // Query string of the URL as written; exact ranges only when the raw URL is verbatim in the text.
  const q = req.rawUrl.indexOf('?');
  if (q >= 0) {
    const start = doc.offsetAt(req.urlRange.start);
    const verbatim = doc.text.slice(start, start + req.rawUrl.length) === req.rawUrl;
    for (const p of formParams(req.rawUrl.slice(q + 1), q + 1)) {
      if (p.key === 'scope') push(p, (i) => (verbatim ? start + i : undefined), req.urlRange);
    }
  }

  // OAuth client bodies (POST/PUT /api/v2/oauth/clients): "scope": ["..."] (OAuthClientRequest.scope).
  if (facts.operation && /^\/api\/v2\/oauth\/clients/.test(facts.operation.path)) {
    const json = jsonBodyOf(req, doc);
    const arr = json?.root?.children?.find((c) => c.children?.[0]?.value === 'scope')?.children?.[1];
    if (json && arr?.type === 'array') {
      (arr.children ?? []).forEach((n, i) => {
        if (n.type === 'string') out.push({ name: String(n.value), range: json.rangeOf(n), request: req.index, pointer: `/scope/${i}`, where: json.fromInclude ? undefined : 'array' });
      });
    }
  }
}
