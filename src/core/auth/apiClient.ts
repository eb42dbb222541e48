// Sends API requests with the session's token, and only ever to the session's
// own environment: a URL on any other host gets no Authorization header.
import type { HttpPort, HttpRequest, HttpResponse } from '../ports';
import { isEnvironmentHost } from '../env/environment';
import type { Session } from './session';

/** An HttpPort that adds `Authorization: Bearer` for the session's environment hosts only. */
export function authorizedHttp(session: Session, http: HttpPort): HttpPort {
  return {
    send(req: HttpRequest): Promise<HttpResponse> {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers ?? {})) if (k.toLowerCase() !== 'authorization') headers[k] = v;
      if (isEnvironmentHost(session.environment, req.url)) headers.authorization = `Bearer ${session.accessToken}`;
      return http.send({ ...req, headers });
    },
  };
}

/** GET <apiBaseUrl><path> with the session's token; the path starts with /api/v2/. */
export function apiGet(session: Session, http: HttpPort, path: string, signal?: AbortSignal): Promise<HttpResponse> {
  return authorizedHttp(session, http).send({
    method: 'GET', url: session.environment.apiBaseUrl + path, headers: { accept: 'application/json' }, signal,
  });
}
