// HttpPort over node-fetch (the design card's choice). Redirects are not
// followed, so a token never travels to a host the caller did not name.
import fetch from 'node-fetch';
import type { HttpPort, HttpRequest, HttpResponse } from '../../core/ports';

export interface NodeHttpOptions {
  /** Per-request timeout (default 30 s); the caller's AbortSignal still applies. */
  timeoutMs?: number;
  userAgent?: string;
}

export function nodeHttp(options: NodeHttpOptions = {}): HttpPort {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(req: HttpRequest): Promise<HttpResponse> {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      const headers: Record<string, string> = { 'user-agent': options.userAgent ?? 'genesys-cloud-call-doctor', ...req.headers };
      try {
        const res = await fetch(req.url, { method: req.method, headers, body: req.body, redirect: 'manual', signal });
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
