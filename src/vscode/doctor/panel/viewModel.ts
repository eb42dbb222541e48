// Host side: turns a DoctorRun (core result + offline findings) into the
// panel's view model, the only thing the webview ever receives. Every string
// goes through redaction with the known secrets (the session tokens), so a
// token cannot reach the webview even if a lookup echoed it. Free of 'vscode'
// so unit tests can build views from fixture runs.
import { cachedLabel } from '../../../core/http';
import { redactText } from '../../../core/http';
import type { Explanation } from '../../../core/explain';
import { LIVE_RULES } from '../../../core/live';
import type { CheckResult, CheckState, DoctorResult } from '../../../core/live';
import type { Finding } from '../../../core';
import {
  CHECKLIST_IDS, type ChecklistId, type ChecklistItemView, type EvidenceView, type ExplanationView, type FindingView, type ItemState, type RunView, type SessionActionView,
} from '../../../shared/protocol';
import type { PartialDiagnosis } from '../../../core/report';
import type { DoctorRun, DoctorRunStart } from '../doctorTypes';

export interface ViewOptions {
  /** Values to scrub wherever they appear (access and refresh tokens). */
  secrets: readonly string[];
  hasDocs: (rule: string) => boolean;
}

/** The findings a view names by key, so the host can act on "apply fix k". */
export type FindingIndex = Map<string, Finding>;

const TITLES: Record<ChecklistId, string> = {
  user: 'User context', scope: 'OAuth scope', permission: 'Permissions', station: 'Station',
  edge: 'Edge', route: 'Outbound route', queue: 'Queue', payload: 'Payload',
};

// fail outranks unknown outranks pass outranks skipped when two checks make one item.
const RANK: Record<CheckState, number> = { fail: 3, unknown: 2, pass: 1, skipped: 0 };

export function buildRunView(run: DoctorRun, o: ViewOptions): { view: RunView; findings: FindingIndex } {
  const index: FindingIndex = new Map();
  const findingView = (item: ChecklistId, f: Finding, i: number): FindingView => {
    const key = `${item}:${i}`;
    index.set(key, f);
    return {
      key, rule: f.rule, severity: f.severity, message: f.message, ...(f.explanation ? { explanation: f.explanation } : {}),
      source: { ref: f.source.ref, verified: f.source.verified },
      evidence: (f.evidence ?? []).map((e): EvidenceView => ({
        request: e.request, status: e.status, excerpt: e.excerpt, ...(e.durationMs !== undefined ? { durationMs: e.durationMs } : {}),
        ...(e.cached ? { cached: { ageMs: e.ageMs ?? 0, label: cachedLabel(e.ageMs ?? 0) } } : {}),
      })),
      fixes: f.fixes.map((x, n) => ({ index: n, title: x.title })),
      hasDocs: o.hasDocs(f.rule),
    };
  };
  const item = (id: ChecklistId, state: ItemState, summary: string, findings: Finding[], durationMs?: number): ChecklistItemView => ({
    id, title: TITLES[id], state, summary, ...(durationMs !== undefined ? { durationMs: Math.round(durationMs) } : {}),
    findings: findings.map((f, i) => findingView(id, f, i)),
  });

  const live = run.live;
  const notRun = run.noSession?.reason ?? run.error ?? 'the live checks did not run.';
  const items: ChecklistItemView[] = live ? liveItems(live, item) : LIVE_IDS.map((id) => item(id, 'skipped', `Not checked: ${notRun}`, []));
  items.push(payloadItem(run.offline, item));

  // An unreachable host decided nothing: its skipped checks must not add up to a pass.
  const verdict: RunView['verdict'] = items.some((i) => i.state === 'fail') ? 'fail'
    : !live || live.unreachable || items.some((i) => i.state === 'unknown') ? 'unknown' : 'pass';
  const cachedCalls = live?.calls.filter((c) => c.cached) ?? [];
  const fromCache = cachedCalls.length
    ? `${cachedCalls.length} from cache (up to ${cachedLabel(Math.max(...cachedCalls.map((c) => c.ageMs ?? 0))).replace(/^cached, /, '')})` : undefined;
  const note = sessionNote(run);
  const view: RunView = {
    key: `${run.requestIndex}|${run.uri}`,
    request: {
      file: fileOf(run.uri), index: run.requestIndex,
      method: run.request.method, url: run.request.url,
      ...(run.request.operationId ? { operationId: run.request.operationId } : {}),
      ...(run.request.operationPath ? { operationPath: run.request.operationPath } : {}),
      ...((live?.environment ?? run.environment) ? { environment: live?.environment ?? run.environment } : {}),
      ...(live?.account?.name ? { account: `${live.account.name}${live.account.grant ? ` (${live.account.grant})` : ''}` } : {}),
      ...(live?.org?.name ? { org: live.org.name } : {}),
    },
    verdict,
    ...(run.error && !run.noSession ? { error: run.error } : {}),
    startedAt: run.startedAt, durationMs: Math.round(run.durationMs),
    ...(live ? { lookups: { calls: live.calls.length, criticalPath: live.criticalPath, ...(fromCache ? { fromCache } : {}) } } : {}),
    items,
    ...(live?.unreachable ? { unreachable: { ...live.unreachable, loopback: isLoopbackHost(live.unreachable.host) } } : {}),
    ...(run.noSession ? { noSession: noSessionView(run.noSession) } : {}),
    ...(note ? { sessionNote: note } : {}),
  };
  return { view: redactDeep(view, o.secrets), findings: index };
}

const LIVE_IDS = CHECKLIST_IDS.filter((id) => id !== 'payload');

/** Loopback: the sandbox org (or another local stand-in) that may simply not be running. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '::1';
}

/** The one line that says which session ran the checks, when the request's host did not decide it. */
export function sessionNote(run: DoctorRun): RunView['sessionNote'] {
  const s = run.session;
  if (!s || s.basis === 'host') return undefined;
  const who = `${s.environment}${s.account ? ` (${s.account})` : ''}`;
  if (s.basis === 'explicit') {
    return { kind: 'explicit', text: `Checked against ${who} at your request${s.targetHost ? `; the request targets ${s.targetHost}` : ''}.` };
  }
  return {
    kind: 'hostless',
    text: s.basis === 'hostless-only-session'
      ? `Checked with ${who}: the request names no API host, and this is your only session.`
      : `Checked with ${who}: the request names no API host, so the configured environment (genesysCloud.environment) was used.`,
  };
}

function noSessionView(n: NonNullable<DoctorRun['noSession']>): NonNullable<RunView['noSession']> {
  const envs = n.sessions.map((s) => `${s.environment}${s.account ? ` (${s.account})` : ''}`);
  const signedIn = envs.length ? `you are signed in to ${envs.join(', ')}` : 'you are not signed in';
  const message = n.targetHost ? `This request targets ${n.targetHost}; ${signedIn}.` : `${n.reason} (${signedIn}.)`;
  const actions = n.actions.map((a, index): SessionActionView => {
    if (a.kind === 'sign-in') return { index, kind: a.kind, label: `Sign In to ${a.environment}` };
    if (a.kind === 'run-anyway') return { index, kind: a.kind, label: `Run against ${a.environment} anyway`, title: 'Check the request with this session, although it targets another host' };
    return { index, kind: a.kind, label: 'Select HTTP Environment', ...(a.environments.length ? { title: `Environments: ${a.environments.join(', ')}` } : {}) };
  });
  return { message, actions };
}

/**
 * The shown view once the sessions changed under it (e.g. signed out): the
 * live results and who they were for no longer stand; the offline payload
 * checks still do. Re-run gives fresh ones.
 */
export function outdatedView(v: RunView, reason: string): RunView {
  const items = v.items.map((i) => (i.id === 'payload' ? i : { id: i.id, title: i.title, state: 'skipped' as const, summary: `Not checked: ${reason}`, findings: [] }));
  const { account: _a, org: _o, ...request } = v.request;
  const { lookups: _l, sessionNote: _s, unreachable: _u, noSession: _n, error: _e, ...rest } = v;
  return { ...rest, request, items, verdict: items.some((i) => i.state === 'fail') ? 'fail' : 'unknown', outdated: reason };
}

/** The view of a run that has started: its request, every item pending (shown while the checks run). */
export function pendingView(start: DoctorRunStart, secrets: readonly string[]): RunView {
  const r = start.request;
  return redactDeep<RunView>({
    key: `${start.requestIndex}|${start.uri}`,
    request: {
      file: fileOf(start.uri), index: start.requestIndex, method: r.method, url: r.url,
      ...(r.operationId ? { operationId: r.operationId } : {}), ...(r.operationPath ? { operationPath: r.operationPath } : {}),
    },
    verdict: 'unknown', startedAt: start.startedAt, durationMs: 0,
    items: CHECKLIST_IDS.map((id) => ({ id, title: TITLES[id], state: 'pending', summary: 'Checking…', findings: [] })),
  }, secrets);
}

/** A run without a live result, for the core's partial markdown report. */
export function diagnosisOfRun(run: DoctorRun): PartialDiagnosis {
  return {
    operation: { ...(run.request.operationId ? { id: run.request.operationId } : {}), method: run.request.method, path: run.request.operationPath ?? run.request.url },
    liveError: run.noSession?.reason ?? run.error ?? 'the live checks did not run.',
    ...(run.environment ? { environment: run.environment } : {}),
    findings: run.offline,
  };
}

/** A view restored after a reload (no run behind it): its checklist and findings, already redacted. */
export function diagnosisOfView(v: RunView): PartialDiagnosis {
  const live = v.items.filter((i) => i.id !== 'payload');
  const liveError = v.outdated ?? (v.unreachable ? `could not reach ${v.unreachable.host}: ${v.unreachable.message}` : undefined) ?? v.noSession?.message ?? v.error;
  return {
    operation: { ...(v.request.operationId ? { id: v.request.operationId } : {}), method: v.request.method, path: v.request.operationPath ?? v.request.url },
    ...(liveError ? { liveError } : {}),
    ...(v.request.environment ? { environment: v.request.environment } : {}),
    ...(v.request.account ? { account: v.request.account } : {}), ...(v.request.org ? { org: v.request.org } : {}),
    verdict: v.verdict,
    checks: live.map((i) => ({ title: i.title, state: i.state, summary: i.summary, ...(i.durationMs !== undefined ? { durationMs: i.durationMs } : {}) })),
    findings: v.items.flatMap((i) => i.findings).map((f) => ({
      rule: f.rule, severity: f.severity, message: f.message, source: f.source,
      evidence: f.evidence.map(({ cached, ...e }) => ({ ...e, ...(cached ? { cached: true as const, ageMs: cached.ageMs } : {}) })),
    })),
    ...(v.outdated ? {} : { note: `results of the run at ${new Date(v.startedAt).toISOString()}, restored from the saved panel; re-run for fresh results.` }),
  };
}

const fileOf = (uri: string) => decodeURIComponent(uri.split(/[\\/]/).pop() ?? uri);

type ItemFn = (id: ChecklistId, state: ItemState, summary: string, findings: Finding[], durationMs?: number) => ChecklistItemView;

function liveItems(r: DoctorResult, item: ItemFn): ChecklistItemView[] {
  const by = (id: CheckResult['id']) => r.checks.find((c) => c.id === id);
  const out: ChecklistItemView[] = [];
  // "User context": the token's grant (a user behind it?) and any user the request names.
  const userChecks = [by('grant'), by('user')].filter((c): c is CheckResult => !!c);
  if (userChecks.length) {
    const worst = userChecks.reduce((a, b) => (RANK[b.state] > RANK[a.state] ? b : a));
    const summary = userChecks.filter((c) => c.state !== 'skipped').map((c) => c.summary).join(' ') || worst.summary;
    out.push(item('user', worst.state, summary, userChecks.flatMap((c) => c.findings), sum(userChecks)));
  } else out.push(item('user', 'unknown', 'The core reported no user-context check.', []));
  for (const id of ['scope', 'permission'] as const) out.push(fromCheck(id, by(id), item));
  out.push(...stationAndEdge(by('station'), item));
  for (const id of ['route', 'queue'] as const) out.push(fromCheck(id, by(id), item));
  return out;
}

function fromCheck(id: ChecklistId, c: CheckResult | undefined, item: ItemFn): ChecklistItemView {
  return c ? item(id, c.state, c.summary, c.findings, c.durationMs) : item(id, 'unknown', 'The core reported no such check.', []);
}

/** The core checks station and Edge in one step; the checklist shows them apart, split by finding rule. */
function stationAndEdge(c: CheckResult | undefined, item: ItemFn): ChecklistItemView[] {
  if (!c) return [item('station', 'unknown', 'The core reported no station check.', []), item('edge', 'unknown', 'The core reported no station check.', [])];
  const edgeFindings = c.findings.filter((f) => f.rule === LIVE_RULES.stationNoEdge);
  const stationFindings = c.findings.filter((f) => f.rule !== LIVE_RULES.stationNoEdge);
  if (c.findings.some((f) => f.rule === LIVE_RULES.stationNone)) {
    return [item('station', c.state, c.summary, stationFindings, c.durationMs), item('edge', 'skipped', 'Not checked: there is no station to look up an Edge for.', [])];
  }
  if (edgeFindings.length) {
    return [item('station', 'pass', 'A station is associated.', stationFindings, c.durationMs), item('edge', c.state, c.summary, edgeFindings, c.durationMs)];
  }
  return [item('station', c.state, c.summary, stationFindings, c.durationMs), item('edge', c.state, c.summary, [], c.durationMs)];
}

function payloadItem(offline: Finding[], item: ItemFn): ChecklistItemView {
  const count = (s: Finding['severity']) => offline.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  const parts = [errors && `${errors} error${errors > 1 ? 's' : ''}`, warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`, infos && `${infos} note${infos > 1 ? 's' : ''}`].filter(Boolean);
  return item('payload', errors ? 'fail' : 'pass', parts.length ? `Offline checks: ${parts.join(', ')}.` : 'Offline checks found no problem in the request.', offline);
}

const sum = (cs: CheckResult[]) => cs.reduce((t, c) => t + c.durationMs, 0);

export function explanationView(e: Explanation, secrets: readonly string[]): ExplanationView {
  const view: ExplanationView = {
    ...(e.status !== undefined ? { status: e.status } : {}), ...(e.code ? { code: e.code } : {}), ...(e.message ? { message: e.message } : {}),
    known: e.known, cause: e.cause, fix: e.fix, permissions: [...e.permissions],
    ...(e.permissionsType ? { permissionsType: e.permissionsType } : {}), ...(e.correlationId ? { correlationId: e.correlationId } : {}),
    ...(e.retryAfterSeconds !== undefined ? { retryAfterSeconds: e.retryAfterSeconds } : {}), ...(e.rule ? { rule: e.rule } : {}),
    folklore: e.folklore.map((f) => `${f.name}: ${f.why}`),
    source: { ref: e.source.ref, verified: e.source.verified },
  };
  return redactDeep(view, secrets);
}

/** A copy with every string redacted (known secrets by value, credentials by shape). */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T;
  }
  return value;
}
