// PKCE (RFC 7636) with WebCrypto, which exists in Node 20 and in the VS Code
// extension host, so the core needs no node:crypto import.

const UNRESERVED = /^[A-Za-z0-9\-._~]{43,128}$/;

export function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

/** 32 random bytes -> 43 characters from the unreserved set (the RFC's recommendation). */
export function createVerifier(bytes = 32): string {
  return base64url(randomBytes(bytes));
}

export function isValidVerifier(verifier: string): boolean {
  return UNRESERVED.test(verifier);
}

/** S256: base64url(SHA-256(ASCII(verifier))) without padding. */
export async function challengeS256(verifier: string): Promise<string> {
  if (!isValidVerifier(verifier)) {
    throw new Error('A PKCE code verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~');
  }
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function createState(): string {
  return base64url(randomBytes(16));
}

/** Base64 of a UTF-8 string (HTTP Basic credentials). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
