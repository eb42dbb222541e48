// What we can tell about a signed-in token. Built by inspectToken for the CLI
// `token` command and the VS Code token tree; JSON-serialisable, never holds the token.
import type { Evidence, SourceRef } from '../types';
import type { GrantKind } from '../auth/session';

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
  organization?: NamedRef;
  homeOrganization?: NamedRef;
  client?: NamedRef & { authorizedGrantType?: string; scope?: string[] };
  /** TokenInfo.authorizedScope; for client-credentials tokens scopes do not apply (docs/facts.md#client-credentials-roles). */
  scopes?: string[];
  /** 'user' when GET /api/v2/users/me answered; 'none' for client credentials (refused by design). */
  userContext: 'user' | 'none' | 'unknown';
  user?: NamedRef & { email?: string };
  roles?: NamedRef[];
  /** UserAuthorization.permissions grouped by their first segment (format domain:entity:action is UNVERIFIED, docs/facts.md#permission-format). */
  permissions?: { domain: string; permissions: string[] }[];
  /** From GET /api/v2/authorization/subjects/me: each division and the roles granted in it. */
  divisions?: (NamedRef & { roles: string[] })[];
  /**
   * UserMe.station (UserStations, GET /api/v2/users/me?expand=station, docs/facts.md#stations) when the
   * server included it; {} means the user has no station. Absent: could not be determined.
   */
  station?: { associated?: StationRef; effective?: StationRef; default?: StationRef; lastAssociated?: StationRef };
  expiry: {
    /** ms since epoch */
    expiresAt?: number;
    source: 'token-response' | 'jwt' | 'unknown';
    /** TokenInfo.dateTokenIdles */
    idlesAt?: string;
  };
  jwt?: JwtSummary;
  /** Things that could not be determined, and why. */
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
