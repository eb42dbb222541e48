// Quick fixes: every machine-applicable fix the core attached to a finding
// that is shown as a diagnostic at the requested place.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis';
import { sameRange, toWorkspaceEdit } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { Disposer } from './disposer';
import { SELECTOR } from './documents';

function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

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
    for (const diagnostic of ours) {
      const finding = analysis.result.findings.find((f) => f.rule === ruleOf(diagnostic) && sameRange(diagnostic.range, f.range) && f.message === diagnostic.message);
      for (const fix of finding?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(doc.uri, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = finding!.fixes.length === 1;
        actions.push(action);
      }
    }
    return actions;
  }
}
