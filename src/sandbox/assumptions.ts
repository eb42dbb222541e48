// Every sandbox behaviour that the facts reference (docs/facts.md) marks UNVERIFIED
// (or does not cover) lives here, with the entry it rests on, so it is easy to revise.
// docs/sandbox.md lists the same choices. Nothing here is a verified Genesys fact.

export interface ErrorChoice { status: number; code: string; message: string; facts: string }

export const GENERIC_BAD_REQUEST = 'The request could not be understood by the server due to malformed syntax.';
export const NOT_AUTHORIZED = 'You are not authorized to perform the requested action.';

/** docs/facts.md#missing-scope-error: the 403 for a missing OAuth scope has no known official code or text. */
export const MISSING_SCOPE: ErrorChoice = { status: 403, code: 'not.authorized', message: NOT_AUTHORIZED, facts: 'docs/facts.md#missing-scope-error' };

/**
 * docs/facts.md#division-not-authorized: a grant in the wrong division can give 403 not.authorized (UNVERIFIED).
 * The sandbox checks call permissions in the caller's home division (/calls) or the
 * target user's division (/calls/user/{userId}).
 */
export const WRONG_DIVISION: ErrorChoice = { status: 403, code: 'not.authorized', message: NOT_AUTHORIZED, facts: 'docs/facts.md#division-not-authorized' };

/** No documented error (docs/facts.md#route-evaluation): a phone number no number plan + outbound route of the station's site classifies. */
export const UNROUTABLE_NUMBER: ErrorChoice = { status: 400, code: 'bad.request', message: GENERIC_BAD_REQUEST, facts: 'docs/facts.md#route-evaluation (no documented error)' };

/** No documented error (docs/facts.md#queue-membership): callFromQueueId names a queue the caller is not a member of. */
export const NOT_QUEUE_MEMBER: ErrorChoice = { status: 403, code: 'not.authorized', message: NOT_AUTHORIZED, facts: 'docs/facts.md#queue-membership (no documented error)' };

/** No documented error (docs/facts.md#create-call-request): callFromQueueId / callQueueId / callUserId names nothing in the org. */
export const UNKNOWN_REFERENCE: ErrorChoice = { status: 400, code: 'bad.request', message: GENERIC_BAD_REQUEST, facts: 'docs/facts.md#create-call-request (no documented error)' };

/** docs/facts.md#create-call-request: every field is optional; a body with no destination at all is refused as malformed. */
export const NO_DESTINATION: ErrorChoice = { status: 400, code: 'bad.request', message: GENERIC_BAD_REQUEST, facts: 'docs/facts.md#create-call-request' };

/** docs/facts.md#user-me: users/me "is not valid" with client credentials; the code is taken from /calls' not.a.user. */
export const USERS_ME_WITH_CLIENT_CREDENTIALS = 'not.a.user';

/** docs/facts.md#on-behalf-client-credentials: whether /calls/user/{userId} accepts client credentials is UNVERIFIED — the sandbox accepts them. */
export const ON_BEHALF_ACCEPTS_CLIENT_CREDENTIALS = true;

/** docs/facts.md#cc-authorized-scope: a client-credentials token's authorizedScope is probably empty — the sandbox returns []. */
export const CLIENT_CREDENTIALS_AUTHORIZED_SCOPE: string[] = [];

/** RFC 6749 §4.1.3 wants form encoding; Genesys' answer to a JSON token request is undocumented. */
export const TOKEN_REQUEST_NOT_FORM = { error: 'invalid_request', description: 'The token request must be application/x-www-form-urlencoded.' };

/** docs/facts.md#pkce-refresh-token: whether PKCE returns a refresh token is UNVERIFIED — the sandbox returns none. */
export const PKCE_RETURNS_REFRESH_TOKEN = false;

/**
 * docs/facts.md#conference-enforcement: the sandbox enforces conversation:conference:add for every /calls request.
 * When false, only conference requests (conversationIds / participants) need it.
 */
export const ENFORCE_CONFERENCE_PERMISSION_FOR_SIMPLE_CALLS = true;

/** Unknown JSON fields in CreateCallRequest are ignored (like a lenient JSON binder); UNVERIFIED. */
export const IGNORE_UNKNOWN_BODY_FIELDS = true;

// Order of the /calls checks (UNVERIFIED beyond "401 before anything"), as router.ts and calls.ts
// apply them: authentication, rate limit, scope, declared permission, user context, division,
// body, destination count, queue, station, Edge, route.

/**
 * docs/facts.md#operation-scopes: the scope of each operation is UNVERIFIED (read-only operations by pattern
 * `<domain>:readonly`, the read-write `<domain>` scope also satisfies them). Keyed by SDK method name.
 * An empty list means any token may call it.
 */
export const OPERATION_SCOPES: Record<string, string[]> = {
  postConversationsCalls: ['conversations'],
  postConversationsCallsUserUserId: ['conversations'],
  getTokensMe: [], headTokensMe: [],
  getUsersMe: ['users', 'users:readonly'],
  getUser: ['users', 'users:readonly'],
  getUserRoles: ['authorization', 'authorization:readonly'],
  getAuthorizationSubjectsMe: ['authorization', 'authorization:readonly'],
  getAuthorizationSubject: ['authorization', 'authorization:readonly'],
  getAuthorizationDivisionspermittedPagedMe: ['authorization', 'authorization:readonly'],
  getAuthorizationPermissions: ['authorization', 'authorization:readonly'],
  getAuthorizationRole: ['authorization', 'authorization:readonly'],
  getUserStation: ['stations', 'stations:readonly'],
  getUsersStationsMe: ['stations', 'stations:readonly'],
  getStations: ['stations', 'stations:readonly'],
  getStation: ['stations', 'stations:readonly'],
  getTelephonyProvidersEdgesSites: ['telephony', 'telephony:readonly'],
  getTelephonyProvidersEdgesSite: ['telephony', 'telephony:readonly'],
  getTelephonyProvidersEdgesSiteOutboundroutes: ['telephony', 'telephony:readonly'],
  getTelephonyProvidersEdgesSiteOutboundroute: ['telephony', 'telephony:readonly'],
  getTelephonyProvidersEdgesSiteNumberplans: ['telephony', 'telephony:readonly'],
  getTelephonyProvidersEdgesSiteNumberplansClassifications: ['telephony', 'telephony:readonly'],
  getTelephonyProvidersEdgesOutboundroutes: ['telephony', 'telephony:readonly'],
  getRoutingQueues: ['routing', 'routing:readonly'],
  getRoutingQueue: ['routing', 'routing:readonly'],
  getRoutingQueueMembers: ['routing', 'routing:readonly'],
  getOauthScopes: ['oauth', 'oauth:readonly'],
  getOauthScope: ['oauth', 'oauth:readonly'],
  getOauthClient: ['oauth', 'oauth:readonly'],
  getOrganizationsMe: ['organization', 'organization:readonly'],
};

/** docs/facts.md#rate-limit-values: limit keys are UNVERIFIED community names; the namespace name is UNVERIFIED. */
export const RATE_LIMIT_KEYS = { clientCredentials: 'client.credentials.token.rate.per.minute', user: 'org.app.user.rate.per.minute' };
export const RATE_LIMIT_NAMESPACE = 'platform.api';

/** messageWithParams keeps the placeholder the message's %s stands for; UNVERIFIED format. */
export function withParamsTemplate(template: string, param: string): string { return template.replace('%s', `{${param}}`); }
