// RFC 8414 authorization server metadata and (in --jwt mode) the JWKS.
import { sendJson, type Ctx } from '../http';
import { DEVICE_GRANT } from './token';

export function handleMetadata(ctx: Ctx): void {
  const base = ctx.state.baseUrl;
  const meta: Record<string, unknown> = {
    issuer: base,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    device_authorization_endpoint: `${base}/oauth/device/authorize`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token', DEVICE_GRANT],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    scopes_supported: ctx.state.fixture.scopes,
  };
  if (ctx.state.jwt) meta.jwks_uri = `${base}/.well-known/jwks.json`;
  sendJson(ctx, 200, meta);
}

export function handleJwks(ctx: Ctx): void {
  if (!ctx.state.jwt) return sendJson(ctx, 404, { error: 'not_found', error_description: 'JWKS is only served in --jwt mode (tokens are opaque by default).' });
  sendJson(ctx, 200, ctx.state.jwt.jwks);
}
