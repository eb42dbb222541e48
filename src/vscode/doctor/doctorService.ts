// The Call Doctor for one request of an editor document: the offline findings
// of that request plus the core's live checks (runDoctor, read-only) against
// the signed-in session, under a cancellable progress indicator. Results are
// cached per (session, document version, request) and re-run when the
// sessions change, so whatever shows them (panel, diagnostics) stays current.
import * as vscode from 'vscode';
import type { Session } from '../../core/auth';
import { parseEnvironment } from '../../core/env';
import { SessionCaches } from '../../core/http';
import { Cancelled } from '../../core/http';
import type { RawOutcome } from '../../core/http';
import { checkRequest, chooseSession, isNoSession, summarizeSession, unresolvedHostVariables, type CheckOutcome } from '../../core/pipeline';
import { systemClock, type LogPort } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import type { GenesysAuthProvider } from '../auth/provider';
import { Disposer } from '../disposer';
import type { DoctorRequestSummary, DoctorRun, DoctorRunStart } from './doctorTypes';
import { fetchHttp } from '../ports';

export type { DoctorRun, DoctorRunStart } from './doctorTypes';

export interface DoctorRunOptions {
  /**
   * The user explicitly chose this session ("Run against … anyway"): it runs even
   * when it does not serve the request's host, and the run says so. Otherwise the
   * core's rule (chooseSession) picks the session serving the request's host.
   */
  session?: Session;
  /** Progress in the status bar instead of a notification (runs the user did not ask for). */
  background?: boolean;
  /** Ignore a cached result and ask the API again (an explicit run: no cached lookups either). */
  force?: boolean;
  /** The user asked for this run (command, CodeLens, Re-run): the panel switches to its request. */
  userStarted?: boolean;
}

const slot = (uri: string, index: number) => `${index}|${uri}`;

export class DoctorService extends Disposer {
  private readonly emitter = new vscode.EventEmitter<DoctorRun>();
  /** Fires after every run (cached or not), including runs that could not reach the API (error set). */
  readonly onDidRun = this.emitter.event;
  private readonly starting = new vscode.EventEmitter<DoctorRunStart>();
  /** Fires when a run starts (for every run that will fire onDidRun), so views can show it pending. */
  readonly onWillRun = this.starting.event;
  /** Completed live runs, one per (document, request); valid while session id and version match. */
  private readonly cached = new Map<string, DoctorRun>();
  /** The latest run per (document, request), whatever its outcome. */
  private readonly latest = new Map<string, DoctorRun>();
  /** The core's GET lookup cache, per session (ids change on every sign-in). */
  private readonly lookups = new SessionCaches<RawOutcome>(systemClock);

  constructor(private readonly analysis: AnalysisService, private readonly auth: GenesysAuthProvider, private readonly log: LogPort) {
    super();
    this.subscriptions.push(
      this.emitter, this.starting,
      auth.onDidChangeSessions((e) => {
        for (const s of [...e.removed ?? [], ...e.changed ?? []]) this.lookups.forget(s.id);
        this.cached.clear();
        void this.rerunShown();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        for (const [key, run] of this.cached) if (run.uri === d.uri.toString()) this.cached.delete(key);
      }),
    );
  }

  /** The latest run for a request of a document, if any. */
  last(uri: vscode.Uri | string, requestIndex: number): DoctorRun | undefined {
    return this.latest.get(slot(uri.toString(), requestIndex));
  }

  /**
   * Runs the Call Doctor for request `requestIndex` of `document`. Rejects only
   * when the document holds no such request; every other failure (not signed
   * in, unknown operation, cancelled, network) is a DoctorRun with `error`.
   */
  async run(document: vscode.TextDocument, requestIndex: number, token?: vscode.CancellationToken, options: DoctorRunOptions = {}): Promise<DoctorRun> {
    const startedAt = Date.now();
    const t0 = performance.now();
    const version = document.version;
    const analysis = await this.analysis.analyze(document);
    if (!analysis) throw new Error(`${document.uri.path.split('/').pop()} is no .http/.rest file or JSON payload the Call Doctor can check.`);
    const req = analysis.parsed.requests[requestIndex];
    if (!req) throw new Error(`This document has no request ${requestIndex + 1} (it has ${analysis.parsed.requests.length}).`);

    const request: DoctorRequestSummary = { method: req.method, url: req.url, rawUrl: req.rawUrl };
    const op = analysis.result.requests.find((r) => r.index === requestIndex)?.operation;
    if (op) Object.assign(request, { operationId: op.id, operationPath: op.path });
    const userStarted = options.userStarted === true;
    const base = {
      uri: document.uri.toString(), requestIndex, version, request, offline: analysis.result.findings.filter((f) => f.request === requestIndex), startedAt,
      ...(userStarted ? { userStarted } : {}),
    };
    const done = (rest: Partial<DoctorRun>): DoctorRun => this.publish({ ...base, ...rest, durationMs: performance.now() - t0 });

    const sessions = await this.auth.sessions();
    const hit = this.cached.get(slot(base.uri, requestIndex));
    if (!options.force && !options.session && hit?.session && hit.version === version && sessions.some((s) => s.id === hit.session!.id)) {
      const { userStarted: _was, ...cached } = hit;
      return this.publish(base.userStarted ? { ...cached, userStarted: true } : cached);
    }

    this.starting.fire({ uri: base.uri, requestIndex, request, userStarted, startedAt });
    const abort = new AbortController();
    const subs = [token?.onCancellationRequested(() => abort.abort())];
    if (token?.isCancellationRequested) abort.abort();
    try {
      const outcome = await this.withProgress(options, abort, () => checkRequest(analysis.core, requestIndex, {
        sessions, explicitSession: options.session, configuredEnvironment: this.configuredEnvironment(),
        ports: { http: fetchHttp, clock: systemClock, log: this.log }, cacheFor: (id) => this.lookups.for(id),
        fresh: options.force === true, signal: abort.signal,
      }), analysis.core.parsed.requests[requestIndex]?.url);
      const run = done(runFields(outcome));
      if (run.session && !run.error && document.version === version) this.cached.set(slot(base.uri, requestIndex), run);
      return run;
    } catch (err) {
      if (token?.isCancellationRequested || abort.signal.aborted || err instanceof Cancelled || isAbort(err)) {
        return done({ cancelled: true, error: 'The Call Doctor run was cancelled.' });
      }
      // Whoever showed the run as pending must hear how it ended.
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(`Call Doctor run failed: ${message}`);
      return done({ error: `The Call Doctor could not finish: ${message}` });
    } finally {
      subs.forEach((s) => s?.dispose());
    }
  }

  /** Runs `work` under a cancellable progress indicator (the status bar for runs the user did not ask for). */
  private withProgress<T>(options: DoctorRunOptions, abort: AbortController, work: () => Promise<T>, url: string | undefined): Thenable<T> {
    const title = `Call Doctor: checking ${url || 'the request'}`;
    return vscode.window.withProgress({
      location: options.background ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification, title, cancellable: true,
    }, (_progress, progressToken) => {
      const sub = progressToken.onCancellationRequested(() => abort.abort());
      return work().finally(() => sub.dispose());
    });
  }

  /** The configured environment's canonical name (setting genesysCloud.environment), for requests that name no host. */
  private configuredEnvironment(): string | undefined {
    const configured = vscode.workspace.getConfiguration('genesysCloud').get<string>('environment');
    try { return configured ? parseEnvironment(configured).name : undefined; } catch { return undefined; }
  }

  /**
   * The session the core's rule would check a request to `url` with, without
   * asking (hovers' access marks, live-on-save). Undefined when no session
   * serves it; with no URL, whether any session exists at all.
   */
  async sessionFor(url?: string): Promise<Session | undefined> {
    const sessions = await this.auth.sessions();
    if (url === undefined) return sessions[0];
    const choice = chooseSession({ url, unresolvedHostVariables: unresolvedHostVariables(url), httpEnvironments: [] }, sessions,
      { configuredEnvironment: this.configuredEnvironment() });
    return isNoSession(choice) ? undefined : choice.session;
  }

  private publish(run: DoctorRun): DoctorRun {
    this.latest.set(slot(run.uri, run.requestIndex), run);
    this.emitter.fire(run);
    return run;
  }

  /** After a sign-in or sign-out, re-checks what is shown: runs of documents visible in an editor (the new session may see otherwise). */
  private async rerunShown(): Promise<void> {
    for (const run of [...this.latest.values()]) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === run.uri);
      if (!doc) { this.latest.delete(slot(run.uri, run.requestIndex)); continue; }
      if (!vscode.window.visibleTextEditors.some((e) => e.document === doc)) continue;
      await this.run(doc, run.requestIndex, undefined, { background: true }).catch((err) =>
        this.log.warn(`re-running the Call Doctor for ${run.uri} failed: ${err instanceof Error ? err.message : String(err)}`));
    }
  }
}

/** The DoctorRun fields of a core check outcome. */
function runFields(o: CheckOutcome): Partial<DoctorRun> {
  const notes = o.notes.length ? { notes: o.notes } : {};
  if (o.status === 'not-checkable') return { error: o.message, ...notes };
  if (o.status === 'no-session') {
    return { error: o.noSession.reason, noSession: o.noSession, offline: o.offline, ...notes };
  }
  const s = o.choice.session;
  return {
    ...notes, offline: o.offline, environment: s.environment.name, sessionId: s.id, live: o.result, liveInFile: o.live,
    session: { ...summarizeSession(s), basis: o.choice.basis, ...(o.choice.targetHost ? { targetHost: o.choice.targetHost } : {}) },
  };
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}
