// --jwt mode: access tokens become ES256-signed JWTs (real Genesys tokens are
// opaque, docs/facts.md#opaque-tokens — this mode exists to exercise JWT-aware clients).
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomUUID } from 'crypto';

export interface JwtSigner {
  sign(claims: Record<string, unknown>, subject: string, audience: string, issuedAtSec: number, expiresAtSec: number): Promise<string>;
  jwks: { keys: JWK[] };
}

export async function createJwtSigner(issuer: () => string): Promise<JwtSigner> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    sign: (claims, subject, audience, issuedAtSec, expiresAtSec) => new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setIssuer(issuer()).setSubject(subject).setAudience(audience)
      .setIssuedAt(issuedAtSec).setExpirationTime(expiresAtSec).setJti(randomUUID())
      .sign(privateKey),
  };
}
