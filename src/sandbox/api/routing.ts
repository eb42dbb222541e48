// Queues and queue members (docs/facts.md#queues).
import { byName, paged, sendJson, type Ctx } from '../http';
import { notFound } from './identity';
import { queueMemberModel, queueModel } from './models';

export function getRoutingQueues(ctx: Ctx): void {
  const ids = ctx.query.getAll('id').flatMap((v) => v.split(','));
  const divs = ctx.query.getAll('divisionId').flatMap((v) => v.split(','));
  const list = ctx.state.fixture.queues
    .filter(byName(ctx))
    .filter((q) => ids.length === 0 || ids.includes(q.id))
    .filter((q) => divs.length === 0 || divs.includes(q.divisionId));
  sendJson(ctx, 200, paged(ctx, list.map((q) => queueModel(ctx.state, q))));
}

export function getRoutingQueue(ctx: Ctx): void {
  const q = ctx.state.queue(ctx.params.queueId);
  if (!q) return notFound(ctx);
  sendJson(ctx, 200, queueModel(ctx.state, q));
}

/** QueueMemberEntityListing has no total/pageCount/lastUri in the SDK model. */
export function getRoutingQueueMembers(ctx: Ctx): void {
  const q = ctx.state.queue(ctx.params.queueId);
  if (!q) return notFound(ctx);
  const joined = ctx.query.get('joined');
  const members = q.members.filter((m) => joined === null || String(m.joined) === joined);
  sendJson(ctx, 200, paged(ctx, members.map((m) => queueMemberModel(ctx.state, q, m)), { uris: 'noTotals' }));
}
