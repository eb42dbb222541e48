// Live findings as editor diagnostics, in their own collection so they never
// mix with the offline ones: published from every DoctorService run (command,
// CodeLens, on save, re-runs after a sign-in change) and dropped when the text
// changes or the run could not reach the API (e.g. after sign-out). Related
// information points at the request line (the API call made) and at a
// read-only document holding the run's full evidence.
import * as vscode from 'vscode';
import { formatDoctorText } from '../../core/live';
import type { AnalysisService } from '../analysis/analysisService';
import type { GenesysAuthProvider } from '../auth/provider';
import { Disposer } from '../disposer';
import type { DoctorService } from '../doctor/doctorService';
import type { DoctorRun } from '../doctor/doctorTypes';
import { kindOf } from '../analysis/documents';
import type { FindingConverter } from './findingDiagnostics';

export const LIVE_CHECKS_COMMAND = 'genesysCloud.runLiveChecks';
export const LIVE_CHECKS_SETTING = 'liveChecksOnSave';
export const EVIDENCE_SCHEME = 'genesys-call-doctor-evidence';
/** At most this many requests of one document are checked per save (each costs a few GET requests). */
export const MAX_REQUESTS_PER_RUN = 10;

export class LiveDiagnostics extends Disposer implements vscode.TextDocumentContentProvider {
  private readonly collection = vscode.languages.createDiagnosticCollection('genesys-call-doctor-live');
  /** uri -> request index -> diagnostics of its latest live run. */
  private readonly byRequest = new Map<string, Map<number, vscode.Diagnostic[]>>();
  /** Evidence documents' text, by path (uri + request index). */
  private readonly evidence = new Map<string, string>();
  private readonly evidenceChanged = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.evidenceChanged.event;

  /** uri -> request index -> session id of the run its diagnostics came from. */
  private readonly sessionOf = new Map<string, Map<number, string | undefined>>();

  constructor(private readonly analysis: AnalysisService, private readonly doctor: DoctorService, private readonly converter: FindingConverter,
    auth: GenesysAuthProvider) {
    super();
    this.subscriptions.push(
      this.collection, this.evidenceChanged,
      // Signed out: that session's verdicts go (whether or not the document is visible to be re-run).
      auth.onDidChangeSessions((e) => this.dropSessions(new Set((e.removed ?? []).map((s) => s.id)))),
      vscode.workspace.registerTextDocumentContentProvider(EVIDENCE_SCHEME, this),
      doctor.onDidRun((run) => this.publish(run)),
      vscode.commands.registerCommand(LIVE_CHECKS_COMMAND, (uri?: vscode.Uri) => this.runCommand(uri)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (vscode.workspace.getConfiguration('genesysCloud', doc.uri).get<boolean>(LIVE_CHECKS_SETTING, true)) void this.check(doc, true);
      }),
      // Live verdicts describe the text they ran on; an edit makes them stale.
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.clear(e.document.uri); }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.evidence.get(uri.path) ?? 'This Call Doctor evidence is no longer available: run the Call Doctor again.';
  }

  /**
   * Runs the live checks for the document's requests (at most MAX_REQUESTS_PER_RUN),
   * one after the other; requests of no known operation are skipped.
   * Returns the runs (empty when the document is not one we check).
   */
  async check(doc: vscode.TextDocument, background: boolean): Promise<DoctorRun[]> {
    if (!kindOf(doc) || kindOf(doc) === 'js') return [];
    const analysis = await this.analysis.analyze(doc);
    if (!analysis) return [];
    // Only when signed in: a save while signed out must not pop anything up or record runs.
    if (!(await this.doctor.sessionFor())) return [];
    const known = analysis.result.requests.filter((r) => r.operation).slice(0, MAX_REQUESTS_PER_RUN);
    const runs: DoctorRun[] = [];
    for (const req of known) {
      if (doc.isClosed) break;
      // Only when the core's rule finds a session serving the request's host (no "run anyway" on save).
      if (await this.doctor.sessionFor(req.url)) runs.push(await this.doctor.run(doc, req.index, undefined, { background }));
    }
    return runs;
  }

  /** Command: live checks for every request of the given (or active) document. */
  private async runCommand(uri?: vscode.Uri): Promise<DoctorRun[]> {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showErrorMessage('Open a .http file or a JSON payload to run the live checks on.');
      return [];
    }
    if (!(await this.doctor.sessionFor())) {
      void vscode.window.showWarningMessage('The live checks need a Genesys Cloud sign-in (they only send GET requests).', 'Sign In')
        .then((choice) => choice && vscode.commands.executeCommand('genesysCloud.signIn'));
      return [];
    }
    return this.check(doc, false);
  }

  private publish(run: DoctorRun): void {
    if (run.cancelled) return;
    const uri = vscode.Uri.parse(run.uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === run.uri);
    // A run of an older version describes text that is gone.
    if (!doc || doc.version !== run.version) return;
    let requests = this.byRequest.get(run.uri);
    if (!requests) this.byRequest.set(run.uri, requests = new Map());
    const evidenceUri = vscode.Uri.from({ scheme: EVIDENCE_SCHEME, path: `/request-${run.requestIndex + 1}/${encodeURIComponent(run.uri)}.txt` });
    if (run.live && run.liveInFile) {
      this.evidence.set(evidenceUri.path, formatDoctorText(run.live, { secrets: [] }));
      this.evidenceChanged.fire(evidenceUri);
      const all = new vscode.Location(evidenceUri, new vscode.Position(0, 0));
      this.sessionOfUri(run.uri).set(run.requestIndex, run.sessionId);
      requests.set(run.requestIndex, run.liveInFile.map((f) => {
        const d = this.converter.toDiagnostic(f, uri);
        d.relatedInformation = [...d.relatedInformation ?? [],
          new vscode.DiagnosticRelatedInformation(all, `all ${run.live!.calls.length} API calls of this Call Doctor run (${run.environment ?? run.live!.environment})`)];
        return d;
      }));
    } else {
      requests.delete(run.requestIndex);
      this.evidence.delete(evidenceUri.path);
    }
    this.collection.set(uri, [...requests.values()].flat());
  }

  private sessionOfUri(uri: string): Map<number, string | undefined> {
    let m = this.sessionOf.get(uri);
    if (!m) this.sessionOf.set(uri, m = new Map());
    return m;
  }

  private dropSessions(ids: Set<string>): void {
    if (ids.size === 0) return;
    for (const [uri, requests] of this.byRequest) {
      const sessions = this.sessionOfUri(uri);
      for (const index of [...requests.keys()]) if (ids.has(sessions.get(index) ?? '')) requests.delete(index);
      this.collection.set(vscode.Uri.parse(uri), [...requests.values()].flat());
    }
  }

  private clear(uri: vscode.Uri): void {
    this.sessionOf.delete(uri.toString());
    if (!this.byRequest.delete(uri.toString())) return;
    this.collection.delete(uri);
  }
}
