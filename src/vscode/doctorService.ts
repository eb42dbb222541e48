// The Call Doctor for one request of an editor document: the offline findings
// of that request plus the core's live checks (runDoctor, read-only) against
// the signed-in session, under a cancellable progress indicator. Results are
// cached per (session, document version, request) and re-run when the
// sessions change, so whatever shows them (panel, diagnostics) stays current.
import * as vscode from 'vscode';
import type { Session } from '../core/auth';
import { parseEnvironment } from '../core/env/environment';
import { SessionCaches } from '../core/http/cache';
import { Cancelled } from '../core/http/retry';
import type { RawOutcome } from '../core/http/api';
import { runDoctor } from '../core/live';
import { placeLiveFindings, targetOf } from '../core/live/fromRequest';
import { systemClock, type LogPort } from '../core/ports';
import type { ParsedDocument } from '../core/sources/types';
import type { AnalysisService } from './analysis';
import type { GenesysAuthProvider } from './auth/provider';
import { Disposer } from './disposer';
import type { DoctorRequestSummary, DoctorRun, DoctorRunStart } from './doctorTypes';
import { originOf } from './origin';
import { fetchHttp } from './ports';

export type { DoctorRun, DoctorRunStart } from './doctorTypes';

export interface DoctorRunOptions {
  /** Run with this session (else the one for the request's environment, see sessionFor). */
  session?: Session;
  /** Progress in the status bar instead of a notification (runs the user did not ask for). */
  background?: boolean;
  /** Ignore a cached result. */
  force?: boolean;
  /** The user asked for this run (command, CodeLens, Re-run): the panel switches to its request. */
  userStarted?: boolean;
}

export const NOT_SIGNED_IN = 'Not signed in to Genesys Cloud: sign in to run the live checks (they only send GET requests).';

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

    const target = targetOf(analysis.parsed, req, this.analysis.catalog());
    const request: DoctorRequestSummary = { method: req.method, url: req.url, rawUrl: req.rawUrl };
    if (!('error' in target)) Object.assign(request, { operationId: target.operation.id, operationPath: target.operation.path });
    const userStarted = options.userStarted === true;
    const base = {
      uri: document.uri.toString(), requestIndex, version, request, offline: analysis.result.findings.filter((f) => f.request === requestIndex), startedAt,
      ...(userStarted ? { userStarted } : {}),
    };
    const done = (rest: Partial<DoctorRun>): DoctorRun => this.publish({ ...base, ...rest, durationMs: performance.now() - t0 });

    this.starting.fire({ uri: base.uri, requestIndex, request, userStarted, startedAt });
    try {
      return await this.check(document, analysis.parsed, target, base, done, token, options);
    } catch (err) {
      // Whoever showed the run as pending must hear how it ended.
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(`Call Doctor run failed: ${message}`);
      return done({ error: `The Call Doctor could not finish: ${message}` });
    }
  }

  private async check(document: vscode.TextDocument, parsed: ParsedDocument, target: ReturnType<typeof targetOf>, base: Pick<DoctorRun, 'uri' | 'requestIndex' | 'version'> & Partial<DoctorRun>,
    done: (rest: Partial<DoctorRun>) => DoctorRun, token: vscode.CancellationToken | undefined, options: DoctorRunOptions): Promise<DoctorRun> {
    const { requestIndex, version } = base;
    const req = parsed.requests[requestIndex];
    if ('error' in target) return done({ error: `The live checks cannot run: ${target.error}` });
    const session = options.session ?? await this.sessionFor(req.url);
    if (!session) {
      const signedIn = (await this.auth.sessions()).length > 0;
      return done({ error: signedIn ? `No signed-in session for ${originOf(req.url)}: sign in to that environment to run the live checks for this request.` : NOT_SIGNED_IN });
    }
    const who = { environment: session.environment.name, sessionId: session.id };

    const hit = this.cached.get(slot(base.uri, requestIndex));
    if (!options.force && hit && hit.sessionId === session.id && hit.version === version) {
      const { userStarted: _was, ...cached } = hit;
      return this.publish(base.userStarted ? { ...cached, userStarted: true } : cached);
    }

    const title = `Call Doctor: checking ${target.operation.method} ${target.operation.path} on ${session.environment.name}`;
    try {
      const live = await vscode.window.withProgress({
        location: options.background ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification, title, cancellable: true,
      }, (_progress, progressToken) => {
        const abort = new AbortController();
        const cancel = () => abort.abort();
        const subs = [progressToken.onCancellationRequested(cancel), token?.onCancellationRequested(cancel)];
        if (token?.isCancellationRequested) cancel();
        return runDoctor({
          operation: target.operation, body: target.body, pathParams: target.pathParams,
          accessToken: session.accessToken, environment: session.environment, catalog: this.analysis.catalog(),
          ports: { http: fetchHttp, clock: systemClock, log: this.log }, cache: this.lookups.for(session.id), signal: abort.signal,
        }).finally(() => subs.forEach((s) => s?.dispose()));
      });
      const run = done({ ...who, live, liveInFile: placeLiveFindings(parsed, target, live.findings) });
      if (document.version === version) this.cached.set(slot(base.uri, requestIndex), run);
      return run;
    } catch (err) {
      if (token?.isCancellationRequested || err instanceof Cancelled || isAbort(err)) {
        return done({ ...who, cancelled: true, error: 'The Call Doctor run was cancelled.' });
      }
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(`Call Doctor run failed: ${message}`);
      return done({ ...who, error: `The Call Doctor could not finish: ${message}` });
    }
  }

  /**
   * The session to check a request with, without asking: for an absolute URL
   * only the session whose API host it targets (another org's token would give
   * another org's verdict); for a relative or unresolved URL the configured
   * environment's, else the first. Undefined when signed out.
   */
  async sessionFor(url?: string): Promise<Session | undefined> {
    const sessions = await this.auth.sessions();
    if (originOf(url)) return sessionByHost(sessions, url);
    const configured = vscode.workspace.getConfiguration('genesysCloud').get<string>('environment');
    let preferred: string | undefined;
    try { preferred = configured ? parseEnvironment(configured).name : undefined; } catch { preferred = undefined; }
    return sessions.find((s) => s.environment.name === preferred) ?? sessions[0];
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

/** The session whose API host the URL names, if any. */
export function sessionByHost(sessions: readonly Session[], url: string | undefined): Session | undefined {
  const origin = originOf(url);
  return origin ? sessions.find((s) => originOf(s.environment.apiBaseUrl) === origin) : undefined;
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}
