// Command "Genesys Cloud: Run Call Doctor" (also a CodeLens above each
// request): runs the core's live checks for one request with the signed-in
// session, shows the live findings as diagnostics on the request, the result
// in the Call Doctor panel and the plain-text report (redacted) in an output channel.
import * as vscode from 'vscode';
import type { Session } from '../core/auth';
import { parseEnvironment } from '../core/env/environment';
import { runDoctor } from '../core/live';
import { formatDoctorText } from '../core/live/format';
import { placeLiveFindings, targetOf } from '../core/live/fromRequest';
import type { DoctorResult } from '../core/live/types';
import { systemClock, type LogPort } from '../core/ports';
import type { AnalysisService } from './analysis';
import { SIGN_IN_COMMAND } from './auth/accountCommands';
import type { GenesysAuthProvider } from './auth/provider';
import { Disposer } from './disposer';
import { DoctorPanel } from './doctorPanel';
import type { FindingConverter } from './findingDiagnostics';
import { fetchHttp } from './ports';

export const RUN_CALL_DOCTOR_COMMAND = 'genesysCloud.runCallDoctor';

export class CallDoctor extends Disposer {
  private readonly live = vscode.languages.createDiagnosticCollection('genesys-call-doctor-live');
  private readonly report = vscode.window.createOutputChannel('Genesys Cloud Call Doctor: Results');
  private readonly panel = new DoctorPanel();

  constructor(private readonly analysis: AnalysisService, private readonly auth: GenesysAuthProvider,
    private readonly converter: FindingConverter, private readonly log: LogPort) {
    super();
    this.subscriptions.push(
      this.live, this.report, this.panel,
      vscode.commands.registerCommand(RUN_CALL_DOCTOR_COMMAND, (uri?: vscode.Uri, index?: number) => this.run(uri, index)),
      // Live verdicts describe the text they ran on; an edit makes them stale.
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.live.delete(e.document.uri); }),
      vscode.workspace.onDidCloseTextDocument((d) => this.live.delete(d.uri)),
    );
  }

  async run(uri?: vscode.Uri, index?: number): Promise<DoctorResult | undefined> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc) return this.fail('Open a .http file or a JSON payload and put the cursor in a request.');
    const analysis = await this.analysis.analyze(doc);
    if (!analysis || analysis.parsed.requests.length === 0) return this.fail('No Genesys Cloud request found in this document.');
    const cursor = editor?.document === doc ? editor.selection.active : undefined;
    const req = index !== undefined ? analysis.parsed.requests[index]
      : analysis.parsed.requests.find((r) => cursor && cursor.line >= r.range.start.line && cursor.line <= r.range.end.line) ?? analysis.parsed.requests[0];
    if (!req) return this.fail(`This document has no request ${index! + 1}.`);
    const target = targetOf(analysis.parsed, req, this.analysis.catalog());
    if ('error' in target) return this.fail(target.error);
    const session = await this.chooseSession();
    if (!session) return undefined;

    const result = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification, title: `Call Doctor: checking ${target.operation.method} ${target.operation.path}`, cancellable: true,
    }, (_p, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return runDoctor({
        operation: target.operation, body: target.body, pathParams: target.pathParams, accessToken: session.accessToken,
        environment: session.environment, catalog: this.analysis.catalog(), ports: { http: fetchHttp, clock: systemClock, log: this.log },
        signal: abort.signal,
      });
    }).then((r) => r, (err) => { void this.fail(`Call Doctor could not finish: ${err instanceof Error ? err.message : String(err)}`); return undefined; });
    if (!result) return undefined;

    const placed = placeLiveFindings(analysis.parsed, target, result.findings);
    this.live.set(doc.uri, placed.map((f) => this.converter.toDiagnostic(f, doc.uri)));
    this.report.appendLine(formatDoctorText(result, { secrets: [session.accessToken] }));
    this.panel.show(result, `${req.method} ${req.rawUrl}`);
    return result;
  }

  /** The session for the configured environment, else the only one, else the user's pick; offers sign-in when none. */
  private async chooseSession(): Promise<Session | undefined> {
    const sessions = await this.auth.sessions();
    const configured = vscode.workspace.getConfiguration('genesysCloud').get<string>('environment');
    let preferred: string | undefined;
    try { preferred = configured ? parseEnvironment(configured).name : undefined; } catch { preferred = undefined; }
    const match = sessions.find((s) => s.environment.name === preferred);
    if (match) return match;
    if (sessions.length === 1) return sessions[0];
    if (sessions.length > 1) {
      const pick = await vscode.window.showQuickPick(sessions.map((s) => ({ label: s.environment.name, description: s.account?.name, s })), { title: 'Run the Call Doctor with' });
      return pick?.s;
    }
    const choice = await vscode.window.showWarningMessage('The Call Doctor needs a Genesys Cloud sign-in (it only reads: GET requests).', 'Sign In');
    if (choice) await vscode.commands.executeCommand(SIGN_IN_COMMAND);
    return (await this.auth.sessions())[0];
  }

  private fail(message: string): undefined {
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}
