// Evaluates POST /api/v2/conversations/calls and .../calls/user/{userId} the
// way docs/facts.md#create-call-request describes (codes from the 2018 x-inin-error-codes, docs/facts.md#calls-error-codes). The
// router has already checked the token, the scope and the declared permission.
import { randomUUID } from 'crypto';
import * as A from './assumptions';
import { grantsOfToken, holds } from './authz';
import { errorBody, fromChoice, missingPermissions } from './errors';
import { sendError, sendJson, type Ctx } from './http';
import type { FixtureUser } from './fixtureTypes';
import type { SandboxState } from './state';
import type { SandboxOperation } from './operations';

const KNOWN_FIELDS = new Set(['phoneNumber', 'callerId', 'callerIdName', 'callFromQueueId', 'callQueueId', 'callUserId', 'priority', 'attributes',
  'languageId', 'routingSkillsIds', 'routingSkillExpression', 'conversationIds', 'participants', 'uuiData', 'externalContactId', 'label']);
const STRING_FIELDS = ['phoneNumber', 'callerId', 'callerIdName', 'callFromQueueId', 'callQueueId', 'callUserId', 'languageId', 'routingSkillExpression', 'uuiData', 'externalContactId', 'label'];

/** A type error in a known CreateCallRequest field (docs/facts.md#create-call-request), or undefined. */
function bodyTypeError(body: Record<string, unknown>): string | undefined {
  for (const f of STRING_FIELDS) if (body[f] !== undefined && typeof body[f] !== 'string') return f;
  if (body.priority !== undefined && !Number.isInteger(body.priority)) return 'priority';
  const strArr = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (body.routingSkillsIds !== undefined && !strArr(body.routingSkillsIds)) return 'routingSkillsIds';
  if (body.conversationIds !== undefined && !strArr(body.conversationIds)) return 'conversationIds';
  if (body.participants !== undefined && !(Array.isArray(body.participants) && body.participants.every((p) => typeof p === 'object' && p !== null))) return 'participants';
  if (body.attributes !== undefined && !(typeof body.attributes === 'object' && body.attributes !== null && !Array.isArray(body.attributes)
    && Object.values(body.attributes).every((v) => typeof v === 'string'))) return 'attributes';
  return undefined;
}

/** The destinations a request names (docs/facts.md#create-call-request: exactly one is allowed). */
function destinations(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const f of ['phoneNumber', 'callQueueId', 'callUserId']) if (typeof body[f] === 'string' && body[f] !== '') out.push(f);
  for (const f of ['conversationIds', 'participants']) if (Array.isArray(body[f]) && (body[f] as unknown[]).length > 0) out.push(f);
  return out;
}

/** The classification of a number at a site (first matching number plan by priority), if any. */
export function classifyNumber(state: SandboxState, siteId: string, number: string): string | undefined {
  const plain = number.replace(/[\s\-().]/g, '');
  const plans = state.fixture.numberPlans.filter((n) => n.siteId === siteId).sort((a, b) => a.priority - b.priority);
  return plans.find((n) => new RegExp(n.match).test(plain))?.classification;
}

/** Whether an enabled outbound route of the site carries the number's classification. */
export function routable(state: SandboxState, siteId: string, number: string): boolean {
  const cls = classifyNumber(state, siteId, number);
  return cls !== undefined && state.fixture.outboundRoutes.some((r) => r.siteId === siteId && r.enabled && r.classificationTypes.includes(cls));
}

export async function postCall(ctx: Ctx, op: SandboxOperation): Promise<void> {
  const { state } = ctx;
  const token = ctx.token!;
  const onBehalf = op.id === 'postConversationsCallsUserUserId';
  let placer: FixtureUser | undefined;
  if (onBehalf) {
    placer = state.user(ctx.params.userId);
    if (!placer) return sendError(ctx, errorBody('not.found'));
    if (!token.userId && !A.ON_BEHALF_ACCEPTS_CLIENT_CREDENTIALS) return sendError(ctx, errorBody('not.a.user'));
  } else {
    // docs/facts.md#calls-error-codes: a client-credentials token fails with 400 not.a.user, not a 403.
    if (!token.userId) return sendError(ctx, errorBody('not.a.user'));
    placer = state.user(token.userId)!;
  }
  // Division check (ASSUMPTION, docs/facts.md#permission-error-codes): the permission must be held in the placer's division.
  const grants = grantsOfToken(state, token);
  const enforcedUpFront = A.ENFORCE_CONFERENCE_PERMISSION_FOR_SIMPLE_CALLS || onBehalf;
  const inDivision = () => op.permissions.some((p) => holds(grants, p, placer!.divisionId));
  if (enforcedUpFront && !inDivision()) return sendError(ctx, fromChoice(A.WRONG_DIVISION));

  const type = ctx.req.headers['content-type'];
  if (type && !/^application\/json\b/i.test(type)) return sendError(ctx, errorBody('unsupported.media.type'));
  let body: unknown;
  try { body = JSON.parse(ctx.body); } catch { return sendError(ctx, errorBody('bad.request')); }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return sendError(ctx, errorBody('bad.request'));
  const req = body as Record<string, unknown>;
  const badField = bodyTypeError(req) ?? (A.IGNORE_UNKNOWN_BODY_FIELDS ? undefined : Object.keys(req).find((k) => !KNOWN_FIELDS.has(k)));
  if (badField) return sendError(ctx, errorBody('bad.request', { details: [{ fieldName: badField }] }));

  const dest = destinations(req);
  if (dest.length > 1) return sendError(ctx, errorBody('too.many.create.conversation.parameters'));
  if (dest.length === 0) return sendError(ctx, fromChoice(A.NO_DESTINATION));
  if (!enforcedUpFront && (dest[0] === 'conversationIds' || dest[0] === 'participants')) {
    // The gate let the request through (router.ts); a conference needs the declared permission.
    if (!op.permissions.some((p) => holds(grants, p))) return sendError(ctx, missingPermissions('ANY', op.permissions));
    if (!inDivision()) return sendError(ctx, fromChoice(A.WRONG_DIVISION));
  }

  if (typeof req.callFromQueueId === 'string') {
    const queue = state.queue(req.callFromQueueId);
    if (!queue) return sendError(ctx, fromChoice(A.UNKNOWN_REFERENCE));
    if (!queue.members.some((m) => m.userId === placer!.id)) return sendError(ctx, fromChoice(A.NOT_QUEUE_MEMBER));
  }

  const station = state.station(placer.stationId);
  if (!station) return sendError(ctx, errorBody('conversation.error.no.user.station'));
  const edges = [station.primaryEdgeId, station.secondaryEdgeId].map((id) => state.edge(id)).filter((e) => e !== undefined);
  if (edges.length === 0) return sendError(ctx, errorBody('providerapi.error.no.station.for.edge'));
  const edge = edges.find((e) => e.online);
  if (!edge) return sendError(ctx, errorBody('providerapi.error.station.no.active.edge'));

  if (typeof req.callUserId === 'string' && !state.user(req.callUserId)) return sendError(ctx, fromChoice(A.UNKNOWN_REFERENCE));
  if (typeof req.callQueueId === 'string' && !state.queue(req.callQueueId)) return sendError(ctx, fromChoice(A.UNKNOWN_REFERENCE));
  const numbers = [req.phoneNumber, ...((req.participants as { address?: unknown }[] | undefined) ?? []).map((p) => p.address)]
    .filter((n): n is string => typeof n === 'string' && n !== '');
  if (numbers.some((n) => !routable(state, edge.siteId, n))) return sendError(ctx, fromChoice(A.UNROUTABLE_NUMBER));

  const id = randomUUID();
  sendJson(ctx, 200, { id, selfUri: `/api/v2/conversations/calls/${id}` });
}
