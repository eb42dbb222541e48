// The scopes a token carries, for sessions whose token response named none
// (Genesys token responses carry no `scope`; the sandbox's neither). The
// authoritative list is GET /api/v2/tokens/me `authorizedScope` (docs/facts.md#token-info).
// Best effort: undefined when the API does not answer with a list.
import type { HttpPort } from '../ports';
import { apiGet } from '../auth/apiClient';
import type { Session } from '../auth/session';
import { readTokenInfo } from './read';

export async function authorizedScopes(session: Session, http: HttpPort, signal?: AbortSignal): Promise<string[] | undefined> {
  try {
    const res = await apiGet(session, http, '/api/v2/tokens/me', signal);
    return res.status === 200 ? readTokenInfo(res.body).scopes : undefined;
  } catch {
    return undefined;
  }
}
