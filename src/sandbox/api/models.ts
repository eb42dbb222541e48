// Builders for the response models the sandbox serves. Property names and
// types follow purecloud-platform-client-v2@262.0.0 index.d.ts (namespace Models).
import { grantsOfToken, rolePermissions, type Grant } from '../authz';
import type { FixtureDivision, FixtureQueue, FixtureSite, FixtureStation, FixtureUser, FixtureOutboundRoute, FixtureNumberPlan } from '../fixtureTypes';
import type { SandboxState, TokenRecord } from '../state';

export const uri = {
  user: (id: string) => `/api/v2/users/${id}`,
  division: (id: string) => `/api/v2/authorization/divisions/${id}`,
  role: (id: string) => `/api/v2/authorization/roles/${id}`,
  station: (id: string) => `/api/v2/stations/${id}`,
  edge: (id: string) => `/api/v2/telephony/providers/edges/${id}`,
  site: (id: string) => `/api/v2/telephony/providers/edges/sites/${id}`,
  queue: (id: string) => `/api/v2/routing/queues/${id}`,
};

/** Models.Division */
export function divisionRef(d: FixtureDivision) { return { id: d.id, name: d.name, selfUri: uri.division(d.id) }; }

/** Models.AuthzDivision */
export function authzDivision(d: FixtureDivision) {
  return { id: d.id, name: d.name, description: d.description ?? '', homeDivision: d.home === true, selfUri: uri.division(d.id) };
}

/** Models.User (without expansions). */
export function userModel(state: SandboxState, u: FixtureUser): Record<string, unknown> {
  const dids = state.fixture.dids.filter((d) => d.userId === u.id);
  return {
    id: u.id, name: u.name, division: divisionRef(state.division(u.divisionId)!),
    chat: { jabberId: `${u.id}@${state.fixture.org.domain ?? 'sandbox'}.orgspan.com` },
    department: u.department, email: u.email,
    primaryContactInfo: [{ address: u.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
    addresses: dids.map((d) => ({ address: d.number, display: d.number, mediaType: 'PHONE', type: 'WORK' })),
    state: 'active', title: u.title, username: u.email, version: 1, acdAutoAnswer: false,
    selfUri: uri.user(u.id),
  };
}

/** Models.UserAuthorization from grants (docs/facts.md#user-me). */
export function userAuthorization(grants: Grant[]) {
  const roles = [...new Map(grants.map((g) => [g.role.id, { id: g.role.id, name: g.role.name }])).values()];
  const permissions = [...new Set(grants.flatMap((g) => rolePermissions(g.role)))].sort();
  const policies = [...new Map(grants.flatMap((g) => g.role.policies.map((p, i) => [`${g.role.id}:${i}`, {
    id: `${g.role.id}-${i}`, domain: p.domain, entityName: p.entityName, policyName: `${p.domain}:${p.entityName}`,
    allowConditions: false, actionSet: [...p.actions],
  }] as const))).values()];
  return { roles, unusedRoles: [], permissions, permissionPolicies: policies };
}

/** Models.AuthzSubject for a user or (client-credentials) an OAuth client. */
export function authzSubject(state: SandboxState, id: string, name: string, grants: Grant[]) {
  return {
    id, name, version: 1, selfUri: `/api/v2/authorization/subjects/${id}`,
    grants: grants.map((g) => ({
      subjectId: id, division: authzDivision(g.division),
      role: {
        id: g.role.id, name: g.role.name, description: g.role.description ?? '', default: false, selfUri: uri.role(g.role.id),
        policies: g.role.policies.map((p) => ({ actions: [...p.actions], domain: p.domain, entityName: p.entityName })),
      },
    })),
  };
}

export function subjectOfToken(state: SandboxState, token: TokenRecord) {
  const grants = grantsOfToken(state, token);
  if (token.userId) return authzSubject(state, token.userId, state.user(token.userId)!.name, grants);
  return authzSubject(state, token.clientId, state.client(token.clientId)!.name, grants);
}

/** Models.TokenInfo — note the capitalised OAuthClient key (docs/facts.md#token-info). */
export function tokenInfo(state: SandboxState, token: TokenRecord) {
  const org = { id: state.fixture.org.id, name: state.fixture.org.name };
  const c = state.client(token.clientId)!;
  const client: Record<string, unknown> = { id: c.id, name: c.name, authorizedGrantType: c.authorizedGrantType, state: 'active', organization: org };
  if (c.scope) client.scope = [...c.scope];
  if (c.roleDivisions) client.roleDivisions = c.roleDivisions.map((rd) => ({ roleId: rd.roleId, divisionId: rd.divisionId }));
  return {
    organization: org, homeOrganization: org, authorizedScope: [...token.scopes],
    dateTokenIdles: new Date(token.expiresAt).toISOString(), OAuthClient: client,
  };
}

/** Models.UserStation */
function userStation(state: SandboxState, s: FixtureStation, user: FixtureUser) {
  const edge = state.edge(s.primaryEdgeId);
  return {
    id: s.id, name: s.name, type: s.type,
    associatedUser: { id: user.id, name: user.name, version: 1, selfUri: uri.user(user.id) },
    providerInfo: edge ? { edgeGroupId: edge.siteId } : {},
    webRtcCallAppearances: s.type === 'inin_webrtc_softphone' ? 1 : undefined,
  };
}

/** Models.UserStations: associatedStation = effectiveStation when the user has one. */
export function userStations(state: SandboxState, user: FixtureUser) {
  const s = state.station(user.stationId);
  if (!s) return {};
  const us = userStation(state, s, user);
  return { associatedStation: us, effectiveStation: us, lastAssociatedStation: us };
}

/** Models.Station */
export function stationModel(state: SandboxState, s: FixtureStation) {
  const user = state.stationUser(s.id);
  const ref = (id?: string) => { const e = state.edge(id); return e ? { id: e.id, name: e.name, selfUri: uri.edge(e.id) } : undefined; };
  return {
    id: s.id, name: s.name, status: user ? 'ASSOCIATED' : 'AVAILABLE', userId: user?.id,
    webRtcUserId: s.type === 'inin_webrtc_softphone' ? user?.id : undefined,
    primaryEdge: ref(s.primaryEdgeId), secondaryEdge: ref(s.secondaryEdgeId),
    type: s.type, lineAppearanceId: s.lineAppearanceId, selfUri: uri.station(s.id),
  };
}

/** Models.Site (name and location are required by the model). */
export function siteModel(state: SandboxState, s: FixtureSite) {
  return {
    id: s.id, name: s.name, version: 1, state: 'active', managed: false,
    location: { id: `${s.id}-location`, name: s.locationName ?? s.name },
    edges: state.fixture.edges.filter((e) => e.siteId === s.id).map((e) => ({ id: e.id, name: e.name, onlineStatus: e.online ? 'ONLINE' : 'OFFLINE', selfUri: uri.edge(e.id) })),
    selfUri: uri.site(s.id),
  };
}

/** Models.OutboundRouteBase */
export function routeBase(r: FixtureOutboundRoute) {
  return {
    id: r.id, name: r.name, version: 1, state: 'active', classificationTypes: [...r.classificationTypes], enabled: r.enabled,
    distribution: 'SEQUENTIAL', externalTrunkBases: (r.trunks ?? []).map((t) => ({ id: t, name: t })),
    selfUri: `${uri.site(r.siteId)}/outboundroutes/${r.id}`,
  };
}

/** Models.OutboundRoute (org-wide listing adds the site). */
export function routeModel(state: SandboxState, r: FixtureOutboundRoute) {
  return { ...routeBase(r), site: siteModel(state, state.site(r.siteId)!), managed: false, selfUri: `/api/v2/telephony/providers/edges/outboundroutes/${r.id}` };
}

/** Models.NumberPlan */
export function numberPlanModel(n: FixtureNumberPlan) {
  return {
    id: n.id, name: n.name, version: 1, state: 'active', match: n.match, normalizedFormat: n.normalizedFormat,
    priority: n.priority, classification: n.classification, matchType: n.matchType,
    selfUri: `${uri.site(n.siteId)}/numberplans/${n.id}`,
  };
}

/** Models.Queue */
export function queueModel(state: SandboxState, q: FixtureQueue) {
  return {
    id: q.id, name: q.name, division: divisionRef(state.division(q.divisionId)!), description: q.description,
    memberCount: q.members.length, userMemberCount: q.members.length, joinedMemberCount: q.members.filter((m) => m.joined).length,
    callingPartyNumber: state.fixture.dids.find((d) => d.queueId === q.id)?.number,
    selfUri: uri.queue(q.id),
  };
}

/** Models.QueueMember */
export function queueMemberModel(state: SandboxState, q: FixtureQueue, m: { userId: string; joined: boolean }) {
  const u = state.user(m.userId)!;
  return { id: u.id, name: u.name, user: { id: u.id, name: u.name, version: 1, selfUri: uri.user(u.id) }, ringNumber: 1, joined: m.joined, memberBy: 'user', selfUri: `${uri.queue(q.id)}/members/${u.id}` };
}
