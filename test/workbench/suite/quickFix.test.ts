// Applying a quick fix changes the document as the core's fix says.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWhen } from './helpers';

async function actionsFor(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The command API drops CodeAction.diagnostics; in an untitled .http
  // document every quick fix is ours.
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
}

const EXPLAIN = 'Explain in Call Doctor';

/** The actions that edit the document (every action but "Explain in Call Doctor", which runs a command). */
async function fixesFor(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await actionsFor(doc, range)).filter((a) => a.title !== EXPLAIN);
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
  it('rewrites a folklore call body as CreateCallRequest and offers "Explain in Call Doctor"', async () => {
    const call = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n';
    const content = call + '{\n  "from": {\n    "phoneNumber": "+18005551234",\n    "name": "Support"\n  },\n  "to": [\n    {\n      "phoneNumber": "+15551234567"\n    }\n  ],\n  "type": "call"\n}\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content });
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhen(doc.uri, (d) => d.length === 4);     // no destination; from, to, type unknown
    const actions = await actionsFor(doc, new vscode.Range(8, 2, 8, 6));   // "to"
    assert.deepStrictEqual(actions.map((a) => a.title), ['Rewrite as CreateCallRequest (drops `type`: no such field)', EXPLAIN]);
    const explain = actions[1];
    assert.strictEqual(explain.edit, undefined);
    assert.strictEqual(explain.command?.command, 'genesysCloud.runCallDoctor');
    assert.strictEqual((explain.command?.arguments?.[0] as vscode.Uri).toString(), doc.uri.toString());
    assert.strictEqual(explain.command?.arguments?.[1], 0);
    assert.notStrictEqual(explain.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.strictEqual(doc.getText(), call + '{\n  "callerId": "+18005551234",\n  "callerIdName": "Support",\n  "phoneNumber": "+15551234567"\n}\n');
    const after = await diagnosticsWhen(doc.uri, (d) => d.length === 0);
    assert.deepStrictEqual(after, []);
  });
});
