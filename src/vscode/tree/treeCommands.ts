// Context-menu commands of the Session & Token view: Copy (the row's value),
// Explain (a read-only markdown document with the row's explanation) and
// Open Docs (the rule page shipped in docs/rules, or a developer.genesys.cloud
// page named in docs/facts.md).
import * as vscode from 'vscode';
import { Disposer } from '../disposer';
import type { InfoNode } from './nodes';

export const COPY_COMMAND = 'genesysCloud.copyItem';
export const EXPLAIN_COMMAND = 'genesysCloud.explainItem';
export const OPEN_DOCS_COMMAND = 'genesysCloud.openItemDocs';
const SCHEME = 'genesys-call-doctor-explain';

export class TreeCommands extends Disposer implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private count = 0;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.commands.registerCommand(COPY_COMMAND, (node?: InfoNode) => this.copy(node)),
      vscode.commands.registerCommand(EXPLAIN_COMMAND, (node?: InfoNode) => this.explain(node)),
      vscode.commands.registerCommand(OPEN_DOCS_COMMAND, (node?: InfoNode) => this.openDocs(node)),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /** Copies the row's value; resolves with what was copied. */
  async copy(node?: InfoNode): Promise<string | undefined> {
    if (!node?.value) return undefined;
    await vscode.env.clipboard.writeText(node.value);
    return node.value;
  }

  /** Opens the row's explanation as a read-only markdown document; resolves with its URI. */
  async explain(node?: InfoNode): Promise<vscode.Uri | undefined> {
    if (!node?.explain) return undefined;
    const name = String(typeof node.label === 'string' ? node.label : node.label?.label ?? 'item').replace(/[^\w.:-]+/g, '-').slice(0, 60);
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${++this.count}/${name}.md` });
    this.texts.set(uri.path, node.explain);
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return uri;
  }

  /** Opens the row's documentation; resolves with what was opened. */
  async openDocs(node?: InfoNode): Promise<vscode.Uri | undefined> {
    const docs = node?.docs;
    if (!docs) return undefined;
    if ('url' in docs) {
      const uri = vscode.Uri.parse(docs.url);
      await vscode.env.openExternal(uri);
      return uri;
    }
    const uri = vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${docs.rule}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  }
}
