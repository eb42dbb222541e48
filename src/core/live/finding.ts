// Builders for live findings: stable rule ids, provenance, evidence.
import type { Evidence, Finding, Severity, SourceRef } from '../types';
import { ZERO_RANGE } from '../types';
import type { ApiAnswer } from '../http/api';
import { redactText } from '../http/redact';

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
