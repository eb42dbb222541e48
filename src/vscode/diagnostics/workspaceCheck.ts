// Command "Genesys Cloud: Check Requests in Workspace": lints every .http,
// .rest and payload JSON file as saved (open documents as edited) and fills
// the Problems view, like `call-doctor lint .` does on the command line.
import * as vscode from 'vscode';
import type { DiagnosticsProvider } from './offlineDiagnostics';
import { Disposer } from '../disposer';

export const CHECK_WORKSPACE_COMMAND = 'genesysCloud.checkWorkspace';
const FILES = '**/*.{http,rest,json,jsonc}';
const EXCLUDE = '**/{node_modules,.git,out,dist}/**';
const MAX_FILES = 2000;

export interface WorkspaceCheckSummary { files: number; problems: number; errors: number }

export class WorkspaceCheck extends Disposer {
  constructor(private readonly diagnostics: DiagnosticsProvider) {
    super();
    this.subscriptions.push(vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, () => this.run()));
  }

  async run(): Promise<WorkspaceCheckSummary> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Call Doctor: checking requests' }, async () => {
      const uris = await vscode.workspace.findFiles(FILES, EXCLUDE, MAX_FILES);
      const summary: WorkspaceCheckSummary = { files: 0, problems: 0, errors: 0 };
      for (const uri of uris) {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const diags = open ? await this.diagnostics.update(open) : await this.diagnostics.updateFile(uri);
        summary.files++;
        summary.problems += diags.length;
        summary.errors += diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      }
      const limit = uris.length === MAX_FILES ? ` (stopped at ${MAX_FILES} files)` : '';
      void vscode.window.showInformationMessage(
        `Call Doctor checked ${summary.files} file(s)${limit}: ${summary.problems} problem(s), ${summary.errors} error(s).`);
      return summary;
    });
  }
}
