import * as assert from 'assert';
import { base64url, challengeS256, createState, createVerifier, isValidVerifier } from '../../src/core/auth/pkce';

describe('PKCE (RFC 7636)', () => {
  it('computes the S256 challenge of the RFC 7636 appendix B vector', async () => {
    assert.strictEqual(await challengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('encodes the appendix B octets as the appendix B verifier', () => {
    const octets = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
      191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
    assert.strictEqual(base64url(new Uint8Array(octets)), 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  });

  it('creates 43-character unreserved verifiers that differ each time', () => {
    const a = createVerifier();
    const b = createVerifier();
    assert.strictEqual(a.length, 43);
    assert.ok(isValidVerifier(a) && isValidVerifier(b));
    assert.notStrictEqual(a, b);
    assert.strictEqual(createVerifier(96).length, 128);
    assert.notStrictEqual(createState(), createState());
  });

  it('rejects verifiers outside 43-128 unreserved characters', async () => {
    assert.ok(!isValidVerifier('a'.repeat(42)));
    assert.ok(!isValidVerifier('a'.repeat(129)));
    assert.ok(!isValidVerifier('a'.repeat(42) + '+'));
    assert.ok(isValidVerifier('a'.repeat(128)));
    await assert.rejects(challengeS256('short'), /43-128/);
  });
});
