// The one check step: a request of an analysed document -> the session that
// may check it (session.ts), the live checks (runDoctor, read-only unless the
// user explicitly sends) and their findings placed in the file. The CLI's
// `check`, the editor's Run / CodeLens / Re-run / live-on-save and the demo
// all call checkRequest; front ends only adapt input and output.
import type { Session } from '../auth/session';
import type { RawOutcome } from '../http/api';
import type { LookupCache } from '../http/cache';
import { runDoctor } from '../live/engine';
import { placeLiveFindings, sendableRequest, targetOf, type DoctorTarget } from '../live/fromRequest';
import type { DoctorResult } from '../live/types';
import type { Clock, HttpPort, LogPort } from '../ports';
import type { ParsedRequest } from '../sources/types';
import type { Finding } from '../types';
import { analyzeDocument, type DocumentAnalysis } from './analyze';
import { chooseSession, isNoSession, sessionServing, type NoSession, type SessionChoice, type SessionTarget } from './session';

export interface CheckRequestOptions {
  /** Every signed-in session (the rule picks the one serving the request's host). */
  sessions: readonly Session[];
  /** The user explicitly chose this session for this run ("Run against … anyway", `check --run-anyway`). */
  explicitSession?: Session;
  /** Canonical name of the configured environment (setting, --env, GENESYS_CLOUD_ENVIRONMENT), for requests that name no host. */
  configuredEnvironment?: string;
  ports: { http: HttpPort; clock: Clock; log: LogPort };
  /** The session's lookup cache (SessionCaches.for(id)); none: every lookup is sent. */
  cacheFor?: (sessionId: string) => LookupCache<RawOutcome> | undefined;
  /** An explicit run: ask the API again instead of reusing cached lookups. */
  fresh?: boolean;
  /** Explicit opt-in: also send the request itself, once, and explain the answer. */
  send?: boolean;
  lookupToken?: { accessToken: string; label: string };
  signal?: AbortSignal;
}

interface Common {
  request: ParsedRequest;
  /** The analysis the verdict rests on (re-analysed when an HTTP environment had to be chosen). */
  analysis: DocumentAnalysis;
  /** Offline findings of this request. */
  offline: Finding[];
  /** Things the user should know about this run (skipped checks, the HTTP environment chosen). */
  notes: string[];
}

export type CheckOutcome = Common & (
  | { status: 'checked'; target: DoctorTarget; choice: SessionChoice; result: DoctorResult; live: Finding[] }
  | { status: 'no-session'; target: DoctorTarget; noSession: NoSession }
  | { status: 'not-checkable'; message: string }
);

export async function checkRequest(analysis: DocumentAnalysis, requestIndex: number, o: CheckRequestOptions): Promise<CheckOutcome> {
  let current = analysis;
  let req = current.parsed.requests[requestIndex];
  if (!req) throw new RangeError(`the document has no request ${requestIndex + 1} (it has ${current.parsed.requests.length}).`);
  const notes: string[] = [];

  // {{baseUrl}} not defined by any selected environment: when exactly one of the
  // document's HTTP environments points the request at a signed-in environment, use it.
  if (!o.explicitSession && !current.context.httpEnvironment && unresolvedHostVariables(req.url).length) {
    const picked = await pickHttpEnvironment(current, requestIndex, o.sessions);
    if (picked) {
      current = picked.analysis;
      req = current.parsed.requests[requestIndex];
      notes.push(`Used HTTP environment "${picked.name}": the only one of this file's environments whose host is a signed-in environment.`);
    }
  }
  const common = (): Common => ({ request: req, analysis: current, offline: current.lint.findings.filter((f) => f.request === requestIndex), notes });

  const catalog = current.context.catalog;
  const target = targetOf(current.parsed, req, catalog);
  if ('error' in target) return { ...common(), status: 'not-checkable', message: `The live checks cannot run: ${target.error}` };

  const sessionTarget: SessionTarget = {
    url: req.url, unresolvedHostVariables: unresolvedHostVariables(req.url), httpEnvironments: current.parsed.environments ?? [],
  };
  const choice = chooseSession(sessionTarget, o.sessions, { explicit: o.explicitSession, configuredEnvironment: o.configuredEnvironment });
  if (isNoSession(choice)) return { ...common(), status: 'no-session', target, noSession: choice };

  const send = o.send ? sendableRequest(req) : undefined;
  if (send && 'error' in send) return { ...common(), status: 'not-checkable', message: send.error };
  const session = choice.session;
  const result = await runDoctor({
    operation: target.operation, body: target.body, pathParams: target.pathParams,
    accessToken: session.accessToken, environment: session.environment, catalog,
    ports: o.ports, signal: o.signal, cache: o.cacheFor?.(session.id), fresh: o.fresh, send, lookupToken: o.lookupToken,
  });
  for (const name of target.unresolved) {
    notes.push(`{${name}} is an unresolved variable, so the checks that need it were skipped (choose an HTTP environment that defines it).`);
  }
  return { ...common(), status: 'checked', target, choice, result, live: placeLiveFindings(current.parsed, target, result.findings) };
}

/** Names of unresolved {{variables}} in the scheme/host part of a URL ({{baseUrl}}/api/v2/... -> ['baseUrl']). */
export function unresolvedHostVariables(url: string): string[] {
  if (/^https?:\/\/[^/{]*(\/|$)/i.test(url)) return [];
  const hostPart = /^(?:[a-z]+:\/\/)?[^/]*/i.exec(url)?.[0] ?? '';
  return [...hostPart.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1]);
}

async function pickHttpEnvironment(analysis: DocumentAnalysis, index: number, sessions: readonly Session[]): Promise<{ name: string; analysis: DocumentAnalysis } | undefined> {
  const names = analysis.parsed.environments ?? [];
  if (!names.length || !sessions.length) return undefined;
  const serving: { name: string; analysis: DocumentAnalysis }[] = [];
  for (const name of names) {
    const again = await analyzeDocument(analysis.doc, { ...analysis.context, httpEnvironment: name });
    const url = again.parsed.requests[index]?.url;
    if (sessionServing(sessions, url)) serving.push({ name, analysis: again });
  }
  return serving.length === 1 ? serving[0] : undefined;
}
