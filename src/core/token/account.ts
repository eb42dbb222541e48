// Account info for a new session (the VS Code Accounts menu, the CLI "signed
// in as" line, the scopes a session is filtered on), from the session's Grants:
// the user for user tokens, else the OAuth client. Best effort: a server
// without these APIs simply gives no label.
import type { HttpPort } from '../ports';
import type { Session } from '../auth/session';
import type { Grants } from './grants';
import { readSessionGrants } from './session';

// Sign-in asks for the label and the scopes of the same new session (same
// object, same transport): read its grants once for both.
const justSignedIn = new WeakMap<Session, { http: HttpPort; grants: Promise<Grants> }>();

export function newSessionGrants(session: Session, http: HttpPort, signal?: AbortSignal): Promise<Grants> {
  const hit = justSignedIn.get(session);
  if (hit?.http === http) return hit.grants;
  const grants = readSessionGrants(session, http, { signal });
  justSignedIn.set(session, { http, grants });
  return grants;
}

/** The account label the grants give: the user, else the OAuth client. */
export function accountOf(g: Grants): Session['account'] {
  const a = g.account;
  if (a.kind !== 'client' && (a.id || a.name)) return { id: a.id, name: a.name };
  const c = g.client;
  if (c && (c.id || c.name)) return { id: c.id, name: c.name ? `${c.name} (OAuth client)` : undefined };
  return undefined;
}

export async function describeAccount(session: Session, http: HttpPort, signal?: AbortSignal): Promise<Session['account']> {
  try {
    return accountOf(await newSessionGrants(session, http, signal));
  } catch {
    return undefined;
  }
}

/**
 * The scopes a token carries, for sessions whose token response named none
 * (Genesys token responses carry no `scope`): GET /api/v2/tokens/me
 * `authorizedScope` (docs/facts.md#token-info). Undefined when the API does not answer with a list.
 */
export async function authorizedScopes(session: Session, http: HttpPort, signal?: AbortSignal): Promise<string[] | undefined> {
  try {
    return (await newSessionGrants(session, http, signal)).scopes.list;
  } catch {
    return undefined;
  }
}
