// Maps method + path to a handler. API operations pass through the gate that
// real Genesys applies before the handler runs: bearer token (401), rate limit
// (429), OAuth scope when the org enforces scopes (403), declared permission (403).
import * as A from './assumptions';
import { checkDeclared, grantsOfToken, scopeSatisfied } from './authz';
import { errorBody, fromChoice, missingPermissions, tooManyRequests } from './errors';
import { sendError, sendJson, type Ctx } from './http';
import { OPERATIONS, type SandboxOperation } from './operations';
import { lookupToken } from './login/issue';
import { handleAuthorize } from './login/authorize';
import { handleDeviceAuthorize, handleDevicePage } from './login/device';
import { handleJwks, handleMetadata } from './login/metadata';
import { handleToken } from './login/token';
import * as id from './api/identity';
import * as tel from './api/telephony';
import * as rt from './api/routing';
import { postCall } from './calls';
import { swaggerDocument } from './swagger';

type Handler = (ctx: Ctx, op: SandboxOperation) => void | Promise<void>;

const API_HANDLERS: Record<string, Handler> = {
  postConversationsCalls: postCall, postConversationsCallsUserUserId: postCall,
  getTokensMe: id.getTokensMe, headTokensMe: id.getTokensMe,
  getUsersMe: id.getUsersMe, getUser: id.getUser, getUserRoles: id.getUserRoles,
  getAuthorizationSubjectsMe: id.getAuthorizationSubjectsMe, getAuthorizationSubject: id.getAuthorizationSubject,
  getAuthorizationDivisionspermittedPagedMe: id.getAuthorizationDivisionspermittedPagedMe,
  getAuthorizationPermissions: id.getAuthorizationPermissions,
  getUserStation: id.getUserStation, getUsersStationsMe: id.getUsersStationsMe,
  getStations: tel.getStations, getStation: tel.getStation,
  getTelephonyProvidersEdgesSites: tel.getSites, getTelephonyProvidersEdgesSite: tel.getSite,
  getTelephonyProvidersEdgesSiteOutboundroutes: tel.getSiteOutboundroutes,
  getTelephonyProvidersEdgesSiteOutboundroute: tel.getSiteOutboundroute,
  getTelephonyProvidersEdgesSiteNumberplans: tel.getSiteNumberplans,
  getTelephonyProvidersEdgesSiteNumberplansClassifications: tel.getSiteNumberplanClassifications,
  getTelephonyProvidersEdgesOutboundroutes: tel.getOutboundroutes,
  getRoutingQueues: rt.getRoutingQueues, getRoutingQueue: rt.getRoutingQueue, getRoutingQueueMembers: rt.getRoutingQueueMembers,
  getOauthScopes: id.getOauthScopes, getOauthScope: id.getOauthScope, getOauthClient: id.getOauthClient,
  getAuthorizationRole: id.getAuthorizationRole, getOrganizationsMe: id.getOrganizationsMe,
};

interface Route { methods: string[]; regex: RegExp; keys: string[]; run: (ctx: Ctx) => void | Promise<void> }

function compile(template: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const body = template.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_, k: string) => { keys.push(k); return '([^/]+)'; });
  return { regex: new RegExp(`^${body}/?$`), keys };
}

function route(methods: string[], template: string, run: Route['run']): Route { return { methods, ...compile(template), run }; }

const LOOPBACK_ADDR = /^(127\.|::1$|::ffff:127\.)/;

const ROUTES: Route[] = [
  route(['GET'], '/.well-known/oauth-authorization-server', handleMetadata),
  route(['GET'], '/.well-known/jwks.json', handleJwks),
  route(['POST'], '/oauth/token', handleToken),
  route(['GET', 'POST'], '/oauth/authorize', handleAuthorize),
  route(['POST'], '/oauth/device/authorize', handleDeviceAuthorize),
  route(['GET', 'POST'], '/oauth/device', handleDevicePage),
  route(['GET'], '/api/v2/docs/swagger', (ctx) => sendJson(ctx, 200, swaggerDocument(ctx.state))),
  // Not a Genesys endpoint: the sandbox's request log, for tests and demos (loopback only).
  route(['GET'], '/__sandbox/log', (ctx) => LOOPBACK_ADDR.test(ctx.req.socket.remoteAddress ?? '')
    ? sendJson(ctx, 200, ctx.state.log.entries()) : sendError(ctx, errorBody('not.found'))),
  ...OPERATIONS.map((op) => route([op.method], op.path, (ctx) => gate(ctx, op))),
];

export async function dispatch(ctx: Ctx): Promise<void> {
  let pathMatched = false;
  for (const r of ROUTES) {
    const m = r.regex.exec(ctx.path);
    if (!m) continue;
    pathMatched = true;
    if (!r.methods.includes(ctx.method)) continue;
    r.keys.forEach((k, i) => { ctx.params[k] = decodeURIComponent(m[i + 1]); });
    return r.run(ctx);
  }
  sendError(ctx, errorBody('not.found', pathMatched ? { message: `The requested resource was not found. ${ctx.method} is not supported on this path.` } : {}));
}

async function gate(ctx: Ctx, op: SandboxOperation): Promise<void> {
  const { state } = ctx;
  const header = ctx.req.headers.authorization ?? '';
  const m = /^bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) return sendError(ctx, errorBody('authentication.required'));
  const token = lookupToken(state, m[1]);
  if (!token) return sendError(ctx, errorBody('bad.credentials'));
  ctx.token = token;
  if (rateLimited(ctx, m[1])) return;
  if (state.fixture.org.scopeEnforcement && token.kind === 'user' && !scopeSatisfied(token.scopes, A.OPERATION_SCOPES[op.id] ?? [])) {
    return sendError(ctx, fromChoice(A.MISSING_SCOPE));
  }
  // With ENFORCE_CONFERENCE_PERMISSION_FOR_SIMPLE_CALLS off, calls.ts checks /calls' permission for conferences only.
  const deferred = op.id === 'postConversationsCalls' && !A.ENFORCE_CONFERENCE_PERMISSION_FOR_SIMPLE_CALLS;
  if (!deferred && !checkDeclared(grantsOfToken(state, token), op.permType, op.permissions)) {
    return sendError(ctx, missingPermissions(op.permType === 'ALL' ? 'ALL' : 'ANY', op.permissions));
  }
  return API_HANDLERS[op.id](ctx, op);
}

/** Fixed window per token (docs/facts.md#rate-limit-error: 429 too.many.requests + Retry-After seconds + ErrorBody.limit). */
function rateLimited(ctx: Ctx, bearer: string): boolean {
  const limit = ctx.state.rateLimit;
  if (!limit) return false;
  const now = ctx.state.now();
  const key = bearer;
  const w = ctx.state.windows.get(key);
  const win = w && now - w.start < limit.windowSeconds * 1000 ? w : { start: now, count: 0 };
  win.count++;
  ctx.state.windows.set(key, win);
  if (win.count <= limit.requests) return false;
  const retryAfter = Math.max(1, Math.ceil((win.start + limit.windowSeconds * 1000 - now) / 1000));
  const keyName = ctx.token?.kind === 'client' ? A.RATE_LIMIT_KEYS.clientCredentials : A.RATE_LIMIT_KEYS.user;
  sendError(ctx, tooManyRequests(limit.requests, limit.windowSeconds, keyName, A.RATE_LIMIT_NAMESPACE), { 'retry-after': String(retryAfter) });
  return true;
}
