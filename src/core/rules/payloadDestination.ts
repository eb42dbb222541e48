// payload.destination: CreateCallRequest takes exactly one destination
// (phoneNumber | callQueueId | callUserId | conversationIds | participants).
// More than one fails with 400 too.many.create.conversation.parameters.
import type { Rule, RuleContext } from '../lintTypes';
import type { Finding, SourceRef } from '../types';
import { callFixes } from './support/callFixes';
import { payloads, rangeOfNode, type Payload } from './support/payload';

const ID = 'payload.destination';
export const DESTINATION_FIELDS = ['phoneNumber', 'callQueueId', 'callUserId', 'conversationIds', 'participants'] as const;

const OLD_SPEC: SourceRef = {
  ref: 'docs/facts.md#single-destination',
  verified: true,
};

const BY_MODEL: SourceRef = {
  ref: 'docs/facts.md#single-destination-other-operations',
  verified: false,
};

export const payloadDestination: Rule = {
  id: ID,
  title: 'Call request needs exactly one destination',
  defaultSeverity: 'error',
  help: 'A call request must name exactly one destination (phoneNumber, callQueueId, callUserId, conversationIds or participants); with several Genesys answers 400 too.many.create.conversation.parameters, with none there is nothing to dial. Keep a single destination.',
  source: { ref: 'docs/facts.md#single-destination', verified: true },
  check(ctx) {
    const out: Finding[] = [];
    for (const p of payloads(ctx)) {
      if (!appliesTo(p)) continue;
      const f = check(ctx, p);
      if (f) out.push(f);
    }
    return out;
  },
};

function appliesTo(p: Payload): boolean {
  return p.operation.singleDestination ? p.operation.singleDestination.value : p.model === 'CreateCallRequest';
}

const DESTINATIONS: ReadonlySet<string> = new Set(DESTINATION_FIELDS);
const LIST = DESTINATION_FIELDS.map((f) => `\`${f}\``).join(', ');

function check(ctx: RuleContext, p: Payload): Finding | undefined {
  const root = p.body.root;
  if (root?.type !== 'object') return undefined;
  const props = (root.children ?? []).filter((c) => c.children?.[1]?.type !== 'null');
  const present = props.filter((c) => DESTINATIONS.has(String(c.children?.[0]?.value)));
  if (present.length === 1) return undefined;   // the common case: build no message
  // The error code is documented for POST /api/v2/conversations/calls only; other
  // CreateCallRequest operations (the newer on-behalf endpoint) get it by inference.
  const documented = !!p.operation.singleDestination || p.operation.path === '/api/v2/conversations/calls';
  const source = p.operation.singleDestination?.source ?? (documented ? OLD_SPEC : BY_MODEL);
  const list = LIST;
  // Whole object literals, not `{ ...base, x }` (much slower in V8); the key order is the one findings always had.
  if (present.length === 0) {
    const keys = new Set(props.map((c) => String(c.children?.[0]?.value)));
    const hint = keys.has('to') ? ' Put the number from `to` into `phoneNumber`.' : '';
    return {
      rule: ID, severity: 'error', request: p.req.index, fixes: callFixes(ctx, p), source,
      message: `No destination: ${p.model} needs exactly one of ${list} (e.g. {"phoneNumber": "+15551234567"}).${hint}`,
      range: p.body.rangeAt(root.offset, 1),
      pointer: '',
    };
  }
  if (present.length > 1) {
    const names = present.map((c) => `\`${c.children?.[0]?.value}\``).join(', ');
    const second = present[1].children![0];
    return {
      rule: ID, severity: 'error', request: p.req.index, fixes: [], source,
      message: `Only one destination per request, but this body has ${names}: ${documented ? 'Genesys answers' : 'Genesys probably answers (documented for POST /api/v2/conversations/calls; inferred for this operation)'} 400 too.many.create.conversation.parameters ("Only a single destination can be supplied in a create conversation request"). Keep one of ${list}.`,
      range: rangeOfNode(p, second),
      pointer: `/${second.value}`,
    };
  }
  return undefined;
}
