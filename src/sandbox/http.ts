// Request context and response helpers shared by the login and API handlers.
import type { IncomingMessage, ServerResponse } from 'http';
import type { ErrorBody, OAuthError } from './errors';
import type { SandboxState, TokenRecord } from './state';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  state: SandboxState;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: string;
  token?: TokenRecord;
  /** Filled by send helpers for the request log. */
  outcome: { status?: number; code?: string };
}

export function sendJson(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  ctx.outcome.status = status;
  ctx.res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'no-store', ...headers });
  ctx.res.end(ctx.method === 'HEAD' ? undefined : text);
}

export function sendError(ctx: Ctx, body: ErrorBody, headers: Record<string, string> = {}): void {
  ctx.outcome.code = body.code;
  sendJson(ctx, body.status, body, headers);
}

export function sendOAuthError(ctx: Ctx, status: number, body: OAuthError, headers: Record<string, string> = {}): void {
  ctx.outcome.code = body.error;
  sendJson(ctx, status, body, headers);
}

export function sendHtml(ctx: Ctx, status: number, html: string): void {
  ctx.outcome.status = status;
  ctx.res.writeHead(status, { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store' });
  ctx.res.end(html);
}

export function redirect(ctx: Ctx, location: string): void {
  ctx.outcome.status = 302;
  ctx.res.writeHead(302, { location, 'cache-control': 'no-store' });
  ctx.res.end();
}

export function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0; const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => { size += c.length; if (size > limit) { reject(new Error('body too large')); req.destroy(); } else chunks.push(c); });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function formBody(ctx: Ctx): URLSearchParams { return new URLSearchParams(ctx.body); }

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

/** The `name` query filter: Genesys accepts a trailing * wildcard; the match is case-insensitive. */
export function byName(ctx: Ctx): (e: { name: string }) => boolean {
  const name = ctx.query.get('name')?.toLowerCase();
  if (!name) return () => true;
  const prefix = name.endsWith('*') ? name.slice(0, -1) : undefined;
  return (e) => prefix !== undefined ? e.name.toLowerCase().startsWith(prefix) : e.name.toLowerCase() === name;
}

/** Classic paging (the SDK's *EntityListing models): entities, pageSize, pageNumber, total, pageCount and the five URIs. */
export function paged<T>(ctx: Ctx, all: T[], opts: { defaultSize?: number; uris?: 'all' | 'noTotals' } = {}): Record<string, unknown> {
  const pageSize = clampInt(ctx.query.get('pageSize'), opts.defaultSize ?? 25, 1, 500);
  const total = all.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const pageNumber = clampInt(ctx.query.get('pageNumber'), 1, 1, Number.MAX_SAFE_INTEGER);
  const uri = (n: number) => {
    const qs = new URLSearchParams(ctx.query); qs.set('pageSize', String(pageSize)); qs.set('pageNumber', String(n));
    return `${ctx.path}?${qs.toString()}`;
  };
  const out: Record<string, unknown> = { entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize), pageSize, pageNumber };
  if (opts.uris !== 'noTotals') { out.total = total; out.pageCount = pageCount; out.lastUri = uri(pageCount); }
  out.firstUri = uri(1);
  out.selfUri = uri(pageNumber);
  if (pageNumber < pageCount) out.nextUri = uri(pageNumber + 1);
  if (pageNumber > 1) out.previousUri = uri(pageNumber - 1);
  return out;
}

function clampInt(raw: string | null, dflt: number, min: number, max: number): number {
  const n = raw === null ? dflt : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : dflt;
}
