// "Genesys Cloud: Open Facts Reference": the docs/facts.md shipped in the
// extension, in the Markdown preview, scrolled to an entry when given its anchor
// (hovers and the Call Doctor panel link every source to it).
import * as vscode from 'vscode';
import { FACTS_ANCHOR, OPEN_FACTS_COMMAND } from '../../shared/protocol';
import { Disposer } from '../disposer';

export class FactsReference extends Disposer {
  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this.subscriptions.push(vscode.commands.registerCommand(OPEN_FACTS_COMMAND, (anchor?: unknown) => this.open(anchor)));
  }

  /** Opens the reference (at `anchor` when it is an entry id); resolves with the URI shown. */
  async open(anchor?: unknown): Promise<vscode.Uri> {
    const base = vscode.Uri.joinPath(this.extensionUri, 'docs', 'facts.md');
    // A command: link or a webview message chose the anchor: only entry ids are used.
    const uri = typeof anchor === 'string' && FACTS_ANCHOR.test(anchor) ? base.with({ fragment: anchor }) : base;
    // The Markdown preview scrolls to the URI's fragment; without the built-in extension, show the text.
    await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, () => vscode.window.showTextDocument(base, { preview: true }));
    return uri;
  }
}
