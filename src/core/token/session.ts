// readGrants over a signed-in session: GETs with the session's token, only to
// its own environment (apiGet), each answer kept as redacted evidence.
import type { Clock, HttpPort } from '../ports';
import type { Evidence } from '../types';
import { apiGet } from '../auth/apiClient';
import type { Session } from '../auth/session';
import { excerpt } from '../http/redact';
import { readGrants, type GrantFetch, type Grants } from './grants';

export interface SessionFetchOptions { clock?: Clock; signal?: AbortSignal; evidence?: Evidence[] }

export function sessionFetch(session: Session, http: HttpPort, opts: SessionFetchOptions = {}): GrantFetch {
  const secrets = [session.accessToken, session.refreshToken];
  return async (path) => {
    const started = opts.clock?.now() ?? 0;
    const took = () => (opts.clock ? opts.clock.now() - started : 0);
    try {
      const res = await apiGet(session, http, path, opts.signal);
      opts.evidence?.push({ request: `GET ${path}`, status: res.status, excerpt: excerpt(res.body, secrets, 200), durationMs: took() });
      let json: unknown;
      try { json = JSON.parse(res.body); } catch { json = undefined; }
      return { path, status: res.status, json };
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      const msg = excerpt(err instanceof Error ? err.message : String(err), secrets, 160);
      opts.evidence?.push({ request: `GET ${path}`, status: 'error', excerpt: msg, durationMs: took() });
      return { path, error: msg };
    }
  };
}

/** The session's grants, read now. */
export function readSessionGrants(session: Session, http: HttpPort, opts: SessionFetchOptions = {}): Promise<Grants> {
  return readGrants(sessionFetch(session, http, opts), { environment: session.environment.name, grant: session.grant, now: opts.clock?.now() ?? Date.now() });
}
