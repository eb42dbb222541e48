// Identity and permission lookups (docs/facts.md#token-info, #user-me, #user-me).
import { USERS_ME_WITH_CLIENT_CREDENTIALS } from '../assumptions';
import { grantsOfToken, grantsOfUser, holds, rolePermissions } from '../authz';
import { errorBody } from '../errors';
import { paged, sendError, sendJson, type Ctx } from '../http';
import { OPERATIONS } from '../operations';
import { authzDivision, authzSubject, subjectOfToken, tokenInfo, userAuthorization, userModel, userStations } from './models';

export function expansions(ctx: Ctx): Set<string> {
  return new Set(ctx.query.getAll('expand').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean));
}

/** users/me and friends need a user context (docs/facts.md#user-me: not valid with client credentials). */
export function requireUser(ctx: Ctx) {
  const user = ctx.token?.userId ? ctx.state.user(ctx.token.userId) : undefined;
  if (!user) sendError(ctx, errorBody(USERS_ME_WITH_CLIENT_CREDENTIALS));
  return user;
}

export function notFound(ctx: Ctx): void { sendError(ctx, errorBody('not.found')); }

export function getTokensMe(ctx: Ctx): void { sendJson(ctx, 200, tokenInfo(ctx.state, ctx.token!)); }

function userWithExpands(ctx: Ctx, userId: string, me: boolean): Record<string, unknown> {
  const { state } = ctx;
  const user = state.user(userId)!;
  const out = userModel(state, user);
  const ex = expansions(ctx);
  if (ex.has('authorization') || ex.has('authorization.unusedRoles')) out.authorization = userAuthorization(grantsOfUser(state, userId));
  if (ex.has('station')) out.station = userStations(state, user);
  if (me && ex.has('token')) out.token = tokenInfo(state, ctx.token!);
  if (me && ex.has('organization')) out.organization = organization(ctx);
  return out;
}

export function getUsersMe(ctx: Ctx): void {
  const user = requireUser(ctx);
  if (user) sendJson(ctx, 200, userWithExpands(ctx, user.id, true));
}

export function getUser(ctx: Ctx): void {
  if (!ctx.state.user(ctx.params.userId)) return notFound(ctx);
  sendJson(ctx, 200, userWithExpands(ctx, ctx.params.userId, false));
}

export function getUserRoles(ctx: Ctx): void {
  if (!ctx.state.user(ctx.params.subjectId)) return notFound(ctx);
  sendJson(ctx, 200, userAuthorization(grantsOfUser(ctx.state, ctx.params.subjectId)));
}

export function getAuthorizationSubjectsMe(ctx: Ctx): void { sendJson(ctx, 200, subjectOfToken(ctx.state, ctx.token!)); }

export function getAuthorizationSubject(ctx: Ctx): void {
  const { state } = ctx;
  const id = ctx.params.subjectId;
  const user = state.user(id);
  if (user) return sendJson(ctx, 200, authzSubject(state, id, user.name, grantsOfUser(state, id)));
  const client = state.client(id);
  if (client?.roleDivisions) return sendJson(ctx, 200, subjectOfToken(state, { kind: 'client', clientId: id, scopes: [], grant: '', issuedAt: 0, expiresAt: 0 }));
  notFound(ctx);
}

export function getAuthorizationDivisionspermittedPagedMe(ctx: Ctx): void {
  const permission = ctx.query.get('permission');
  if (!permission) return sendError(ctx, errorBody('bad.request', { message: 'The permission query parameter is required.' }));
  const grants = grantsOfToken(ctx.state, ctx.token!);
  const divisions = ctx.state.fixture.divisions.filter((d) => holds(grants, permission, d.id));
  sendJson(ctx, 200, { ...paged(ctx, divisions.map(authzDivision)), allDivsPermitted: divisions.length === ctx.state.fixture.divisions.length });
}

/** The org's permission catalogue: every permission a role grants or an operation declares. */
export function getAuthorizationPermissions(ctx: Ctx): void {
  const all = new Set<string>([...ctx.state.fixture.roles.flatMap(rolePermissions), ...OPERATIONS.flatMap((o) => o.permissions)]);
  const byDomain = new Map<string, Map<string, string[]>>();
  for (const perm of [...all].sort()) {
    const [domain, entity, action] = perm.split(':');
    if (!domain || !entity || !action || perm.includes('*')) continue;
    const entities = byDomain.get(domain) ?? new Map<string, string[]>();
    entities.set(entity, [...(entities.get(entity) ?? []), action]);
    byDomain.set(domain, entities);
  }
  const entities = [...byDomain].map(([domain, map]) => ({
    id: domain, name: domain, domain, selfUri: `/api/v2/authorization/permissions/${domain}`,
    permissionMap: Object.fromEntries([...map].map(([entity, actions]) => [entity, actions.map((action) => ({
      domain, entityType: entity, action, label: `${entity} ${action}`, allowsConditions: false, divisionAware: false,
    }))])),
  }));
  sendJson(ctx, 200, paged(ctx, entities));
}

const scopeModel = (id: string) => ({
  id, description: `Sandbox scope '${id}' (${id.endsWith(':readonly') ? 'read-only' : 'read-write'}).`, selfUri: `/api/v2/oauth/scopes/${encodeURIComponent(id)}`,
});

/** Unpaged OAuthScopeListing {total, entities, selfUri} (docs/facts.md#scope-list-live). */
export function getOauthScopes(ctx: Ctx): void {
  const entities = ctx.state.fixture.scopes.map(scopeModel);
  sendJson(ctx, 200, { total: entities.length, entities, selfUri: '/api/v2/oauth/scopes' });
}

export function getOauthScope(ctx: Ctx): void {
  if (!ctx.state.fixture.scopes.includes(ctx.params.scopeId)) return notFound(ctx);
  sendJson(ctx, 200, scopeModel(ctx.params.scopeId));
}

/** Models.OAuthClient — without `secret`: the sandbox never serves a secret. */
export function getOauthClient(ctx: Ctx): void {
  const c = ctx.state.client(ctx.params.clientId);
  if (!c) return notFound(ctx);
  sendJson(ctx, 200, {
    id: c.id, name: c.name, accessTokenValiditySeconds: c.accessTokenValiditySeconds ?? 86400, registeredRedirectUri: c.redirectUris ?? [],
    roleIds: c.roleDivisions ? [...new Set(c.roleDivisions.map((rd) => rd.roleId))] : undefined,
    authorizedGrantType: c.authorizedGrantType, scope: c.scope, roleDivisions: c.roleDivisions, state: 'active', selfUri: `/api/v2/oauth/clients/${c.id}`,
  });
}

/** Models.DomainOrganizationRole */
export function getAuthorizationRole(ctx: Ctx): void {
  const r = ctx.state.role(ctx.params.roleId);
  if (!r) return notFound(ctx);
  sendJson(ctx, 200, {
    id: r.id, name: r.name, description: r.description ?? '', permissions: rolePermissions(r),
    permissionPolicies: r.policies.map((p) => ({ domain: p.domain, entityName: p.entityName, policyName: `${p.domain}:${p.entityName}`, actionSet: [...p.actions], allowConditions: false })),
    userCount: new Set(ctx.state.fixture.grants.filter((g) => g.roleId === r.id).map((g) => g.subjectId)).size,
    default: false, base: false, selfUri: `/api/v2/authorization/roles/${r.id}`,
  });
}

function organization(ctx: Ctx) {
  const o = ctx.state.fixture.org;
  return { id: o.id, name: o.name, defaultLanguage: 'en-us', defaultCountryCode: o.defaultCountryCode ?? 'US', domain: o.domain, version: 1, state: 'active', voicemailEnabled: true, selfUri: `/api/v2/organizations/${o.id}` };
}

export function getOrganizationsMe(ctx: Ctx): void { sendJson(ctx, 200, organization(ctx)); }

export function getUserStation(ctx: Ctx): void {
  const user = ctx.state.user(ctx.params.userId);
  if (!user) return notFound(ctx);
  sendJson(ctx, 200, userStations(ctx.state, user));
}

export function getUsersStationsMe(ctx: Ctx): void {
  const user = requireUser(ctx);
  if (user) sendJson(ctx, 200, userStations(ctx.state, user));
}

