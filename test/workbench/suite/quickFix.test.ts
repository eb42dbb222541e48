// Applying a quick fix changes the document as the core's fix says.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWhen } from './helpers';

async function fixesFor(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The command API drops CodeAction.diagnostics; in an untitled .http
  // document every quick fix is ours.
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
}

describe('quick fixes', () => {
  before(() => activateExtension());

  it('renames the folklore `to` field to `phoneNumber`, which also supplies the destination', async () => {
    const content = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{\n  "to": "+15551234567"\n}\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content });
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhen(doc.uri, (d) => d.length === 2);
    const actions = await fixesFor(doc, new vscode.Range(4, 2, 4, 6));
    assert.deepStrictEqual(actions.map((a) => a.title), ['Rename `to` to `phoneNumber`']);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.strictEqual(doc.lineAt(4).text, '  "phoneNumber": "+15551234567"');
    const after = await diagnosticsWhen(doc.uri, (d) => d.length === 0);
    assert.deepStrictEqual(after, []);
  });

  it('moves a token request to the login host', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: 'POST https://api.mypurecloud.com/api/v2/oauth/token\n' });
    await diagnosticsWhen(doc.uri, (d) => d.length === 1);
    const actions = await fixesFor(doc, new vscode.Range(0, 10, 0, 10));
    assert.deepStrictEqual(actions.map((a) => a.title), ['Use https://login.mypurecloud.com/oauth/token']);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.strictEqual(doc.lineAt(0).text, 'POST https://login.mypurecloud.com/oauth/token');
  });

  it('offers nothing where there is no fixable finding', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: 'GET https://api.mypurecloud.com/api/v2/users/me\n' });
    const actions = await fixesFor(doc, new vscode.Range(0, 0, 0, 3));
    assert.deepStrictEqual(actions, []);
  });
});
