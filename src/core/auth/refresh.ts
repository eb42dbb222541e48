// Refreshing a session. Only sessions with a refresh token can be refreshed:
// whether Genesys returns one for PKCE is UNVERIFIED (docs/facts.md#pkce-refresh-token), and
// client-credentials/device/token sessions are simply signed in again.
import type { Clock, HttpPort, LogPort } from '../ports';
import { AuthError } from './errors';
import { discoverEndpoints } from './metadata';
import { requestTokenOrThrow } from './oauth';
import { isExpired, type Session, type SessionStore } from './session';

export interface RefreshPorts { http: HttpPort; clock: Clock; log?: LogPort; signal?: AbortSignal }

export function canRefresh(s: Session): boolean {
  return !!s.refreshToken && !!s.clientId;
}

export async function refreshSession(s: Session, ports: RefreshPorts): Promise<Session> {
  if (!s.refreshToken) {
    const why = s.grant === 'pkce'
      ? 'The login server returned no refresh token with this browser sign-in (for Genesys PKCE this is expected: docs/facts.md#pkce-refresh-token, unverified).'
      : `A ${s.grant} session has no refresh token.`;
    throw new AuthError('no_refresh_token', `${why} Sign in again.`);
  }
  if (!s.clientId) throw new AuthError('no_refresh_token', 'The session has no client id to refresh with. Sign in again.');
  const ep = await discoverEndpoints(s.environment, ports.http, { signal: ports.signal, log: ports.log });
  const tokens = await requestTokenOrThrow({
    http: ports.http, url: ep.tokenEndpoint, signal: ports.signal,
    params: { grant_type: 'refresh_token', refresh_token: s.refreshToken, client_id: s.clientId },
  }, 'Refreshing the token');
  const now = ports.clock.now();
  return {
    ...s,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? s.refreshToken, // servers that do not rotate keep the old one valid
    expiresAt: tokens.expiresIn !== undefined ? now + tokens.expiresIn * 1000 : undefined,
    scopes: tokens.scope ?? s.scopes,
  };
}

/**
 * The stored session for an environment, refreshed (and saved) when it has
 * expired and can be refreshed. Returns undefined when there is none or it has
 * expired without a way to refresh (the caller asks the user to sign in).
 */
export async function loadValidSession(store: SessionStore, envName: string, ports: RefreshPorts): Promise<Session | undefined> {
  const s = await store.get(envName);
  if (!s) return undefined;
  if (!isExpired(s, ports.clock.now())) return s;
  if (!canRefresh(s)) return undefined;
  try {
    const fresh = await refreshSession(s, ports);
    await store.save(fresh);
    return fresh;
  } catch (err) {
    ports.log?.warn(`Could not refresh the session for ${envName}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
