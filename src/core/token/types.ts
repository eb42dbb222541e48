// What we can tell about a signed-in token: its Grants (who it is and what it
// may do, the one model shared with the Call Doctor) plus what only the token
// report shows (format, JWT, expiry). Built by inspectToken for the CLI `token`
// command and the VS Code token tree; JSON-serialisable, never holds the token.
import type { Evidence, SourceRef } from '../types';
import type { GrantKind } from '../auth/session';
import type { Grants } from './grants';

export interface NamedRef { id?: string; name?: string }
/** A UserStation (docs/facts.md#stations): id, name and type, e.g. inin_webrtc_softphone. */
export interface StationRef extends NamedRef { type?: string }

export interface TokenReport {
  environment: string;
  /** How this session was obtained. */
  grant: GrantKind;
  /** 'jwt' only means the string decodes as one; Genesys tokens are probably opaque (docs/facts.md#opaque-tokens). */
  format: 'opaque' | 'jwt';
  /** From GET /api/v2/tokens/me: true 200, false 401, undefined when it could not be determined. */
  active?: boolean;
  grants: Grants;
  expiry: {
    /** ms since epoch */
    expiresAt?: number;
    source: 'token-response' | 'jwt' | 'unknown';
    /** TokenInfo.dateTokenIdles */
    idlesAt?: string;
  };
  jwt?: JwtSummary;
  /** Things that could not be determined, and why (the grants' notes included). */
  notes: string[];
  evidence: Evidence[];
  sources: SourceRef[];
}

export interface JwtSummary {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  scopes?: string[];
  /** true: signature checked against the server's JWKS; false: checked and failed; undefined: no JWKS. */
  verified?: boolean;
  verifyError?: string;
}
