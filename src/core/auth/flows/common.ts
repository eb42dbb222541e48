// Pieces every flow shares: endpoint discovery and turning a token response into a Session.
import { discoverEndpoints, type AuthEndpoints } from '../metadata';
import { newSessionId, type GrantKind, type Session } from '../session';
import type { TokenSet } from '../oauth';
import type { FlowContext } from './types';

export async function endpointsFor(ctx: FlowContext): Promise<AuthEndpoints> {
  if (!ctx.endpoints) ctx.endpoints = await discoverEndpoints(ctx.env, ctx.http, { signal: ctx.signal, log: ctx.log });
  return ctx.endpoints;
}

export function sessionFromTokens(ctx: FlowContext, tokens: TokenSet, grant: GrantKind, clientId?: string): Session {
  const now = ctx.clock.now();
  return {
    id: newSessionId(),
    environment: ctx.env,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresIn !== undefined ? now + tokens.expiresIn * 1000 : undefined,
    grant,
    clientId,
    scopes: tokens.scope,
    createdAt: now,
  };
}

export const GENESYS_NO_DEVICE_FLOW =
  'Genesys Cloud does not offer the OAuth device authorization grant (RFC 8628): it is not among the ' +
  'OAuth client grant types, the SDK login methods or the gc CLI profiles (docs/facts.md#grant-types). ' +
  "Use --flow pkce with an OAuth client of grant type 'Code Authorization' whose redirect URI is http://localhost, " +
  'or --flow client-credentials (no user context).';
