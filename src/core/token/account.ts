// A short account label for a new session (the VS Code Accounts menu, the CLI
// "signed in as" line): the user for user tokens, else the OAuth client.
// Best effort: a server without these APIs simply gives no label.
import type { HttpPort } from '../ports';
import { apiGet } from '../auth/apiClient';
import type { Session } from '../auth/session';

export async function describeAccount(session: Session, http: HttpPort, signal?: AbortSignal): Promise<Session['account']> {
  try {
    if (session.grant !== 'client-credentials') {
      const me = await apiGet(session, http, '/api/v2/users/me', signal);
      if (me.status === 200) {
        const u = JSON.parse(me.body) as { id?: unknown; name?: unknown };
        if (typeof u.id === 'string' || typeof u.name === 'string') {
          return { id: typeof u.id === 'string' ? u.id : undefined, name: typeof u.name === 'string' ? u.name : undefined };
        }
      }
    }
    const t = await apiGet(session, http, '/api/v2/tokens/me', signal);
    if (t.status === 200) {
      const c = (JSON.parse(t.body) as { OAuthClient?: { id?: unknown; name?: unknown } }).OAuthClient;
      if (c && (typeof c.id === 'string' || typeof c.name === 'string')) {
        return { id: typeof c.id === 'string' ? c.id : undefined, name: typeof c.name === 'string' ? `${c.name} (OAuth client)` : undefined };
      }
    }
  } catch {
    /* no label */
  }
  return undefined;
}
