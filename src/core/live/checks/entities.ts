// Do the ids in the request exist: the queue to call from (and are you a
// member), the queue or user to call, the user to call on behalf of.
import type { ApiAnswer } from '../../http/api';
import type { Finding } from '../../types';
import { passed, skipped, type CheckContext, type CheckOutcome, type Leveled } from '../context';
import { liveFinding, LIVE_RULES, unavailable } from '../finding';
import { entities, obj, rec, str } from '../lookups';
import { SRC } from '../sources';

const MAX_MEMBER_PAGES = 5;

export async function queueCheck(ctx: CheckContext): Promise<CheckOutcome> {
  const fromQueue = str(ctx.body?.callFromQueueId);
  const toQueue = str(ctx.body?.callQueueId);
  if (!fromQueue && !toQueue) return skipped('The request names no queue.');
  const findings: Finding[] = [];
  const notes: string[] = [];
  let unknown = false;
  const checks = await Promise.all([
    fromQueue ? fromQueueCheck(ctx, fromQueue) : undefined,
    toQueue ? exists(ctx, toQueue, '/callQueueId') : undefined,
  ]);
  for (const c of checks) {
    if (!c) continue;
    findings.push(...c.findings);
    notes.push(c.summary);
    if (c.state === 'unknown') unknown = true;
  }
  const failed = findings.some((f) => f.rule !== LIVE_RULES.unavailable);
  return { state: failed ? 'fail' : unknown ? 'unknown' : 'pass', summary: notes.join(' '), findings };
}

async function exists(ctx: CheckContext, id: string, pointer: string): Promise<CheckOutcome & { found?: Leveled }> {
  const q = await ctx.L.queue(id);
  if (q.answer.ok) return { ...passed(`Queue ${str(obj(q.answer)?.name) ?? id} exists.`), found: q };
  if (q.answer.status === 404) {
    return { state: 'fail', summary: `Queue ${id} does not exist.`, findings: [liveFinding(LIVE_RULES.queueNotFound, 'error',
      `Queue ${id} (${pointer.slice(1)}) does not exist in this org (GET answered 404). Use the id of an existing queue (GET /api/v2/routing/queues?name=…).`,
      SRC.queue, [q.answer], { pointer })] };
  }
  return { state: 'unknown', summary: `Queue ${id} could not be read.`, findings: [unavailable(`whether queue ${id} exists`, q.answer, ctx.needs(`/api/v2/routing/queues/${id}`) ?? 'ALL of routing:queue:view', SRC.lookup)] };
}

async function fromQueueCheck(ctx: CheckContext, queueId: string): Promise<CheckOutcome> {
  const [e, who] = await Promise.all([exists(ctx, queueId, '/callFromQueueId'), caller(ctx)]);
  if (!e.found) return e;
  if (!who.id) {
    if (who.answer) return { state: 'unknown', summary: 'Who places the call is not known.', findings: [unavailable('who places the call (for queue membership)', who.answer, ctx.needs('/api/v2/users/me'), SRC.lookup)] };
    return { ...skipped('A client-credentials token has no user to be a queue member.') };
  }
  // Messages name the queue as "Support (id)" when the lookup gave its name.
  const name = str(obj(e.found.answer)?.name);
  const queue = name ? `${name} (${queueId})` : queueId;
  const deps = who.dep ? [e.found, who.dep] : [e.found];
  const answers: ApiAnswer[] = [];
  let dep: Leveled<unknown> = deps.reduce((a, b) => (a.level >= b.level ? a : b));
  for (let page = 1; page <= MAX_MEMBER_PAGES; page++) {
    const m = await ctx.L.queueMembers(dep, queueId, page);
    answers.push(m.answer);
    const list = entities(m.answer);
    if (!list) return { state: 'unknown', summary: `The members of queue ${queue} could not be read.`, findings: [unavailable(`whether ${who.label} is a member of queue ${queue}`, m.answer, ctx.needs(`/api/v2/routing/queues/${queueId}/members`), SRC.lookup)] };
    const member = list.find((x) => x.id === who.id || str(rec(x.user)?.id) === who.id);
    if (member) {
      const joined = member.joined !== false;
      return passed(`${who.label} ${joined ? 'is a member of' : 'is a member (not joined) of'} queue ${queue}.`);
    }
    const pageCount = obj(m.answer)?.pageCount;
    if (typeof pageCount !== 'number' || page >= pageCount) break;
    dep = m;
  }
  return { state: 'fail', summary: `${who.label} is not a member of queue ${queue}.`, findings: [liveFinding(LIVE_RULES.queueNotMember, 'error',
    `${who.label[0].toUpperCase()}${who.label.slice(1)} ${who.label === 'you' ? 'are' : 'is'} not a member of queue ${queue} (callFromQueueId): calling on behalf of a queue needs membership (inferred, UNVERIFIED). Add the user to the queue, or remove callFromQueueId.`,
    SRC.queueMembership, answers, { pointer: '/callFromQueueId' })] };
}

/** The user placing the call: the on-behalf target, else the token's user. */
async function caller(ctx: CheckContext): Promise<{ id?: string; label: string; dep?: Leveled; answer?: ApiAnswer }> {
  if (ctx.targetUserId) return { id: ctx.targetUserId, label: `user ${ctx.targetUserId}` };
  const [{ cc }, me] = await Promise.all([ctx.clientCredentials(), ctx.L.me()]);
  if (cc) return { label: 'the client' };
  const id = str(obj(me.answer)?.id);
  return id ? { id, label: 'you', dep: me } : { label: 'you', answer: me.answer };
}

export async function userCheck(ctx: CheckContext): Promise<CheckOutcome> {
  const targets: { id: string; pointer?: string; what: string }[] = [];
  if (ctx.targetUserId) targets.push({ id: ctx.targetUserId, what: 'the user to call on behalf of (path {userId})' });
  const callUser = str(ctx.body?.callUserId);
  if (callUser) targets.push({ id: callUser, pointer: '/callUserId', what: 'the user to call (callUserId)' });
  if (targets.length === 0) return skipped('The request names no user.');
  const results = await Promise.all(targets.map(async (t) => ({ t, u: await ctx.L.user(t.id) })));
  const findings: Finding[] = [];
  let unknown = false;
  for (const { t, u } of results) {
    if (u.answer.ok) continue;
    if (u.answer.status === 404) {
      findings.push(liveFinding(LIVE_RULES.userNotFound, 'error',
        `User ${t.id}, ${t.what}, does not exist in this org (GET /api/v2/users/${t.id} answered 404). Use the id of an existing user (from GET /api/v2/users).`,
        SRC.user, [u.answer], t.pointer ? { pointer: t.pointer } : {}));
    } else {
      unknown = true;
      findings.push(unavailable(`whether user ${t.id} exists`, u.answer, ctx.needs(`/api/v2/users/${t.id}`), SRC.lookup));
    }
  }
  const failed = findings.some((f) => f.rule === LIVE_RULES.userNotFound);
  const names = results.filter((r) => r.u.answer.ok).map((r) => str(obj(r.u.answer)?.name) ?? r.t.id);
  return {
    state: failed ? 'fail' : unknown ? 'unknown' : 'pass',
    summary: failed ? 'A user in the request does not exist.' : unknown ? 'A user could not be looked up.' : `User ${names.join(', ')} exists.`,
    findings,
  };
}

export const entityChecks = { queue: queueCheck, user: userCheck };
