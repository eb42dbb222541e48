// Snapshot of the diagnostics the extension publishes for the fixture files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWhen, EXTENSION_ID, snapshot, workspaceFile } from './helpers';

async function openAndDiagnose(name: string, expectedCount: number): Promise<vscode.Diagnostic[]> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(doc);
  return diagnosticsWhen(doc.uri, (d) => d.length >= expectedCount);
}

describe('diagnostics on the fixture workspace', () => {
  before(() => activateExtension());

  it('call.http: the folklore `to` field and the missing destination', async () => {
    const diags = await openAndDiagnose('call.http', 2);
    assert.deepStrictEqual(diags.map(snapshot), [
      'payload.destination error 9:0-9:1',
      'payload.unknown-field error 10:2-10:6',
    ]);
    const unknown = diags[1];
    assert.match(unknown.message, /`to` is not a field of CreateCallRequest/);
    assert.strictEqual(unknown.source, 'Genesys Call Doctor');
  });

  it('token.http: token request on the API host', async () => {
    const diags = await openAndDiagnose('token.http', 1);
    assert.deepStrictEqual(diags.map(snapshot), ['endpoint.wrong-host error 1:5-1:51']);
  });

  it('outbound-call.json: a field CreateCallRequest does not have', async () => {
    const diags = await openAndDiagnose('outbound-call.json', 1);
    assert.deepStrictEqual(diags.map(snapshot), ['payload.unknown-field error 4:2-4:11']);
  });

  it('callback.call.json: tied to postConversationsCalls by the default setting; a number where a string belongs', async () => {
    const diags = await openAndDiagnose('callback.call.json', 1);
    assert.deepStrictEqual(diags.map(snapshot), ['payload.type error 1:17-1:28']);
  });

  it('resolves {{variables}} from the environment chosen in genesysCloud.httpEnvironment', async () => {
    const diags = await openAndDiagnose('env/vars.http', 1);
    assert.deepStrictEqual(diags.map(snapshot), ['variable.unresolved warning 2:4-2:12']);
    const config = vscode.workspace.getConfiguration('genesysCloud');
    await config.update('httpEnvironment', 'dev', vscode.ConfigurationTarget.Global);
    try {
      const after = await diagnosticsWhen(workspaceFile('env/vars.http'), (d) => d.length === 0);
      assert.deepStrictEqual(after, []);
    } finally {
      await config.update('httpEnvironment', undefined, vscode.ConfigurationTarget.Global);
    }
    const restored = await diagnosticsWhen(workspaceFile('env/vars.http'), (d) => d.length === 1);
    assert.deepStrictEqual(restored.map(snapshot), ['variable.unresolved warning 2:4-2:12']);
  });

  it('links a rule id to its documentation page when the page exists', async () => {
    const diags = vscode.languages.getDiagnostics(workspaceFile('token.http')).filter((d) => d.source === 'Genesys Call Doctor');
    const page = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'docs', 'rules', 'endpoint.wrong-host.md');
    const code = diags[0].code;
    if (fs.existsSync(page)) {
      assert.ok(typeof code === 'object', 'expected a linked code');
      assert.strictEqual(code.value, 'endpoint.wrong-host');
      assert.strictEqual(code.target.fsPath, page);
    } else {
      assert.strictEqual(code, 'endpoint.wrong-host');
    }
  });

  it('re-lints as the user types (debounced) and clears fixed problems', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: 'POST https://api.mypurecloud.com/api/v2/oauth/token\n' });
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhen(doc.uri, (d) => d.length === 1);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 5, 0, 51), 'https://login.mypurecloud.com/oauth/token');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await diagnosticsWhen(doc.uri, (d) => d.length === 0);
    assert.deepStrictEqual(after, []);
  });
});
