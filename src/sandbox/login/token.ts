// POST /oauth/token: client_credentials (HTTP Basic), authorization_code (+PKCE),
// refresh_token and the RFC 8628 device_code grant. Errors in OAuth shape.
import { createHash, timingSafeEqual } from 'crypto';
import { oauthError } from '../errors';
import { formBody, sendJson, sendOAuthError, type Ctx } from '../http';
import type { FixtureClient } from '../fixtureTypes';
import { CLIENT_CREDENTIALS_AUTHORIZED_SCOPE, PKCE_RETURNS_REFRESH_TOKEN, TOKEN_REQUEST_NOT_FORM } from '../assumptions';
import { issueToken } from './issue';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

interface ClientAuth { client?: FixtureClient; secretOk: boolean; presented: boolean }

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a); const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** HTTP Basic (RFC 6749 §2.3.1) or client_id/client_secret in the form. */
function authenticateClient(ctx: Ctx, form: URLSearchParams): ClientAuth {
  const header = ctx.req.headers.authorization ?? '';
  let id = form.get('client_id') ?? undefined; let secret = form.get('client_secret') ?? undefined;
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    id = decodeURIComponent(i < 0 ? decoded : decoded.slice(0, i));
    secret = i < 0 ? '' : decodeURIComponent(decoded.slice(i + 1));
  }
  const client = id ? ctx.state.client(id) : undefined;
  const presented = secret !== undefined && secret !== '';
  return { client, presented, secretOk: !!client?.secret && presented && safeEqual(client.secret, secret!) };
}

export async function handleToken(ctx: Ctx): Promise<void> {
  const type = ctx.req.headers['content-type'];
  if (type && !/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return sendOAuthError(ctx, 400, oauthError(TOKEN_REQUEST_NOT_FORM.error, TOKEN_REQUEST_NOT_FORM.description));
  }
  const form = formBody(ctx);
  const grant = form.get('grant_type');
  const auth = authenticateClient(ctx, form);
  const invalidClient = () => sendOAuthError(ctx, 401, oauthError('invalid_client', 'Client authentication failed.'), { 'www-authenticate': 'Basic realm="sandbox"' });
  const { state } = ctx;
  if (!auth.client || (auth.presented && !auth.secretOk)) return invalidClient();
  const client = auth.client;
  // A confidential client must authenticate for every grant.
  if (client.secret && !auth.secretOk) return invalidClient();

  switch (grant) {
    case 'client_credentials': {
      if (client.authorizedGrantType !== 'CLIENT-CREDENTIALS') return sendOAuthError(ctx, 400, oauthError('unauthorized_client', `${client.name} is not a Client Credentials client.`));
      return sendJson(ctx, 200, await issueToken(state, { kind: 'client', clientId: client.id, scopes: [...CLIENT_CREDENTIALS_AUTHORIZED_SCOPE], grant }, false));
    }
    case 'authorization_code': {
      const code = form.get('code') ?? '';
      const pending = state.codes.get(code);
      state.codes.delete(code); // single use, even when the exchange fails
      if (!pending || pending.clientId !== client.id) return sendOAuthError(ctx, 400, oauthError('invalid_grant', 'The authorization code is invalid or was already used.'));
      if (pending.expiresAt <= state.now()) return sendOAuthError(ctx, 400, oauthError('invalid_grant', 'The authorization code has expired.'));
      if (form.get('redirect_uri') !== pending.redirectUri) return sendOAuthError(ctx, 400, oauthError('invalid_grant', 'redirect_uri does not match the authorization request.'));
      if (pending.codeChallenge) {
        const verifier = form.get('code_verifier') ?? '';
        if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return sendOAuthError(ctx, 400, oauthError('invalid_grant', 'code_verifier must be 43-128 unreserved characters.'));
        const computed = createHash('sha256').update(verifier).digest('base64url');
        if (computed !== pending.codeChallenge) return sendOAuthError(ctx, 400, oauthError('invalid_grant', 'code_verifier does not match the code_challenge (S256).'));
      }
      const refresh = client.secret ? true : PKCE_RETURNS_REFRESH_TOKEN;
      return sendJson(ctx, 200, await issueToken(state, { kind: 'user', clientId: client.id, userId: pending.userId, scopes: [...(client.scope ?? [])], grant }, refresh));
    }
    case 'refresh_token': {
      const value = form.get('refresh_token') ?? '';
      const rec = state.refreshTokens.get(value);
      if (!rec || rec.clientId !== client.id || rec.expiresAt <= state.now()) return sendOAuthError(ctx, 400, oauthError('invalid_grant', 'The refresh token is invalid or expired.'));
      state.refreshTokens.delete(value); // rotate
      return sendJson(ctx, 200, await issueToken(state, { kind: rec.kind, clientId: rec.clientId, userId: rec.userId, scopes: rec.scopes, grant: rec.grant }, true));
    }
    case DEVICE_GRANT: return handleDevicePoll(ctx, client, form.get('device_code') ?? '');
    default:
      return sendOAuthError(ctx, 400, oauthError('unsupported_grant_type', `grant_type '${grant ?? ''}' is not supported.`));
  }
}

/** RFC 8628 §3.5: authorization_pending, slow_down, expired_token, access_denied. */
async function handleDevicePoll(ctx: Ctx, client: FixtureClient, deviceCode: string): Promise<void> {
  const { state } = ctx;
  const pending = state.devices.get(deviceCode);
  if (!pending || pending.clientId !== client.id) return sendOAuthError(ctx, 400, oauthError('invalid_grant', 'Unknown device_code.'));
  const now = state.now();
  if (pending.expiresAt <= now) { state.devices.delete(deviceCode); return sendOAuthError(ctx, 400, oauthError('expired_token', 'The device code has expired.')); }
  if (pending.status === 'denied') { state.devices.delete(deviceCode); return sendOAuthError(ctx, 400, oauthError('access_denied', 'The user denied the request.')); }
  const tooSoon = pending.lastPollAt !== undefined && now - pending.lastPollAt < pending.interval * 1000;
  pending.lastPollAt = now;
  if (tooSoon) { pending.interval += 5; return sendOAuthError(ctx, 400, oauthError('slow_down', `Poll at most every ${pending.interval} seconds.`)); }
  if (pending.status === 'pending') return sendOAuthError(ctx, 400, oauthError('authorization_pending', 'The user has not approved the request yet.'));
  state.devices.delete(deviceCode);
  return sendJson(ctx, 200, await issueToken(state, { kind: 'user', clientId: client.id, userId: pending.userId, scopes: [...(client.scope ?? [])], grant: DEVICE_GRANT }, true));
}
