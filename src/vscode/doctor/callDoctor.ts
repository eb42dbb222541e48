// Command "Genesys Cloud: Run Call Doctor on Request at Cursor" (also a
// CodeLens above each request): picks the request, asks the DoctorService
// (whose core step chooses the session serving the request's host), opens the
// Call Doctor panel (which shows the run, or the actions when no session serves
// the host) and writes the plain-text report (redacted) to an output channel.
// Live findings reach the editor through LiveDiagnostics, which listens to every run.
import * as vscode from 'vscode';
import { formatDoctorText } from '../../core/live';
import type { DoctorResult } from '../../core/live';
import type { AnalysisService } from '../analysis/analysisService';
import { SIGN_IN_COMMAND } from '../auth/accountCommands';
import type { GenesysAuthProvider } from '../auth/provider';
import { Disposer } from '../disposer';
import type { DoctorService } from './doctorService';

export const RUN_CALL_DOCTOR_COMMAND = 'genesysCloud.runCallDoctor';
const OPEN_PANEL_COMMAND = 'genesysCloud.openCallDoctor';

export class CallDoctor extends Disposer {
  private readonly report = vscode.window.createOutputChannel('Genesys Cloud Call Doctor: Results');

  constructor(private readonly analysis: AnalysisService, private readonly auth: GenesysAuthProvider, private readonly doctor: DoctorService) {
    super();
    this.subscriptions.push(
      this.report,
      vscode.commands.registerCommand(RUN_CALL_DOCTOR_COMMAND, (uri?: vscode.Uri | string, index?: number, sessionId?: string) =>
        this.run(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, index, sessionId)),
    );
  }

  /**
   * Runs the doctor for request `index` of `uri` (default: the request at the
   * cursor); resolves with the live result. `sessionId`: the user chose that
   * session explicitly (the panel's "Run against … anyway").
   */
  async run(uri?: vscode.Uri, index?: number, sessionId?: string): Promise<DoctorResult | undefined> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc) return this.fail('Open a .http file or a JSON payload and put the cursor in a request.');
    const analysis = await this.analysis.analyze(doc);
    if (!analysis || analysis.parsed.requests.length === 0) return this.fail('No Genesys Cloud request found in this document.');
    const cursor = editor?.document === doc ? editor.selection.active : undefined;
    const req = index !== undefined ? analysis.parsed.requests[index]
      : analysis.parsed.requests.find((r) => cursor && cursor.line >= r.range.start.line && cursor.line <= r.range.end.line) ?? analysis.parsed.requests[0];
    if (!req) return this.fail(`This document has no request ${index! + 1}.`);
    const sessions = await this.auth.sessions();
    if (!sessions.length) {
      const choice = await vscode.window.showWarningMessage('The Call Doctor needs a Genesys Cloud sign-in (it only reads: GET requests).', 'Sign In');
      if (choice) await vscode.commands.executeCommand(SIGN_IN_COMMAND);
      if (!(await this.auth.sessions()).length) return undefined;
    }
    const explicit = sessionId ? (await this.auth.sessions()).find((s) => s.id === sessionId) : undefined;
    if (sessionId && !explicit) return this.fail('That session has signed out; run the Call Doctor again.');

    // The panel (genesysCloud.openCallDoctor) shows the run itself, pending while it runs:
    // it listens to DoctorService.onWillRun and onDidRun. Opened first, so the user sees the checks run.
    if ((await vscode.commands.getCommands(true)).includes(OPEN_PANEL_COMMAND)) {
      await vscode.commands.executeCommand(OPEN_PANEL_COMMAND, { preserveFocus: true });
    }
    // An explicit run asks the API again; runs on save reuse the cache.
    const run = await this.doctor.run(doc, req.index, undefined, { session: explicit, force: true, userStarted: true });
    if (!run.live) {
      // No session serves the host: the panel shows why and what to do; no error toast on top.
      if (!run.cancelled && !run.noSession) void this.fail(run.error ?? 'The Call Doctor could not run.');
      return undefined;
    }
    const secrets = (await this.auth.sessions()).map((s) => s.accessToken);
    this.report.appendLine(formatDoctorText(run.live, { secrets }));
    return run.live;
  }

  private fail(message: string): undefined {
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}
