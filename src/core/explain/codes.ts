// What each known Genesys error code means and how to fix it. Codes and
// messages come from the 2018 Swagger's x-inin-error-codes (docs/facts.md
// #calls-error-codes, #permission-error-codes, #rate-limit-error); the 404 codes are generic.
import type { SourceRef } from '../types';

export interface CodeInfo {
  code: string;
  status: number;
  cause: string;
  fix: string;
  /** The Call Doctor rule that checks this cause live, when there is one. */
  rule?: string;
  source: SourceRef;
}

const OLD_SPEC: SourceRef = { ref: 'docs/facts.md#calls-error-codes', verified: true };
const PERMISSION_CODES: SourceRef = { ref: 'docs/facts.md#permission-error-codes', verified: true };

export const KNOWN_CODES: readonly CodeInfo[] = [
  {
    code: 'missing.permissions', status: 403, rule: 'permission.missing', source: PERMISSION_CODES,
    cause: 'The user (or the client\'s roles) lacks the permission(s) listed in the message. That this code means the operation requires ALL of its declared permissions is inferred from the texts (UNVERIFIED, docs/facts.md#any-all-mapping).',
    fix: 'Add a role that grants the listed permission(s) to the user (or to the OAuth client\'s roles for client credentials), in the division that owns the object, then sign in again.',
  },
  {
    code: 'missing.any.permissions', status: 403, rule: 'permission.missing', source: PERMISSION_CODES,
    cause: 'The user (or the client\'s roles) holds none of the listed permissions; any one of them would do.',
    fix: 'Grant at least one of the listed permissions through a role, in the division that owns the object, then sign in again.',
  },
  {
    code: 'not.authorized', status: 403, rule: 'permission.missing', source: { ref: 'docs/facts.md#division-not-authorized', verified: false },
    cause: 'Not authorized for this action. Possible reasons (UNVERIFIED): the permission is granted only in another division than the object\'s, or the OAuth client lacks the scope (the exact 403 for a missing scope is UNVERIFIED).',
    fix: 'Run `call-doctor check` on the request: it compares the token\'s scopes with the operation\'s and shows in which divisions your roles grant the permission.',
  },
  {
    code: 'not.a.user', status: 400, rule: 'grant.no-user-context', source: OLD_SPEC,
    cause: 'The token has no user context: it was issued to a client-credentials OAuth client, and this resource needs a user.',
    fix: 'Sign in as a user (Code Authorization with PKCE), or use POST /api/v2/conversations/calls/user/{userId} to place the call on behalf of a user (whether that endpoint accepts client credentials is UNVERIFIED).',
  },
  {
    code: 'conversation.error.no.user.station', status: 400, rule: 'station.none', source: OLD_SPEC,
    cause: 'The user has no station associated, and a station is required to place a call.',
    fix: 'Associate a station with the user: PUT /api/v2/users/stations/me/associatedstation/{stationId} for yourself, or PUT /api/v2/users/{userId}/station/associatedstation/{stationId} (docs/facts.md#stations).',
  },
  {
    code: 'too.many.create.conversation.parameters', status: 400, source: OLD_SPEC,
    cause: 'More than one destination was given: exactly one of phoneNumber, callQueueId, callUserId, conversationIds or participants is allowed.',
    fix: 'Keep a single destination field in the body.',
  },
  {
    code: 'too.many.requests', status: 429, source: { ref: 'docs/facts.md#rate-limit-error', verified: true },
    cause: 'Rate limit exceeded: the message names the maximum number of requests and the window. Which counter it was (per token, user or OAuth client) is UNVERIFIED.',
    fix: 'Wait for the Retry-After seconds before retrying, and spread requests out (the limit values are UNVERIFIED; read GET /api/v2/organizations/limits/namespaces).',
  },
  {
    code: 'bad.credentials', status: 401, source: OLD_SPEC,
    cause: 'Genesys did not accept the token ("Invalid login credentials."). Likely causes (inferred): the token is invalid or expired, or it was issued in another region than the API host.',
    fix: 'Sign in again (`call-doctor login`) against the same region as the API host you call.',
  },
  {
    code: 'authentication.required', status: 401, source: OLD_SPEC,
    cause: 'No bearer token was sent in the Authorization header.',
    fix: 'Send `Authorization: Bearer <access token>` (the .http file can use a variable for it).',
  },
  {
    code: 'providerapi.error.station.no.active.edge', status: 500, rule: 'station.no-edge', source: OLD_SPEC,
    cause: 'No Edge could be found for the user\'s station ("Could not find an Edge for this station."): probably the Edge that serves the station is offline or not assigned (inferred from the code and message).',
    fix: 'Ask the telephony admin to check the station\'s Edge (online, assigned to the site), or associate another station.',
  },
  {
    code: 'providerapi.error.no.station.for.edge', status: 500, rule: 'station.no-edge', source: OLD_SPEC,
    cause: 'A station is associated, but no primary or secondary Edge is assigned to it.',
    fix: 'Ask the telephony admin to assign an Edge (site) to the station\'s phone, or associate another station.',
  },
  {
    code: 'not.found', status: 404, source: OLD_SPEC,
    cause: 'The path or an id in it does not exist (in this org and region).',
    fix: 'Check the ids in the URL and body, and that you call the region your org lives in.',
  },
  {
    code: 'resource.not.found', status: 404, source: OLD_SPEC,
    cause: 'An id in the request does not exist (in this org and region).',
    fix: 'Check the ids in the URL and body, and that you call the region your org lives in.',
  },
];

export function codeInfo(code: string | undefined): CodeInfo | undefined {
  return code ? KNOWN_CODES.find((c) => c.code === code) : undefined;
}

export interface FolkloreShape { name: string; why: string }

/** Error shapes from invented content (docs/facts.md#folklore-sggu, #error-body). */
export const FOLKLORE_SHAPES = {
  errorsForbidden: { name: '{"errors":[{"code":"forbidden"}]}', why: 'invented on forum.sggu.com; a Genesys ErrorBody has a top-level code such as missing.permissions (docs/facts.md#error-body)' },
  errorWrapper: { name: '{"error":{"code":"RATE_LIMIT"}}', why: 'invented on wiki.tinod.net; Genesys answers 429 with code too.many.requests and no "error" wrapper (docs/facts.md#rate-limit-error)' },
  insufficientScope: { name: 'insufficient_scope', why: 'invented on forum.sggu.com; no official text for a missing-scope 403 is known (docs/facts.md#missing-scope-error)' },
} satisfies Record<string, FolkloreShape>;
