// The Platform API operations the sandbox serves, with the permissions each
// declares (docs/facts.md#calls-permissions, #on-behalf-call, #sdk-permission-docs; SDK v259 docs via ops-extract.json) and the
// SDK method name, which is also the Swagger operationId.
import type { ParamInfo } from '../core/catalog';

export interface SandboxOperation {
  id: string;
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  group: string;
  summary: string;
  permType: 'ANY' | 'ALL' | 'NO';
  permissions: string[];
  returnModel?: string;
  bodyModel?: string;
  params: ParamInfo[];
  /** Listing endpoints answer with classic paging. */
  paged?: boolean;
}

const q = (name: string, type = 'string', extra: Partial<ParamInfo> = {}): ParamInfo => ({ name, in: 'query', type, ...extra });
const p = (name: string): ParamInfo => ({ name, in: 'path', type: 'string', required: true });
const paging = [q('pageSize', 'number'), q('pageNumber', 'number')];
const TEL = ['telephony:plugin:all'];

function op(id: string, method: SandboxOperation['method'], path: string, group: string, summary: string,
  perm: string, permissions: string[], returnModel: string | undefined, params: ParamInfo[] = [], more: Partial<SandboxOperation> = {}): SandboxOperation {
  return { id, method, path, group, summary, permType: perm as SandboxOperation['permType'], permissions, returnModel, params, ...more };
}

export const OPERATIONS: SandboxOperation[] = [
  op('postConversationsCalls', 'POST', '/api/v2/conversations/calls', 'Conversations', 'Create a call conversation',
    'ANY', ['conversation:conference:add'], 'CreateCallResponse', [], { bodyModel: 'CreateCallRequest' }),
  op('postConversationsCallsUserUserId', 'POST', '/api/v2/conversations/calls/user/{userId}', 'Conversations', 'Create a call conversation on behalf of a user',
    'ANY', ['conversation:agentlessCall:add', 'conversation:call:add'], 'CreateCallResponse', [p('userId')], { bodyModel: 'CreateCallRequest' }),
  op('getTokensMe', 'GET', '/api/v2/tokens/me', 'Tokens', 'Fetch information about the current token', 'NO', [], 'TokenInfo', [q('preserveIdleTTL', 'boolean')]),
  op('headTokensMe', 'HEAD', '/api/v2/tokens/me', 'Tokens', 'Verify user token', 'NO', [], undefined),
  op('getUsersMe', 'GET', '/api/v2/users/me', 'Users', 'Get current user details.', 'NO', [], 'UserMe', [q('expand', 'Array<string>')]),
  op('getUser', 'GET', '/api/v2/users/{userId}', 'Users', 'Get user.', 'NO', [], 'User', [p('userId'), q('expand', 'Array<string>')]),
  op('getUserRoles', 'GET', '/api/v2/users/{subjectId}/roles', 'Users', 'Returns a listing of roles and permissions for a user.', 'ANY', ['authorization:grant:view'], 'UserAuthorization', [p('subjectId')]),
  op('getAuthorizationSubjectsMe', 'GET', '/api/v2/authorization/subjects/me', 'Authorization', 'Returns a listing of roles and permissions for the currently authenticated user.', 'NO', [], 'AuthzSubject', [q('includeDuplicates', 'boolean')]),
  op('getAuthorizationSubject', 'GET', '/api/v2/authorization/subjects/{subjectId}', 'Authorization', 'Returns a listing of roles and permissions for a user.', 'ANY', ['authorization:grant:view'], 'AuthzSubject', [p('subjectId'), q('includeDuplicates', 'boolean')]),
  op('getAuthorizationDivisionspermittedPagedMe', 'GET', '/api/v2/authorization/divisionspermitted/paged/me', 'Authorization', 'Returns which divisions the current user has the given permission in.', 'NO', [], 'DivsPermittedEntityListing', [q('permission', 'string', { required: true }), ...paging], { paged: true }),
  op('getAuthorizationPermissions', 'GET', '/api/v2/authorization/permissions', 'Authorization', 'Get all permissions.', 'NO', [], 'PermissionCollectionEntityListing', [...paging, q('queryType'), q('query')], { paged: true }),
  op('getAuthorizationRole', 'GET', '/api/v2/authorization/roles/{roleId}', 'Authorization', 'Get a single organization role.', 'ANY', ['authorization:role:view'], 'DomainOrganizationRole', [p('roleId')]),
  op('getUserStation', 'GET', '/api/v2/users/{userId}/station', 'Users', "Get station information for user", 'ANY', ['telephony:otherStationAssociation:view'], 'UserStations', [p('userId')]),
  op('getUsersStationsMe', 'GET', '/api/v2/users/stations/me', 'Users', "Get the current user's station information", 'ANY', ['telephony:selfStationAssociation:view'], 'UserStations'),
  op('getStations', 'GET', '/api/v2/stations', 'Stations', 'Get the list of available stations.', 'NO', [], 'StationEntityListing', [...paging, q('name'), q('id')], { paged: true }),
  op('getStation', 'GET', '/api/v2/stations/{stationId}', 'Stations', 'Get station.', 'NO', [], 'Station', [p('stationId')]),
  op('getTelephonyProvidersEdgesSites', 'GET', '/api/v2/telephony/providers/edges/sites', 'TelephonyProvidersEdge', 'Get the list of Sites.', 'NO', [], 'SiteEntityListing', [...paging, q('name')], { paged: true }),
  op('getTelephonyProvidersEdgesSite', 'GET', '/api/v2/telephony/providers/edges/sites/{siteId}', 'TelephonyProvidersEdge', 'Get a Site by ID.', 'ANY', ['telephony:plugin:all', 'telephony:sites:view'], 'Site', [p('siteId')]),
  op('getTelephonyProvidersEdgesSiteOutboundroutes', 'GET', '/api/v2/telephony/providers/edges/sites/{siteId}/outboundroutes', 'TelephonyProvidersEdge', 'Get outbound routes', 'ANY', TEL, 'OutboundRouteBaseEntityListing', [p('siteId'), ...paging, q('name')], { paged: true }),
  op('getTelephonyProvidersEdgesSiteOutboundroute', 'GET', '/api/v2/telephony/providers/edges/sites/{siteId}/outboundroutes/{outboundRouteId}', 'TelephonyProvidersEdge', 'Get an outbound route', 'ANY', TEL, 'OutboundRouteBase', [p('siteId'), p('outboundRouteId')]),
  op('getTelephonyProvidersEdgesSiteNumberplans', 'GET', '/api/v2/telephony/providers/edges/sites/{siteId}/numberplans', 'TelephonyProvidersEdge', 'Get the list of Number Plans for this Site. Only fetches the first 200 records.', 'ANY', TEL, 'Array<NumberPlan>', [p('siteId')]),
  op('getTelephonyProvidersEdgesSiteNumberplansClassifications', 'GET', '/api/v2/telephony/providers/edges/sites/{siteId}/numberplans/classifications', 'TelephonyProvidersEdge', 'Get a list of Classifications for this Site', 'ANY', TEL, 'Array<string>', [p('siteId'), q('classification')]),
  op('getTelephonyProvidersEdgesOutboundroutes', 'GET', '/api/v2/telephony/providers/edges/outboundroutes', 'TelephonyProvidersEdge', 'Get outbound routes', 'ANY', TEL, 'OutboundRouteEntityListing', [...paging, q('name'), q('siteId')], { paged: true }),
  op('getRoutingQueues', 'GET', '/api/v2/routing/queues', 'Routing', 'Get list of queues.', 'ANY', ['routing:queue:view'], 'QueueEntityListing', [...paging, q('name'), q('id', 'Array<string>'), q('divisionId', 'Array<string>')], { paged: true }),
  op('getRoutingQueue', 'GET', '/api/v2/routing/queues/{queueId}', 'Routing', 'Get details about this queue.', 'ALL', ['routing:queue:view'], 'Queue', [p('queueId')]),
  op('getRoutingQueueMembers', 'GET', '/api/v2/routing/queues/{queueId}/members', 'Routing', 'Get the members of this queue.', 'ANY', ['routing:queue:view', 'routing:queue:edit', 'routing:queue:readonly', 'routing:queueMember:manage'], 'QueueMemberEntityListing', [p('queueId'), ...paging, q('joined', 'boolean')], { paged: true }),
  op('getOauthScopes', 'GET', '/api/v2/oauth/scopes', 'OAuth', 'The list of OAuth scopes', 'NO', [], 'OAuthScopeListing', [q('acceptLanguage')]),
  op('getOauthScope', 'GET', '/api/v2/oauth/scopes/{scopeId}', 'OAuth', 'An OAuth scope', 'NO', [], 'OAuthScope', [p('scopeId'), q('acceptLanguage')]),
  op('getOauthClient', 'GET', '/api/v2/oauth/clients/{clientId}', 'OAuth', 'Get OAuth Client', 'ANY', ['oauth:client:view'], 'OAuthClient', [p('clientId')]),
  op('getOrganizationsMe', 'GET', '/api/v2/organizations/me', 'Organization', 'Get organization.', 'NO', [], 'Organization'),
];
