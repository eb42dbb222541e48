// "N problems" above each request of a .http file and at the top of a
// payload file; clicking opens the Problems view (a built-in command).
import * as vscode from 'vscode';
import type { ParsedRequest } from '../../core/sources';
import type { Finding } from '../../core';
import type { AnalysisService } from '../analysis/analysisService';
import { RUN_CALL_DOCTOR_COMMAND } from '../doctor/callDoctor';
import { toRange } from '../diagnostics/convert';
import { Disposer } from '../disposer';

const HTTP_AND_JSON: vscode.DocumentSelector = ['http', 'json', 'jsonc'].flatMap((language) =>
  [{ language, scheme: 'file' }, { language, scheme: 'untitled' }]);

function belongsTo(f: Finding, req: ParsedRequest): boolean {
  if (f.request !== undefined) return f.request === req.index;
  return toRange(req.range).contains(toRange(f.range));
}

/** Counts the offline findings only; the Call Doctor's live findings are separate diagnostics. */
export function problemsTitle(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'Offline check: no problems';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const noun = findings.length === 1 ? 'problem' : 'problems';
  return `Offline check: ${findings.length} ${noun}${errors ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}`;
}

export class ProblemsCodeLens extends Disposer implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly analysis: AnalysisService) {
    super();
    this.subscriptions.push(
      this.changed,
      vscode.languages.registerCodeLensProvider(HTTP_AND_JSON, this),
      analysis.onDidInvalidate(() => this.changed.fire()),
    );
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const analysis = await this.analysis.analyze(doc);
    if (!analysis) return [];
    return analysis.parsed.requests.flatMap((req) => {
      const findings = analysis.result.findings.filter((f) => belongsTo(f, req));
      const line = req.association ? 0 : req.methodRange.start.line;
      const at = new vscode.Range(line, 0, line, 0);
      const summary = analysis.result.requests.find((r) => r.index === req.index);
      const op = summary?.operation ? ` · ${summary.operation.id}` : '';
      const lenses = [new vscode.CodeLens(at, { title: `${problemsTitle(findings)}${op}`, command: 'workbench.actions.view.problems' })];
      // Live checks need a known operation; unknown endpoints get lint suggestions instead.
      if (summary?.operation) {
        lenses.push(new vscode.CodeLens(at, { title: 'Run Call Doctor', command: RUN_CALL_DOCTOR_COMMAND, arguments: [doc.uri, req.index] }));
      }
      return lenses;
    });
  }
}
