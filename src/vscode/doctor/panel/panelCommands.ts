// Commands around the Call Doctor panel: Open Call Doctor, Explain Error
// Response (selection, clipboard or a file, picked in a quick pick) and Copy
// Diagnosis Report (the core's redacted markdown report of the latest run).
import * as vscode from 'vscode';
import type { ExplanationView } from '../../../shared/protocol';
import { Disposer } from '../../disposer';
import type { CallDoctorPanel } from './callDoctorPanel';

export const OPEN_CALL_DOCTOR_COMMAND = 'genesysCloud.openCallDoctor';
export const EXPLAIN_ERROR_COMMAND = 'genesysCloud.explainError';
export const COPY_REPORT_COMMAND = 'genesysCloud.copyReport';

/** Arguments other code (and tests) may pass instead of the quick pick. */
export type ExplainSource = { text: string } | { source: 'selection' | 'clipboard' } | { source: 'file'; uri: vscode.Uri };

const MAX_FILE_BYTES = 1_000_000;

export class PanelCommands extends Disposer {
  constructor(private readonly panel: CallDoctorPanel) {
    super();
    this.subscriptions.push(
      vscode.commands.registerCommand(OPEN_CALL_DOCTOR_COMMAND, (o?: { preserveFocus?: boolean }) => this.panel.show(o?.preserveFocus === true)),
      vscode.commands.registerCommand(EXPLAIN_ERROR_COMMAND, (arg?: ExplainSource | vscode.Uri) => this.explain(arg)),
      vscode.commands.registerCommand(COPY_REPORT_COMMAND, () => this.copyReport()),
    );
  }

  async explain(arg?: ExplainSource | vscode.Uri): Promise<ExplanationView | undefined> {
    let text: string | undefined;
    try {
      text = await this.errorText(arg);
    } catch (err) {
      void vscode.window.showErrorMessage(`Explain Error Response: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    if (text === undefined) return undefined;
    if (!text.trim()) {
      void vscode.window.showErrorMessage('Explain Error Response: the text is empty. Copy or select the status line and the JSON error body first.');
      return undefined;
    }
    this.panel.show(true);
    return this.panel.explain(text);
  }

  async copyReport(): Promise<string | undefined> {
    try {
      const md = await this.panel.report();
      await vscode.env.clipboard.writeText(md);
      void vscode.window.showInformationMessage('Call Doctor report copied (tokens and secrets redacted).');
      return md;
    } catch (err) {
      void vscode.window.showErrorMessage(`Copy Diagnosis Report: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  /** The error text from the argument, else from the source the user picks; undefined when cancelled. */
  private async errorText(given?: ExplainSource | vscode.Uri): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
    // From the editor's context menu VS Code passes the document's URI: explain the selection.
    const arg = given instanceof vscode.Uri ? (selection ? { source: 'selection' as const } : undefined) : given;
    if (arg && 'text' in arg) return arg.text;
    let source = arg?.source;
    if (!source) {
      type Item = vscode.QuickPickItem & { source: 'selection' | 'clipboard' | 'file' };
      const items: Item[] = [
        ...(selection ? [{ label: '$(selection) Selection', description: `${selection.length} characters`, source: 'selection' as const }] : []),
        { label: '$(clippy) Clipboard', source: 'clipboard' },
        { label: '$(file) File…', description: 'a saved response or log', source: 'file' },
      ];
      const pick = await vscode.window.showQuickPick(items, { title: 'Explain Error Response', placeHolder: 'Where is the Genesys error answer (status and JSON body)?' });
      if (!pick) return undefined;
      source = pick.source;
    }
    if (source === 'selection') {
      if (!selection) throw new Error('nothing is selected in the editor.');
      return selection;
    }
    if (source === 'clipboard') return vscode.env.clipboard.readText();
    const uri = arg && 'uri' in arg ? arg.uri
      : (await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Error response to explain', openLabel: 'Explain' }))?.[0];
    if (!uri) return undefined;
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) throw new Error(`${uri.path.split('/').pop()} is ${stat.size} bytes; paste the error answer itself (under 1 MB).`);
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }
}
