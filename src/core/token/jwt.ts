// Local JWT reading for servers that issue JWT access tokens (the sandbox's
// --jwt mode, other RFC 9068 servers). Never relied on for Genesys, whose
// tokens are probably opaque (docs/facts.md#opaque-tokens): the report comes from the API.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import type { HttpPort } from '../ports';
import type { JwtSummary } from './types';

/** Header and claims when the token is a JWS compact JWT; undefined for opaque tokens. */
export function decodeJwtToken(token: string): Pick<JwtSummary, 'header' | 'claims' | 'scopes'> | undefined {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) return undefined;
  try {
    const header = decodeProtectedHeader(token) as Record<string, unknown>;
    const claims = decodeJwt(token) as Record<string, unknown>;
    return { header, claims, scopes: jwtScopes(claims) };
  } catch {
    return undefined;
  }
}

/** `scope` (space-separated, RFC 9068) or `scp` (array or string). */
export function jwtScopes(claims: Record<string, unknown>): string[] | undefined {
  const v = claims.scope ?? claims.scp;
  if (typeof v === 'string') return v.split(/\s+/).filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}

/** Verifies the signature (and exp/nbf) against a JWKS fetched through the HttpPort. */
export async function verifyJwt(token: string, jwksUri: string, http: HttpPort, now: number, signal?: AbortSignal): Promise<{ verified: boolean; error?: string }> {
  let jwks: JSONWebKeySet;
  try {
    const res = await http.send({ method: 'GET', url: jwksUri, headers: { accept: 'application/json' }, signal });
    if (res.status !== 200) return { verified: false, error: `JWKS ${jwksUri} answered HTTP ${res.status}` };
    jwks = JSON.parse(res.body) as JSONWebKeySet;
  } catch (err) {
    return { verified: false, error: `JWKS ${jwksUri} could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  try {
    await jwtVerify(token, createLocalJWKSet(jwks), { currentDate: new Date(now) });
    return { verified: true };
  } catch (err) {
    return { verified: false, error: err instanceof Error ? err.message : String(err) };
  }
}
