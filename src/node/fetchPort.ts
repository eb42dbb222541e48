// An HttpPort over any fetch implementation: the CLI passes node-fetch, the
// extension the host's global fetch. Redirects are not followed, so a token
// never travels to a host the caller did not name.
import type { HttpPort, HttpRequest, HttpResponse } from '../core';

/** The part of fetch this port uses; both node-fetch and the global fetch fit. */
export type FetchFn = (url: string, init: {
  method: string; headers?: Record<string, string>; body?: string; redirect: 'manual'; signal: AbortSignal;
}) => Promise<{ status: number; headers: { forEach(cb: (value: string, name: string) => void): void }; text(): Promise<string> }>;

export interface FetchPortOptions {
  /** Per-request timeout (default 30 s); the caller's AbortSignal still applies. */
  timeoutMs?: number;
  /** Sent unless the request sets its own; when absent the fetch implementation's default is used. */
  userAgent?: string;
}

export function fetchPort(fetchFn: FetchFn, options: FetchPortOptions = {}): HttpPort {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(req: HttpRequest): Promise<HttpResponse> {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      const headers = options.userAgent ? { 'user-agent': options.userAgent, ...req.headers } : req.headers;
      try {
        const res = await fetchFn(req.url, { method: req.method, headers, body: req.body, redirect: 'manual', signal });
        const out: Record<string, string> = {};
        res.headers.forEach((value, name) => { out[name.toLowerCase()] = value; });
        return { status: res.status, headers: out, body: await res.text() };
      } catch (err) {
        if (req.signal?.aborted) throw req.signal.reason ?? err;
        if (timeout.aborted) throw new Error(`${req.method} ${new URL(req.url).origin} timed out after ${timeoutMs} ms`);
        throw err;
      }
    },
  };
}
