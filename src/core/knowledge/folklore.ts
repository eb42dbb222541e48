// Names that circulate in forum answers and AI-written pages but that no
// official Genesys artefact defines (docs/facts.md#folklore-sggu), or real names used in the
// wrong place. Each entry says what is true instead and where that truth
// comes from, so a finding can name the real alternative with its source.
import type { SourceRef } from '../types';

export type FolkloreKind = 'scope' | 'endpoint' | 'field' | 'sdk-method' | 'header' | 'grant' | 'error-body' | 'claim';

export interface FolkloreEntry {
  kind: FolkloreKind;
  /** As people write it: a scope, "GET /path/{param}", a body field path ("from.id"), a method name. */
  name: string;
  /** What is true instead, phrased so it can be shown as is. */
  truth: string;
  /** Why the name is wrong (where it comes from). */
  why: string;
  /** Source of the truth. */
  source: SourceRef;
  /** For fields: the body model the entry applies to. */
  model?: string;
}

const SGGU = 'forum.sggu.com (invented content: docs/facts.md#folklore-sggu)';
const TINOD = 'wiki.tinod.net (invented content: docs/facts.md#folklore-tinod)';
// The format rule is VERIFIED in part; the scope list and per-operation scopes are UNVERIFIED,
// so the alternatives named by scope entries carry verified: false.
const FORMAT: SourceRef = { ref: 'docs/facts.md#operation-scopes', verified: false };
const CALLS_DOC: SourceRef = { ref: 'docs/facts.md#create-call-request', verified: true };
const ON_BEHALF: SourceRef = { ref: 'docs/facts.md#on-behalf-call', verified: true };
const NOT_ARTEFACT = 'appears in no official Genesys artefact checked (docs/facts.md#folklore-other-names)';

function scope(name: string, truth: string, why: string, source: SourceRef = FORMAT): FolkloreEntry {
  return { kind: 'scope', name, truth, why, source };
}

const SCOPES: FolkloreEntry[] = [
  scope('outbound:campaign:execute', 'Outbound API calls probably use the `outbound` scope (or `outbound:readonly`); campaign rights come from the permissions outbound:campaign:view/add/edit/delete on the user\'s roles.', NOT_ARTEFACT),
  scope('outbound:campaign:write', 'Outbound API calls probably use the `outbound` scope (or `outbound:readonly`); the real campaign permissions are outbound:campaign:view/add/edit/delete.', 'neither a scope nor a permission in the artefacts checked (real campaign permissions: docs/facts.md#outbound-campaigns)'),
  scope('outbound:contactlist:read', 'Probably the `outbound` scope (or `outbound:readonly`); the permission to read a contact list is outbound:contactList:view.', 'neither a scope nor a permission (docs/facts.md#outbound-campaigns)'),
  scope('outbound:contact:write', 'Probably the `outbound` scope; contact-list rights are permissions such as outbound:contactList:view on the user\'s roles.', 'neither a scope nor a permission (docs/facts.md#outbound-campaigns)'),
  scope('conversations:read', 'The read-only scope is probably `conversations:readonly`; `conversations` is read-write.', 'scopes end in `:readonly`, never `:read` (docs/facts.md#scope-format)'),
  scope('conversations:write', 'The read-write scope is probably plain `conversations` (no `:write` suffix).', 'scopes have no `:write` suffix (docs/facts.md#scope-format)'),
  scope('calls:view', 'Calls are part of the Conversations API: reading them probably needs `conversations:readonly`.', 'no `calls` domain in the scope list (docs/facts.md#scope-names; the list is UNVERIFIED)'),
  scope('calls:modify', 'The Conversations API scope is probably `conversations`; the only permission POST /api/v2/conversations/calls declares is conversation:conference:add.', NOT_ARTEFACT),
  scope('callcenter:outboundcalls:modify', 'POST /api/v2/conversations/calls almost certainly needs the `conversations` scope (campaigns: probably `outbound`; UNVERIFIED until read from the live spec).', NOT_ARTEFACT),
  scope('calls:outbound', 'POST /api/v2/conversations/calls almost certainly needs the `conversations` scope (UNVERIFIED until read from the live spec).', `invented on ${SGGU}`),
  scope('calls:manage', 'The Conversations API scope is probably `conversations` (read-write) or `conversations:readonly`.', `invented on ${SGGU}`),
  scope('conversation:write', 'The scope is probably `conversations` (plural, no `:write`).', `invented on ${SGGU}`),
  scope('user:read', 'The scope for the Users API is probably `users` or `users:readonly`.', `invented on ${SGGU}`),
  scope('call:outbound:initiate', 'The Conversations API scope is probably `conversations`; the declared permission of POST /api/v2/conversations/calls is conversation:conference:add.', `invented on ${SGGU}`),
  scope('conversations:call:create', 'The Conversations API scope is probably `conversations` (read-write) or `conversations:readonly`.', `invented on ${SGGU}`),
  scope('conversation:call:write', 'The Conversations API scope is probably `conversations` (read-write) or `conversations:readonly`.', `invented on ${SGGU}`),
  scope('view:myprofile', 'The Users API scopes are probably `users` and `users:readonly` (the scope list also names `user-basic-info`).', `invented on ${SGGU}`),
  scope('agent:login', 'No such scope: signing in is the OAuth grant itself; presence probably uses `presence`.', `invented on ${SGGU}`),
  scope('analytics:view', 'Probably `analytics` or `analytics:readonly`.', `invented on ${SGGU}`),
  scope('report:execute', 'Analytics queries probably use `analytics` or `analytics:readonly`.', `invented on ${SGGU}`),
  scope('conversations:call:add', 'The Conversations API scope is probably `conversations`. The permission (not scope) conversation:call:add belongs to POST /api/v2/conversations/calls/user/{userId}.', `invented on ${TINOD}`),
  scope('conversations:call:control', 'The Conversations API scope is probably `conversations` (read-write) or `conversations:readonly`.', `invented on ${TINOD}`),
  scope('users:manage', 'Probably `users` (read-write) or `users:readonly`.', `invented on ${TINOD}`),
  scope('routing:queue:view', 'routing:queue:view is a permission, not a scope; the Routing API scope is probably `routing` or `routing:readonly`.', `used as a scope on ${TINOD}`),
  scope('scheduling:manage', 'Workforce management probably uses `workforce-management` or `workforce-management:readonly`.', `invented on ${TINOD}`),
];

const ENDPOINTS: FolkloreEntry[] = [
  { kind: 'endpoint', name: 'GET /api/v2/users/{userId}/permissions', truth: 'Read a user\'s grants with GET /api/v2/authorization/subjects/{subjectId} or GET /api/v2/users/{subjectId}/roles (both ANY authorization:grant:view); for yourself GET /api/v2/users/me?expand=authorization.', why: 'absent from SDK v262 UsersApi.js and the v259 docs', source: { ref: 'docs/facts.md#no-users-permissions-endpoint', verified: true } },
  { kind: 'endpoint', name: 'GET /api/v2/outbound/routes', truth: 'Outbound routes are telephony objects: GET /api/v2/telephony/providers/edges/outboundroutes or GET /api/v2/telephony/providers/edges/sites/{siteId}/outboundroutes (ANY telephony:plugin:all).', why: 'no such path in the SDK; outbound routes live under telephony/providers/edges', source: { ref: 'docs/facts.md#outbound-routes', verified: true } },
  { kind: 'endpoint', name: 'POST /api/v2/oauth/token', truth: 'The token endpoint is POST https://login.<env>/oauth/token (form-urlencoded), on the login host, without /api/v2.', why: 'the SDK requests tokens from login.<env> (authUrl), not from the API host', source: { ref: 'docs/facts.md#hosts', verified: true } },
];

function field(name: string, truth: string, why: string, source: SourceRef = CALLS_DOC): FolkloreEntry {
  return { kind: 'field', name, truth, why, source, model: 'CreateCallRequest' };
}

const CAMPAIGNS: SourceRef = { ref: 'docs/facts.md#outbound-campaigns', verified: true };
const FIELDS: FolkloreEntry[] = [
  field('to', 'put the number to dial in `phoneNumber` (a string; one destination per request)', `\`to\` is not a CreateCallRequest field (invented on ${SGGU})`),
  field('to[].phoneNumber', 'use `phoneNumber` (a single string): the request takes one destination only', 'CreateCallRequest has no `to` array; exactly one destination per request (docs/facts.md#single-destination)'),
  field('to[].name', 'a single-number call has no field for the callee\'s name (Destination.name exists only in `participants`, for ad-hoc conferences)', 'CreateCallRequest has no `to` array'),
  field('from', 'the caller is the token\'s user; to call as another user use POST /api/v2/conversations/calls/user/{userId}; set the caller id with `callerId` and `callerIdName`', `\`from\` is not a CreateCallRequest field (invented on ${SGGU})`),
  field('from.id', 'to place the call for that user use POST /api/v2/conversations/calls/user/{userId} (ANY conversation:call:add or conversation:agentlessCall:add)', 'the caller is never a body field', ON_BEHALF),
  field('from.userId', 'to place the call for that user use POST /api/v2/conversations/calls/user/{userId} (ANY conversation:call:add or conversation:agentlessCall:add)', 'the caller is never a body field', ON_BEHALF),
  field('from.phoneNumber', 'use `callerId` (the caller id phone number)', 'CreateCallRequest.callerId is "The caller id phone number for this outbound call"'),
  field('from.name', 'use `callerIdName` (the caller id name)', 'CreateCallRequest.callerIdName is "The caller id name for this outbound call"'),
  field('routing', 'to call for a user use POST /api/v2/conversations/calls/user/{userId}; to call a queue use `callQueueId` (with `routingSkillsIds`, `routingSkillExpression`, `languageId`, `priority`); to call on behalf of a queue use `callFromQueueId`', '`routing` is not a CreateCallRequest field'),
  field('routing.userId', 'use POST /api/v2/conversations/calls/user/{userId} (ANY conversation:call:add or conversation:agentlessCall:add)', 'the caller is never a body field', ON_BEHALF),
  field('routing.type', 'the endpoint only places calls, so there is no type to choose', '`routing` is not a CreateCallRequest field'),
  field('agentId', 'use POST /api/v2/conversations/calls/user/{userId} to place the call for that agent (ANY conversation:call:add or conversation:agentlessCall:add)', `\`agentId\` is not a CreateCallRequest field (invented on ${SGGU})`, ON_BEHALF),
  field('type', 'this endpoint only places calls, so there is no type to choose', '`type` is not a CreateCallRequest field'),
  field('callType', 'this endpoint only places calls, so there is no call type to choose', `\`callType\` is not a CreateCallRequest field (invented on ${SGGU})`),
  field('metadata', 'campaigns are the Outbound API (/api/v2/outbound/campaigns), unrelated to this endpoint; for custom data use `attributes` (a map of strings)', '`metadata` is not a CreateCallRequest field', CAMPAIGNS),
  field('metadata.outbound.campaignId', 'campaigns are run by the Outbound API (/api/v2/outbound/campaigns), not by placing a call; POST /api/v2/conversations/calls has no campaign field', 'unrelated to this endpoint (docs/facts.md#outbound-campaigns)', CAMPAIGNS),
];

const OTHERS: FolkloreEntry[] = [
  { kind: 'sdk-method', name: 'setScopes', truth: 'the SDK has no setScopes: scopes are configured on the OAuth client in Genesys Cloud admin (Admin > Integrations > OAuth), not requested by the SDK; client-credentials clients get roles instead of scopes', why: 'no such method in purecloud-platform-client-v2@262.0.0 ApiClient.js', source: { ref: 'docs/facts.md#sdk-login-methods', verified: true } },
  { kind: 'header', name: 'x-genesys-user-id', truth: 'no such header appears in any official artefact checked: POST /api/v2/conversations/calls places the call as the token\'s user; to call for another user use POST /api/v2/conversations/calls/user/{userId}', why: `invented on ${SGGU}`, source: ON_BEHALF },
  { kind: 'grant', name: 'impersonation', truth: 'the grant types are CODE, TOKEN, SAML2BEARER, PASSWORD and CLIENT-CREDENTIALS (plus PKCE on a Code Authorization client); there is no impersonation grant', why: `invented on ${SGGU}`, source: { ref: 'docs/facts.md#grant-types', verified: true } },
  { kind: 'error-body', name: 'insufficient_scope', truth: 'Genesys 403 bodies are ErrorBody {message, code, status, contextId, ...} with codes such as missing.permissions, missing.any.permissions, not.authorized', why: `invented on ${SGGU}`, source: { ref: 'docs/facts.md#permission-error-codes', verified: true } },
  { kind: 'error-body', name: 'errors[].code=forbidden', truth: 'ErrorBody has no top-level errors[].code="forbidden"; read `code` (e.g. missing.any.permissions) and `message`', why: `invented on ${SGGU}`, source: { ref: 'docs/facts.md#error-body', verified: true } },
  { kind: 'error-body', name: 'error.code=RATE_LIMIT', truth: 'a 429 has code too.many.requests (the official gc CLI waits for its Retry-After header); ErrorBody has no `error` wrapper', why: `invented on ${TINOD}`, source: { ref: 'docs/facts.md#rate-limit-error', verified: true } },
  { kind: 'claim', name: 'JWT claims', truth: 'tokens are treated as opaque: check them with GET /api/v2/tokens/me instead of decoding', why: `invented on ${SGGU}`, source: { ref: 'docs/facts.md#opaque-tokens', verified: false } },
  { kind: 'claim', name: '60 requests/minute', truth: 'limits are reportedly per token/user (e.g. 300 per client-credentials token per minute, per community posts: UNVERIFIED); read GET /api/v2/organizations/limits/namespaces', why: `invented on ${TINOD}`, source: { ref: 'docs/facts.md#rate-limit-values', verified: false } },
];

export const FOLKLORE: readonly FolkloreEntry[] = [...SCOPES, ...ENDPOINTS, ...FIELDS, ...OTHERS];

const byKey = new Map<string, FolkloreEntry>(FOLKLORE.map((e) => [`${e.kind} ${e.name.toLowerCase()}`, e]));

export function folkloreScope(name: string): FolkloreEntry | undefined { return byKey.get(`scope ${name.toLowerCase()}`); }
export function folkloreSdkMethod(name: string): FolkloreEntry | undefined { return byKey.get(`sdk-method ${name.toLowerCase()}`); }

/** A body field path like "from.id" or "to[].phoneNumber" (array items as []), for a model. */
export function folkloreField(model: string, fieldPath: string): FolkloreEntry | undefined {
  const e = byKey.get(`field ${fieldPath.toLowerCase()}`);
  return e && e.model === model ? e : undefined;
}

/** An invented endpoint, matched on method and path (path parameters match any segment). */
export function folkloreEndpoint(method: string, path: string): FolkloreEntry | undefined {
  const segs = path.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/');
  return ENDPOINTS.find((e) => {
    const [m, p] = e.name.split(' ');
    if (m !== method.toUpperCase()) return false;
    const tpl = p.split('/');
    return tpl.length === segs.length && tpl.every((t, i) => t.startsWith('{') || t.toLowerCase() === segs[i].toLowerCase());
  });
}
