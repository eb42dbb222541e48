// Quick fixes: every machine-applicable fix the core attached to a finding
// that is shown as a diagnostic at the requested place, plus "Explain in Call
// Doctor" (once per request) in .http/.json files, which runs the live check.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { RUN_CALL_DOCTOR_COMMAND } from '../doctor/callDoctor';
import { sameRange, toWorkspaceEdit } from '../diagnostics/convert';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/offlineDiagnostics';
import { Disposer } from '../disposer';
import { kindOf, SELECTOR } from '../analysis/documents';

function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

export const EXPLAIN_TITLE = 'Explain in Call Doctor';

export class QuickFixProvider extends Disposer implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analysis: AnalysisService) {
    super();
    this.subscriptions.push(vscode.languages.registerCodeActionsProvider(SELECTOR, this, { providedCodeActionKinds: QuickFixProvider.kinds }));
  }

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => ruleOf(d) !== undefined);
    if (ours.length === 0) return [];
    const analysis = await this.analysis.analyze(doc);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    const offered = new Map<string, vscode.CodeAction>();
    const explain = new Map<number, vscode.CodeAction>();
    const explainable = kindOf(doc) === 'http' || kindOf(doc) === 'json';
    for (const diagnostic of ours) {
      const finding = analysis.result.findings.find((f) => f.rule === ruleOf(diagnostic) && sameRange(diagnostic.range, f.range) && f.message === diagnostic.message);
      for (const fix of finding?.fixes ?? []) {
        // Every finding of a call body carries the same whole-body fix: offer it once.
        const key = `${finding!.request}\u0000${fix.title}\u0000${JSON.stringify(fix.edits)}`;
        const same = offered.get(key);
        if (same) { same.diagnostics!.push(diagnostic); continue; }
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        offered.set(key, action);
        action.edit = toWorkspaceEdit(doc.uri, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = finding!.fixes.length === 1;
        actions.push(action);
      }
      const request = finding?.request ?? analysis.parsed.requests.find((r) => r.range.start.line <= diagnostic.range.start.line && diagnostic.range.start.line <= r.range.end.line)?.index;
      if (explainable && request !== undefined) {
        const action = explain.get(request) ?? new vscode.CodeAction(EXPLAIN_TITLE, vscode.CodeActionKind.QuickFix);
        // The command takes (uri, request index), so it explains this request wherever the cursor is.
        action.command = { command: RUN_CALL_DOCTOR_COMMAND, title: EXPLAIN_TITLE, arguments: [doc.uri, request] };
        action.diagnostics = [...(action.diagnostics ?? []), diagnostic];
        action.isPreferred = false;
        explain.set(request, action);
      }
    }
    actions.push(...explain.values());
    return actions;
  }
}
