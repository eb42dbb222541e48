// Offline lint findings as editor diagnostics, recomputed ~300 ms after the
// user stops typing. Superseded runs are aborted by AnalysisService.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { Disposer } from '../disposer';
import { kindOf } from '../analysis/documents';
import type { FindingConverter } from './findingDiagnostics';

export { DIAGNOSTIC_SOURCE } from './findingDiagnostics';
const DEBOUNCE_MS = 300;
const ENVIRONMENT_FILE = /(^|\/)(http-client(\.private)?\.env\.json|\.env(\.[\w-]+)?)$/;

export class DiagnosticsProvider extends Disposer {
  private readonly collection = vscode.languages.createDiagnosticCollection('genesys-call-doctor');
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly analysis: AnalysisService, private readonly converter: FindingConverter) {
    super();
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      // {{variables}} come from these files: when one is saved, every request may resolve differently.
      vscode.workspace.onDidSaveTextDocument((d) => { if (ENVIRONMENT_FILE.test(d.uri.path)) analysis.invalidate(); }),
      analysis.onDidInvalidate(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** Lints now and publishes; returns the diagnostics (also used by the workspace check). */
  async update(doc: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
    const version = doc.version;
    const analysis = await this.analysis.analyze(doc);
    // Stale (the document changed meanwhile) or unchecked: leave it to the newer run.
    if (!analysis || doc.version !== version || doc.isClosed) return this.collection.get(doc.uri) ?? [];
    const diagnostics = analysis.result.findings.map((f) => this.converter.toDiagnostic(f, doc.uri));
    this.collection.set(doc.uri, diagnostics);
    return diagnostics;
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (!kindOf(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => { this.timers.delete(key); void this.update(doc); }, delay);
    this.timers.set(key, timer);
  }

  /** Checks a file as saved on disk and publishes the result (documents need not be open). */
  async updateFile(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
    const analysis = await this.analysis.analyzeFile(uri);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (!analysis || open) return this.collection.get(uri) ?? [];
    const diagnostics = analysis.result.findings.map((f) => this.converter.toDiagnostic(f, uri));
    this.collection.set(uri, diagnostics);
    return diagnostics;
  }

  /**
   * A closed untitled document is gone; a closed file keeps diagnostics for
   * its saved content (unsaved edits may have been discarded).
   */
  private closed(doc: vscode.TextDocument): void {
    const uri = doc.uri;
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.analysis.forget(uri);
    if (uri.scheme === 'file' && kindOf(doc)) void this.updateFile(uri);
    else this.collection.delete(uri);
  }

  override dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    super.dispose();
  }
}
