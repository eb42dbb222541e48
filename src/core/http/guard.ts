// Two guards every live check goes through.
// 1. Read-only: the Call Doctor only looks; it never changes the org. Any
//    method other than GET/HEAD is refused unless the caller opted in to
//    sending the user's own request (`sendUserRequest`).
// 2. Bearer: the session's token is attached only to URLs of the session's
//    environment; a request to any other host never receives it.
import { isUnderBase } from '../env/environment';
import type { HttpPort, HttpRequest, HttpResponse } from '../ports';

// The live checks import the origin test from here, next to the guard that uses it.
export { isUnderBase };

export class MutatingRequestRefused extends Error {
  override name = 'MutatingRequestRefused';
  constructor(method: string, url: string) {
    super(`Refused to send ${method} ${url}: the Call Doctor only sends GET/HEAD lookups. ` +
      'Sending your own request needs an explicit opt-in (--send).');
  }
}

export class ForeignHostRefused extends Error {
  override name = 'ForeignHostRefused';
  constructor(url: string, allowed: readonly string[]) {
    super(`Refused to send the bearer token to ${safeOrigin(url)}: it is not the signed-in environment ` +
      `(${[...new Set(allowed)].join(', ')}). Sign in to that environment, or send the request without the token.`);
  }
}

const SAFE = new Set(['GET', 'HEAD']);

export function isReadOnlyMethod(method: string): boolean {
  return SAFE.has(method.toUpperCase());
}

/** An HttpPort that only lets GET/HEAD through; `sendUserRequest` is the explicit opt-in. */
export class ReadOnlyHttp implements HttpPort {
  constructor(private readonly inner: HttpPort) {}

  send(req: HttpRequest): Promise<HttpResponse> {
    if (!isReadOnlyMethod(req.method)) return Promise.reject(new MutatingRequestRefused(req.method, safeOrigin(req.url) + safePath(req.url)));
    return this.inner.send(req);
  }

  /** Sends exactly the user's request, once. Only for an explicit "send it" from the user. */
  sendUserRequest(req: HttpRequest): Promise<HttpResponse> {
    return this.inner.send(req);
  }
}

/**
 * Adds `Authorization: Bearer <token>` for the environment's hosts only.
 * A request elsewhere that carries the token (in any header) is refused.
 */
export function withBearer(req: HttpRequest, token: string, allowedBases: readonly string[]): HttpRequest {
  const carriesToken = Object.values(req.headers ?? {}).some((v) => v.includes(token));
  if (!isUnderBase(req.url, allowedBases)) {
    if (carriesToken) throw new ForeignHostRefused(req.url, allowedBases);
    return req;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) if (k.toLowerCase() !== 'authorization') headers[k] = v;
  headers.Authorization = `Bearer ${token}`;
  return { ...req, headers };
}

export function safeOrigin(url: string): string {
  try { return new URL(url).origin; } catch { return '(invalid URL)'; }
}

function safePath(url: string): string {
  try { return new URL(url).pathname; } catch { return ''; }
}
