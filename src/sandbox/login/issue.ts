// Issues access (and refresh) tokens: opaque random strings like Genesys
// (docs/facts.md#opaque-tokens), or signed JWTs in --jwt mode. Tokens are only ever stored as
// map keys; they are never logged.
import { randomBytes } from 'crypto';
import type { SandboxState, TokenRecord } from '../state';

export interface TokenResponse { access_token: string; token_type: 'bearer'; expires_in: number; refresh_token?: string }

const DEFAULT_VALIDITY = 86400; // docs/facts.md#grant-types: default 24 h

export function opaque(bytes = 32): string { return randomBytes(bytes).toString('base64url'); }

export async function issueToken(state: SandboxState, rec: Omit<TokenRecord, 'issuedAt' | 'expiresAt'>, withRefresh: boolean): Promise<TokenResponse> {
  const client = state.client(rec.clientId);
  const validity = client?.accessTokenValiditySeconds ?? DEFAULT_VALIDITY;
  const now = state.now();
  const record: TokenRecord = { ...rec, issuedAt: now, expiresAt: now + validity * 1000 };
  const subject = rec.userId ?? rec.clientId;
  const access = state.jwt
    ? await state.jwt.sign({ scope: rec.scopes.join(' '), client_id: rec.clientId, org_id: state.fixture.org.id }, subject, state.baseUrl, Math.floor(now / 1000), Math.floor(record.expiresAt / 1000))
    : opaque();
  state.tokens.set(access, record);
  const out: TokenResponse = { access_token: access, token_type: 'bearer', expires_in: validity };
  if (withRefresh) {
    const refresh = opaque();
    state.refreshTokens.set(refresh, { ...record, expiresAt: now + 30 * 86400 * 1000 });
    out.refresh_token = refresh;
  }
  return out;
}

/** The live token record for a bearer value, or undefined when unknown/expired. */
export function lookupToken(state: SandboxState, bearer: string): TokenRecord | undefined {
  const rec = state.tokens.get(bearer);
  if (!rec) return undefined;
  if (rec.expiresAt <= state.now()) { state.tokens.delete(bearer); return undefined; }
  return rec;
}
