// What we can tell about a signed-in token: its Grants (who it is and what it
// may do, the one model shared with the Call Doctor) plus what only the token
// report shows (format, JWT, expiry). Built by inspectToken for the CLI `token`
// command and the VS Code token tree; JSON-serialisable, never holds the token.
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

/** One role's permissions in one division ("domain:entity:action", possibly with "*"). */
export interface GrantLine {
  role: string;
  division?: string;
  divisionId?: string;
  permissions: string[];
}

/** One GET answer; `json` is the parsed body when it was JSON. */
export interface GrantAnswer { path: string; status?: number; json?: unknown; error?: string }
export type GrantFetch = (path: string) => Promise<GrantAnswer>;

export interface Grants {
  environment: string;
  fetchedAt: number;
  /** GET tokens/me answered 200 (true) or 401 (false); undefined when it could not be determined. */
  active?: boolean;
  account: {
    /** user: a user token; client: client credentials (no user context); unknown: could not tell. */
    kind: 'user' | 'client' | 'unknown';
    /** How the kind is known, e.g. "GET /api/v2/tokens/me OAuthClient.authorizedGrantType". */
    how: string;
    id?: string;
    name?: string;
    email?: string;
    /** The user's own division (UserMe.division). */
    division?: NamedRef;
    sessionGrant: GrantKind;
    /** The paths the kind rests on (evidence). */
    paths: string[];
  };
  org?: NamedRef;
  homeOrg?: NamedRef;
  client?: NamedRef & { authorizedGrantType?: string; scope?: string[] };
  idlesAt?: string;
  /** TokenInfo.authorizedScope; `list` undefined: not known (`why`). */
  scopes: { list?: string[]; from: string; why?: string; paths: string[] };
  roles?: NamedRef[];
  /** Role permissions per division; `lines` undefined: not known (`why`, `failedPath`). */
  permissions: {
    lines?: GrantLine[];
    from: 'subjects/me' | 'client roles' | 'users/me' | 'none';
    /** Whether the lines carry divisions (users/me does not). */
    divisions: boolean;
    why?: string;
    paths: string[];
    failedPath?: string;
  };
  /** UserMe.station; {} means no station; undefined: could not be determined. The Edge state is the Call Doctor's. */
  station?: { associated?: StationRef; effective?: StationRef; default?: StationRef; lastAssociated?: StationRef };
  /** Things that could not be determined, and why. */
  notes: string[];
}
