// CodeLens counts, the workspace check command, and the JSON schema bridge.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWhen, workspaceFile } from './helpers';

describe('code lenses', () => {
  before(() => activateExtension());

  it('shows the problem count and operation above each request', async () => {
    const uri = workspaceFile('call.http');
    await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    const ours = lenses.filter((l) => l.command?.title.startsWith('Offline check'));
    assert.deepStrictEqual(ours.map((l) => [l.range.start.line, l.command!.title, l.command!.command]), [
      [5, 'Offline check: 2 problems (2 errors) · postConversationsCalls', 'workbench.actions.view.problems'],
      [14, 'Offline check: no problems · getUsersMe', 'workbench.actions.view.problems'],
    ]);
    const run = lenses.filter((l) => l.command?.title === 'Run Call Doctor');
    assert.deepStrictEqual(run.map((l) => [l.range.start.line, l.command!.command, l.command!.arguments?.[1]]), [
      [5, 'genesysCloud.runCallDoctor', 0],
      [14, 'genesysCloud.runCallDoctor', 1],
    ]);
  });
});

describe('workspace check command', () => {
  before(() => activateExtension());

  it('lints every request file and payload of the workspace', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; problems: number; errors: number }>('genesysCloud.checkWorkspace');
    // call.http 2 + token.http 1 + outbound-call.json 1 + callback.call.json 1 (payload.type)
    // + env/vars.http 1 (warning: {{host}} needs an environment) + env/http-client.env.json 0
    assert.deepStrictEqual(summary, { files: 6, problems: 6, errors: 5 });
  });
});

describe('body-model JSON schemas', () => {
  before(() => activateExtension());

  it('serves genesys-call-doctor://schemas/<Model>.json from the catalog', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('genesys-call-doctor://schemas/CreateCallRequest.json'));
    const schema = JSON.parse(doc.getText()) as { $id: string; properties: Record<string, { type: string }> };
    assert.strictEqual(schema.$id, 'genesys-call-doctor://schemas/CreateCallRequest.json');
    assert.strictEqual(schema.properties.phoneNumber.type, 'string');
  });

  it('*.call.json files are validated against CreateCallRequest by VS Code\'s JSON support', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('callback.call.json'));
    await vscode.window.showTextDocument(doc);
    // VS Code 1.100's JSON language server reports schema errors without a source.
    const diags = await diagnosticsWhen(doc.uri, (d) => d.length > 0, false);
    assert.deepStrictEqual(diags.map((d) => [d.range.start.line, d.range.start.character, d.message]), [[1, 17, 'Incorrect type. Expected "string".']]);
  });
});
