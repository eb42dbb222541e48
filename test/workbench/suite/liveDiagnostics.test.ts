// Live diagnostics: on save, the Call Doctor's live checks run for the
// file's requests with the signed-in session and their findings appear as
// diagnostics with related information pointing at the evidence; sign-out
// clears them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { diagnosticsWhen, SOURCE } from './helpers';
import { api, signInAs, signOut } from './sandboxUsers';

const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

describe('live diagnostics (sandbox)', () => {
  let sandbox: Sandbox;
  let dir: string;

  before(async () => {
    await api();
    sandbox = await startSandbox();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-doctor-live-'));
  });

  after(async () => {
    await signOut(sandbox.url);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('on save, shows station.none for a user without a station, with the evidence as related information; sign-out clears it', async () => {
    await signInAs(sandbox.url, 'bob');
    const file = path.join(dir, 'call.http');
    fs.writeFileSync(file, `POST ${sandbox.url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), '\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());

    const live = await diagnosticsWhen(doc.uri, (d) => d.some((x) => code(x) === 'station.none'));
    const station = live.find((x) => code(x) === 'station.none')!;
    assert.strictEqual(station.source, SOURCE);
    assert.strictEqual(station.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(station.range.start.line, 0, 'placed on the request line');
    const related = station.relatedInformation ?? [];
    assert.match(related[0]?.message ?? '', /^evidence: GET \/api\/v2\/\S+ -> 200/);
    assert.strictEqual(related[0].location.uri.toString(), doc.uri.toString());
    const all = related.find((r) => r.location.uri.scheme === 'genesys-call-doctor-evidence');
    assert.ok(all, 'a related entry opens the run\'s full evidence');
    assert.match(all.message, /^all \d+ API calls of this Call Doctor run/);
    const evidence = (await vscode.workspace.openTextDocument(all.location.uri)).getText();
    assert.match(evidence, /Call Doctor: POST \/api\/v2\/conversations\/calls \(postConversationsCalls\)/);
    assert.match(evidence, /error station\.none:/);
    assert.ok(!evidence.includes('Bearer '), 'no token in the evidence');

    await signOut(sandbox.url);
    await diagnosticsWhen(doc.uri, (d) => !d.some((x) => code(x) === 'station.none'));
  });

  it('the command runs the live checks for every request of a file and returns the runs', async () => {
    await signInAs(sandbox.url, 'alice');
    const content = `GET ${sandbox.url}/api/v2/users/me\n\n###\nPOST ${sandbox.url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content });
    const runs = await vscode.commands.executeCommand<{ requestIndex: number; live?: { verdict: string; operation: { id: string } }; error?: string }[]>('genesysCloud.runLiveChecks', doc.uri);
    assert.deepStrictEqual(runs.map((r) => [r.requestIndex, r.live?.operation.id, r.error]), [[0, 'getUsersMe', undefined], [1, 'postConversationsCalls', undefined]]);
    assert.strictEqual(runs[1].live?.verdict === 'fail', false, 'Alice can place the call');
  });
});
