// Shared helpers for the tests that run inside the real extension host.
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'calldoctor.genesys-cloud-call-doctor';
export const SOURCE = 'Genesys Call Doctor';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the workbench opened no workspace folder (expected test/workbench/workspace)');
  return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

export async function activateExtension(): Promise<{ activationMs: number }> {
  const ext = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in the extension host`);
  return ext.activate();
}

/**
 * Resolves with the document's diagnostics (ours, or everyone else's) once
 * `accept` holds for them; mocha's timeout bounds the wait.
 */
export function diagnosticsWhen(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, ours = true): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => (d.source === SOURCE) === ours);
  return new Promise((resolve) => {
    if (accept(current())) return resolve(current());
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const now = current();
      if (accept(now)) { sub.dispose(); resolve(now); }
    });
  });
}

/** Rule id, severity and range of a diagnostic, as one comparable line. */
export function snapshot(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  const r = d.range;
  const sev = vscode.DiagnosticSeverity[d.severity].toLowerCase();
  return `${code} ${sev} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}
