// The "Get started" walkthrough's own command: "Open Example Request" opens
// the forum case-1 requests (media/walkthrough/example.http, shipped in the
// .vsix) as a new untitled .http editor, so diagnostics, hovers and quick fixes
// show at once and nothing is written to the user's workspace.
import * as vscode from 'vscode';
import { Disposer } from '../disposer';

export const OPEN_EXAMPLE_COMMAND = 'genesysCloud.openExample';

export class Walkthrough extends Disposer {
  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this.subscriptions.push(vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, () => this.openExample()));
  }

  async openExample(): Promise<vscode.TextDocument> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'media', 'walkthrough', 'example.http'));
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: new TextDecoder().decode(bytes) });
    // Cursor on the call's body, where the findings are.
    const line = Math.max(0, doc.getText().split('\n').findIndex((l) => l.includes('"to"')));
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 3, line, 3) });
    return doc;
  }
}
