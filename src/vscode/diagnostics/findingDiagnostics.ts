// Finding -> vscode.Diagnostic, shared by the offline diagnostics and the
// Call Doctor's live results: rule id linked to docs/rules/<id>.md, evidence
// (the API calls behind a live verdict) as related information.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Finding } from '../../core';
import { toRange, toSeverity } from './convert';

export const DIAGNOSTIC_SOURCE = 'Genesys Call Doctor';

export class FindingConverter {
  private readonly ruleDocs = new Map<string, vscode.Uri | undefined>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  toDiagnostic(f: Finding, uri: vscode.Uri): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
    d.source = DIAGNOSTIC_SOURCE;
    const target = this.ruleDoc(f.rule);
    d.code = target ? { value: f.rule, target } : f.rule;
    if (f.evidence?.length) {
      d.relatedInformation = f.evidence.map((e) => new vscode.DiagnosticRelatedInformation(
        new vscode.Location(uri, toRange(f.range)),
        `evidence: ${e.request} -> ${e.status}${e.durationMs !== undefined ? ` (${e.durationMs} ms)` : ''}: ${e.excerpt}`));
    }
    return d;
  }

  /** docs/rules/<id>.md inside the extension, when that page exists. */
  private ruleDoc(rule: string): vscode.Uri | undefined {
    if (!this.ruleDocs.has(rule)) {
      const uri = vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${rule}.md`);
      this.ruleDocs.set(rule, uri.scheme === 'file' && fs.existsSync(uri.fsPath) ? uri : undefined);
    }
    return this.ruleDocs.get(rule);
  }
}
