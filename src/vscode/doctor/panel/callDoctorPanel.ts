// The Call Doctor webview panel (host side): one panel, reused. It shows the
// latest run the DoctorService emitted, answers the webview's requests
// (re-run, explain, apply fix, open docs, copy report, the actions of the
// "could not reach" and "no session" states) and survives reloads through a
// WebviewPanelSerializer. The webview only ever receives the redacted view
// model (viewModel.ts); posts wait for its `ready`. When the sessions change
// under a shown run (sign-out), its live results are marked outdated.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Session } from '../../../core/auth';
import { explainError } from '../../../core/explain';
import { redactText } from '../../../core/http';
import type { LogPort } from '../../../core';
import { renderMarkdown, renderPartialMarkdown } from '../../../core/report';
import {
  answer, isPanelState, isWebviewMessage, OPEN_FACTS_COMMAND, PostQueue, type ExplanationView, type HostMessage, type HostNotifications,
  type PanelState, type RequestHandlers, type RunView, type WebviewMessage,
} from '../../../shared/protocol';
import { SIGN_IN_COMMAND } from '../../auth/accountCommands';
import { toWorkspaceEdit } from '../../diagnostics/convert';
import { Disposer } from '../../disposer';
import { newNonce, renderDoctorHtml } from './doctorHtml';
import type { DoctorRunOptions, DoctorService } from '../doctorService';
import type { DoctorRun, DoctorRunStart } from '../doctorTypes';
import { START_SANDBOX_COMMAND } from '../../environment/sandboxCommand';
import { buildRunView, diagnosisOfRun, diagnosisOfView, explanationView, outdatedView, pendingView, type FindingIndex } from './viewModel';

export const CALL_DOCTOR_VIEW_TYPE = 'genesysCloud.callDoctor';

/** What tests may read (only recorded outside ExtensionMode.Production). */
export interface PanelInspection {
  view(): RunView | undefined;
  html(): string | undefined;
  readonly posted: HostMessage[];
  readonly received: WebviewMessage[];
  /** Feeds a message through the same path as webview.onDidReceiveMessage. */
  receive(m: unknown): Promise<void>;
  revive(panel: vscode.WebviewPanel, state: unknown): void;
  isOpen(): boolean;
}

type Doctor = Pick<DoctorService, 'run' | 'onDidRun' | 'onWillRun'>;
/** The signed-in sessions (GenesysAuthProvider): tokens to redact, sessions to run against, and their changes. */
export interface PanelSessions { sessions(): Promise<Session[]>; readonly onDidChangeSessions: vscode.Event<unknown> }

const SELECT_HTTP_ENVIRONMENT_COMMAND = 'genesysCloud.selectHttpEnvironment';

export class CallDoctorPanel extends Disposer {
  private panel: vscode.WebviewPanel | undefined;
  private readonly queue = new PostQueue((m) => this.send(m));
  private run: DoctorRun | undefined;
  private view: RunView | undefined;
  private findings: FindingIndex = new Map();
  private explanation: ExplanationView | undefined;
  private running = false;
  private runSeq = 0;
  /** The view update of the latest emitted run (a re-run answers only after its state was posted). */
  private settled: Promise<void> = Promise.resolve();
  private readonly docs = new Map<string, boolean>();
  private readonly record: { posted: HostMessage[]; received: WebviewMessage[] } | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly doctor: Doctor,
    private readonly auth: PanelSessions, private readonly log: LogPort, recordForTests = false) {
    super();
    this.record = recordForTests ? { posted: [], received: [] } : undefined;
    this.subscriptions.push(
      // In order: a run's pending state is posted before its result.
      doctor.onWillRun((start) => { this.settled = this.settled.then(() => this.setPending(start)).catch((e) => this.failed(e)); }),
      doctor.onDidRun((run) => { this.settled = this.settled.then(() => this.setRun(run)).catch((e) => this.failed(e)); }),
      // Queued like runs, so a re-run the change triggers lands after the outdated mark, not under it.
      auth.onDidChangeSessions(() => { this.settled = this.settled.then(() => this.sessionsChanged()).catch((e) => this.failed(e)); }),
      vscode.window.registerWebviewPanelSerializer(CALL_DOCTOR_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => this.revive(panel, state) }),
      { dispose: () => this.panel?.dispose() },
    );
  }

  /** Opens (or reveals) the panel with the latest run. */
  show(preserveFocus = false): void {
    if (this.panel) { this.panel.reveal(undefined, preserveFocus); return; }
    const panel = vscode.window.createWebviewPanel(CALL_DOCTOR_VIEW_TYPE, 'Call Doctor', { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, this.options());
    this.adopt(panel);
  }

  /** After a reload: the webview's saved view model comes back (it never held a token). */
  revive(panel: vscode.WebviewPanel, state: unknown): void {
    const saved: PanelState = isPanelState(state) ? state : {};
    // What that panel showed comes back; its findings can no longer be fixed from here (no run behind them).
    if (saved.view && saved.view.key !== this.view?.key) { this.view = saved.view; this.findings = new Map(); }
    if (!this.explanation && saved.explanation) this.explanation = saved.explanation;
    this.panel?.dispose();
    panel.webview.options = this.options();
    this.adopt(panel);
  }

  /** Explains an error body, shows the answer in the panel and returns it. */
  async explain(text: string): Promise<ExplanationView> {
    this.explanation = explanationView(explainError(text), await this.secrets());
    this.notify('explanation', { explanation: this.explanation });
    return this.explanation;
  }

  /**
   * The redacted markdown report of what the panel shows (core renderMarkdown): the
   * live result, else the offline findings and why the live checks did not run,
   * else (a view restored after a reload) the saved checklist.
   */
  async report(): Promise<string> {
    const view = this.view;
    if (!view) throw new Error('No Call Doctor result yet: run the Call Doctor on a request first.');
    // An outdated view's run no longer stands: the report says what the view says.
    const run = view.outdated ? undefined : this.shownRun();
    if (!run && view.items.some((i) => i.state === 'pending')) throw new Error('The Call Doctor is still checking this request: copy the report when it has finished.');
    const secrets = await this.secrets();
    const request = { index: view.request.index, method: view.request.method, url: view.request.url };
    const session = view.sessionNote?.text;
    if (run?.live) return renderMarkdown(run.live, { file: view.request.file, request, offline: run.offline, secrets, ...(session ? { session } : {}) });
    return renderPartialMarkdown(run ? diagnosisOfRun(run) : diagnosisOfView(view), { file: view.request.file, request, secrets, ...(session ? { session } : {}) });
  }

  get inspection(): PanelInspection | undefined {
    const rec = this.record;
    if (!rec) return undefined;
    return {
      view: () => this.view, html: () => this.panel?.webview.html, posted: rec.posted, received: rec.received,
      receive: (m) => this.receive(m), revive: (p, s) => this.revive(p, s), isOpen: () => !!this.panel,
    };
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true, enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    const w = panel.webview;
    const subs = [
      w.onDidReceiveMessage((m) => { if (this.panel === panel) void this.receive(m); }),
      // A hidden webview is torn down (no retainContextWhenHidden): queue until its new document is ready.
      panel.onDidChangeViewState(() => { if (!panel.visible && this.panel === panel) this.queue.reset(); }),
    ];
    subs.push(panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      subs.forEach((d) => d.dispose());
    }));
    const asUri = (...p: string[]) => w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p)).toString();
    this.queue.reset();
    w.html = renderDoctorHtml({
      nonce: newNonce(), cspSource: w.cspSource,
      scriptUri: asUri('dist', 'webview.js'), styleUri: asUri('media', 'webview.css'), codiconsUri: asUri('dist', 'codicons', 'codicon.css'),
    });
    this.updateTitle();
    this.postSnapshot();
  }

  /**
   * Whether the panel follows a run of request `key`: the one it shows, any when it
   * shows none, and the user's own runs (command, CodeLens), which switch it.
   */
  private follows(key: string, userStarted: boolean | undefined): boolean {
    return !this.view || this.view.key === key || userStarted === true;
  }

  /** A run started: its items go pending (for another request the user asked for, with that request's view). */
  private async setPending(start: DoctorRunStart): Promise<void> {
    const key = `${start.requestIndex}|${start.uri}`;
    if (!this.follows(key, start.userStarted)) return;
    if (this.view?.key !== key) {
      const secrets = await this.secrets();
      ++this.runSeq;
      this.run = undefined;
      this.findings = new Map();
      this.view = pendingView(start, secrets);
      this.notify('state', { view: this.view });
    }
    this.running = true;
    this.updateTitle();
    this.notify('running', { running: true });
  }

  private failed(err: unknown): void {
    this.log.error(`Call Doctor panel: could not show a run: ${err instanceof Error ? err.message : String(err)}`);
  }

  private async setRun(run: DoctorRun): Promise<void> {
    if (!this.follows(`${run.requestIndex}|${run.uri}`, run.userStarted)) return;
    const seq = ++this.runSeq;
    const secrets = await this.secrets();
    if (seq !== this.runSeq) return; // a newer run arrived meanwhile
    const built = buildRunView(run, { secrets, hasDocs: (r) => this.hasDocs(r) });
    this.run = run;
    this.view = built.view;
    this.findings = built.findings;
    this.running = false;
    this.updateTitle();
    this.notify('state', { view: this.view });
    this.notify('running', { running: false });
  }

  /** The run behind the shown view, if the view is of a run in this session (not restored, not pending another). */
  private shownRun(): DoctorRun | undefined {
    return this.run && this.view?.key === `${this.run.requestIndex}|${this.run.uri}` ? this.run : undefined;
  }

  private async secrets(): Promise<string[]> {
    return (await this.auth.sessions()).flatMap((s) => [s.accessToken, s.refreshToken ?? '']).filter(Boolean);
  }

  /** After a sign-in or sign-out: a shown run whose session is gone (or whose "no session" actions no longer fit) is outdated. */
  private async sessionsChanged(): Promise<void> {
    const view = this.view;
    if (!view || view.outdated || view.items.some((i) => i.state === 'pending')) return;
    const run = this.shownRun();
    const sessions = await this.auth.sessions();
    if (this.view !== view) return;
    const reason = outdatedReason(view, run, sessions);
    if (!reason) return;
    this.view = outdatedView(view, reason);
    this.updateTitle();
    this.notify('state', { view: this.view });
  }

  private postSnapshot(): void {
    this.notify('state', { view: this.view ?? null });
    this.notify('running', { running: this.running });
    if (this.explanation) this.notify('explanation', { explanation: this.explanation });
  }

  private updateTitle(): void {
    const v = this.view;
    const state = !v ? undefined : v.outdated ? 'OUTDATED' : v.noSession ? 'NOT CHECKED' : v.verdict.toUpperCase();
    if (this.panel) this.panel.title = this.running ? 'Call Doctor (checking…)' : state ? `Call Doctor: ${state}` : 'Call Doctor';
  }

  private notify<N extends keyof HostNotifications>(method: N, params: HostNotifications[N]): void {
    this.queue.post({ type: 'notify', method, params } as HostMessage);
  }

  private send(m: HostMessage): void {
    this.record?.posted.push(m);
    void this.panel?.webview.postMessage(m);
  }

  private async receive(m: unknown): Promise<void> {
    if (!isWebviewMessage(m)) { this.log.warn('Call Doctor panel: ignored a malformed message from the webview.'); return; }
    this.record?.received.push(m);
    if (m.type === 'notify') {
      // A (re)loaded document: what waited is superseded by the full current state, then posts flow directly.
      if (m.method === 'ready') { this.queue.reset(); this.postSnapshot(); this.queue.ready(); }
      return;
    }
    this.queue.post(await answer(m, this.handlers));
  }

  private readonly handlers: RequestHandlers = {
    // Re-run and Retry: no session passed, so the DoctorService chooses by the same rule as any run.
    rerun: () => this.rerunShown({ force: true, userStarted: true }),
    explain: async ({ text }) => {
      this.explanation = explanationView(explainError(text), await this.secrets());
      return this.explanation;
    },
    applyFix: async ({ findingKey, fixIndex }) => {
      const f = this.findings.get(findingKey);
      const fix = f?.fixes[fixIndex];
      if (!this.run || !f || !fix) throw new Error('That fix is no longer available: re-run the Call Doctor.');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.run.uri));
      if (doc.version !== this.run.version) return { applied: false, detail: 'The document changed since this run: re-run the Call Doctor, then apply the fix.' };
      const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(doc.uri, fix.edits));
      return { applied, detail: applied ? `Applied: ${fix.title}` : `VS Code did not apply "${fix.title}".` };
    },
    openDocs: async ({ rule }) => {
      if (!this.hasDocs(rule)) return { opened: false };
      const uri = vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${rule}.md`);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri).then(undefined, () => vscode.window.showTextDocument(uri, { preview: true }));
      return { opened: true };
    },
    openFacts: async ({ anchor }) => {
      await vscode.commands.executeCommand(OPEN_FACTS_COMMAND, anchor);
      return { opened: true };
    },
    copyReport: async () => {
      const md = await this.report();
      await vscode.env.clipboard.writeText(md);
      return { chars: md.length };
    },
    sessionAction: async ({ index }) => {
      const run = this.view?.outdated ? undefined : this.shownRun();
      const action = run?.noSession?.actions[index];
      if (!run || !action) throw new Error('That action is no longer available: re-run the Call Doctor.');
      if (action.kind === 'sign-in') {
        await vscode.commands.executeCommand(SIGN_IN_COMMAND, { environment: action.environment });
        return { detail: `Sign In to ${action.environment}.` };
      }
      if (action.kind === 'pick-http-environment') {
        if ((await vscode.commands.getCommands(true)).includes(SELECT_HTTP_ENVIRONMENT_COMMAND)) await vscode.commands.executeCommand(SELECT_HTTP_ENVIRONMENT_COMMAND);
        else await vscode.commands.executeCommand('workbench.action.openSettings', 'genesysCloud.httpEnvironment');
        return { detail: 'Select the HTTP environment whose variables name the API host, then re-run.' };
      }
      // A session object looked up now, by id: never one held from an earlier run.
      const session = (await this.auth.sessions()).find((s) => s.id === action.sessionId);
      if (!session) throw new Error(`You are no longer signed in to ${action.environment}: re-run the Call Doctor.`);
      // A session passed in is the user's explicit choice: the core checks with it although
      // the request targets another host, and the run says so (session.basis 'explicit').
      const r = await this.rerunShown({ session, force: true, userStarted: true });
      return { detail: r.error ?? `Checked against ${action.environment}: ${r.verdict.toUpperCase()}.` };
    },
    startSandbox: async () => {
      const started = await vscode.commands.executeCommand<{ url: string } | undefined>(START_SANDBOX_COMMAND);
      return { detail: started ? `Sandbox org running at ${started.url}; re-run once signed in.` : 'The sandbox org did not start.' };
    },
  };

  /** Runs the shown request again and answers once the panel adopted the result. */
  private async rerunShown(options: DoctorRunOptions): Promise<{ verdict: RunView['verdict']; error?: string }> {
    // The view's key names the request (`index|uri`), also for a view restored after a reload.
    const key = this.view?.key;
    const bar = key?.indexOf('|') ?? -1;
    if (!key || bar < 0) throw new Error('Nothing to re-run yet: run the Call Doctor on a request first.');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(key.slice(bar + 1)));
    this.running = true;
    this.notify('running', { running: true });
    try {
      const next = await this.doctor.run(doc, Number(key.slice(0, bar)), undefined, options);
      await this.settled;
      const verdict = this.view?.key === key ? this.view.verdict : 'unknown';
      return { verdict, ...(next.error ? { error: redactText(next.error, await this.secrets()) } : {}) };
    } finally {
      if (this.running) { this.running = false; this.updateTitle(); this.notify('running', { running: false }); }
    }
  }

  private hasDocs(rule: string): boolean {
    if (!/^[a-z0-9.-]+$/i.test(rule)) return false;
    let known = this.docs.get(rule);
    if (known === undefined) {
      known = fs.existsSync(vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${rule}.md`).fsPath);
      this.docs.set(rule, known);
    }
    return known;
  }
}

/** Why a shown view no longer stands once the sessions are `sessions`; undefined while it does. */
function outdatedReason(view: RunView, run: DoctorRun | undefined, sessions: readonly Session[]): string | undefined {
  if (run) {
    const id = run.session?.id ?? run.sessionId;
    if (id && !sessions.some((s) => s.id === id)) {
      return `you signed out of ${run.session?.environment ?? run.environment ?? 'the session of this run'} since this run; re-run to check again.`;
    }
    return run.noSession ? 'your sign-ins changed since this run; re-run to check again.' : undefined;
  }
  // A view restored after a reload: its session is not known, only its environment.
  if (!view.request.account && !view.noSession) return undefined;
  const env = view.request.environment;
  if (env && sessions.some((s) => s.environment.name === env) && !view.noSession) return undefined;
  return view.noSession ? 'your sign-ins changed since this run; re-run to check again.' : `you are no longer signed in to ${env ?? 'that environment'}; re-run to check again.`;
}
