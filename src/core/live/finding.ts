// Builders for live findings: stable rule ids, provenance, evidence.
import type { Evidence, Finding, Severity, SourceRef } from '../types';
import { ZERO_RANGE } from '../types';
import type { ApiAnswer } from '../http/api';
import { redactText } from '../http/redact';
import type { RuleMeta } from '../lintTypes';

export const LIVE_RULES = {
  noUserContext: 'grant.no-user-context',
  scopeMissing: 'scope.missing',
  permissionMissing: 'permission.missing',
  stationNone: 'station.none',
  stationNoEdge: 'station.no-edge',
  routeNoMatch: 'route.no-match',
  queueNotFound: 'queue.not-found',
  queueNotMember: 'queue.not-member',
  userNotFound: 'user.not-found',
  unavailable: 'check.unavailable',
} as const;

export type LiveRule = typeof LIVE_RULES[keyof typeof LIVE_RULES];

/**
 * Live rules that report the lint rule of the same id (the same problem, found
 * in the token instead of the file): that rule's registry entry describes both.
 */
export const SHARED_LIVE_RULES = [LIVE_RULES.noUserContext] as const;

/**
 * Registry entries of the other live rules (src/core/rules/registry.ts collects them).
 * One severity model for live findings:
 * - error: the call fails, by a documented error or an observed fact (a 404, no station);
 * - warning: it probably fails, but that rests on an inference or an UNVERIFIED fact;
 *   or a lookup failed, so the verdict is unknown and must not read as a pass;
 * - info: a detail could not be judged, and nothing is known to be wrong.
 */
export const LIVE_RULE_INFO: Record<Exclude<LiveRule, typeof SHARED_LIVE_RULES[number]>, RuleMeta> = {
  'scope.missing': {
    title: 'Token lacks the OAuth scope the operation requires',
    defaultSeverity: 'error',
    help: 'The token\'s OAuth client is not authorized for the scope the operation declares, so the call is refused where the org enforces scopes. Add the scope to the OAuth client\'s scope list and sign in again: a new token carries the new scopes.',
    source: { ref: 'docs/facts.md#token-info', verified: true },
  },
  'permission.missing': {
    title: 'No role grants a permission the operation requires',
    defaultSeverity: 'error',
    help: 'None of the caller\'s roles grants the permission the operation declares (or not in the right division), so Genesys answers 403. Add a role that grants it to the user, or to the OAuth client for client credentials, in the right division, then sign in again.',
    source: { ref: 'docs/facts.md#authz-subject', verified: true },
  },
  'station.none': {
    title: 'No station is associated with the user who places the call',
    defaultSeverity: 'error',
    help: 'Without an associated station Genesys refuses to place a call with 400 conversation.error.no.user.station. Associate a station with the user (PUT /api/v2/users/stations/me/associatedstation/{stationId} for yourself).',
    source: { ref: 'docs/facts.md#calls-error-codes', verified: true },
  },
  'station.no-edge': {
    title: 'The station has no Edge, or none of its Edges is online',
    defaultSeverity: 'error',
    help: 'A call needs an online Edge for the station; without one Genesys answers 500 providerapi.error.no.station.for.edge or providerapi.error.station.no.active.edge. Ask the telephony admin to assign the station\'s phone to a site with an online Edge, or associate another station.',
    source: { ref: 'docs/facts.md#calls-error-codes', verified: true },
  },
  'route.no-match': {
    title: 'No outbound route of the station\'s site takes the dialed number',
    defaultSeverity: 'warning',
    help: 'No number plan of the site classifies the number, or no enabled outbound route takes its classification, so the call probably cannot leave the site (the tool\'s evaluation of number plans approximates Genesys\' own). Dial the number as E.164 (+ and country code), or ask the telephony admin to add a number plan or route.',
    source: { ref: 'docs/facts.md#route-evaluation', verified: false },
  },
  'queue.not-found': {
    title: 'The queue named in the request does not exist',
    defaultSeverity: 'error',
    help: 'The queue id (callFromQueueId or callQueueId) does not exist in this org: looking it up answered 404. Use the id of an existing queue (GET /api/v2/routing/queues?name=…).',
    source: { ref: 'docs/facts.md#queues', verified: true },
  },
  'queue.not-member': {
    title: 'The caller is not a member of the queue it calls on behalf of',
    defaultSeverity: 'warning',
    help: 'Calling on behalf of a queue (callFromQueueId) presumably needs membership of that queue; this is an inference, not documented. Add the user to the queue, or remove callFromQueueId.',
    source: { ref: 'docs/facts.md#queue-membership', verified: false },
  },
  'user.not-found': {
    title: 'The user named in the request does not exist',
    defaultSeverity: 'error',
    help: 'The user id (the on-behalf {userId} in the path, or callUserId) does not exist in this org: looking it up answered 404. Use the id of an existing user of this org and region.',
    source: { ref: 'docs/facts.md#on-behalf-call', verified: true },
  },
  'check.unavailable': {
    title: 'A live check could not run, so its verdict is unknown',
    defaultSeverity: 'warning',
    help: 'A lookup the check needs was refused, failed or answered something unreadable, so the verdict is unknown, not a pass. Grant the permission the message names (or give a lookup token with GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN), or retry later.',
    source: { ref: 'docs/facts.md#lookup-answer', verified: true },
  },
};

export function liveFinding(rule: LiveRule, severity: Severity, message: string, source: SourceRef,
  evidence: (Evidence | ApiAnswer | undefined)[], extra: { pointer?: string; explanation?: string } = {}): Finding {
  return {
    rule, severity, message, range: ZERO_RANGE, fixes: [], source,
    evidence: evidence.filter((e): e is Evidence | ApiAnswer => !!e).map((e) => ('evidence' in e ? e.evidence : e)),
    ...(extra.pointer ? { pointer: extra.pointer } : {}),
    ...(extra.explanation ? { explanation: extra.explanation } : {}),
  };
}

/**
 * The same answer with its excerpt narrowed to the fields a verdict rests on
 * (e.g. users/me -> {id, name, station}); the rest of the body is noise.
 */
export function focused(a: ApiAnswer, pick: (json: Record<string, unknown>) => Record<string, unknown>): ApiAnswer {
  if (!a.ok || !a.json || typeof a.json !== 'object' || Array.isArray(a.json)) return a;
  const text = JSON.stringify(pick(a.json as Record<string, unknown>));
  // The full excerpt was already redacted; the narrowed one is rebuilt from parsed JSON, so redact again.
  return { ...a, evidence: { ...a.evidence, excerpt: redactText(text.length > 400 ? `${text.slice(0, 400)}…` : text) } };
}

export const only = (...keys: string[]) => (j: Record<string, unknown>) => Object.fromEntries(keys.filter((k) => k in j).map((k) => [k, j[k]]));

/** Why a lookup gave no usable answer, in words. */
export function failureText(a: ApiAnswer): string {
  if (a.status === undefined) return `${a.request} got no answer (${a.error ?? 'unknown error'})`;
  if (a.status >= 200 && a.status < 300) return `${a.request} answered ${a.status} but ${a.error ?? 'unreadably'}`;
  const code = codeOf(a.json);
  return `${a.request} answered ${a.status}${code ? ` ${code}` : ''}`;
}

export function codeOf(json: unknown): string | undefined {
  return json && typeof json === 'object' && typeof (json as { code?: unknown }).code === 'string' ? (json as { code: string }).code : undefined;
}

/**
 * The verdict when a lookup itself failed: never a pass. Names the call, the
 * permission that call needs (from the catalog) and says the verdict is unknown.
 */
export function unavailable(what: string, a: ApiAnswer, needs: string | undefined, source: SourceRef): Finding {
  let perm = needs ? ` That call needs ${needs}.` : '';
  if (needs?.startsWith('no permission') && a.status === 403) perm += ' A 403 there may come from a missing OAuth scope of the token (UNVERIFIED: no official text for that 403 is known).';
  const forbidden = a.status === 403 || a.status === 401;
  return liveFinding(LIVE_RULES.unavailable, 'warning',
    `Could not determine ${what}: ${failureText(a)}.${perm} The verdict is unknown${forbidden ? ' (the lookup itself was refused)' : ''}.`,
    source, [a]);
}
