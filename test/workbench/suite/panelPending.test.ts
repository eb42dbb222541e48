// The Call Doctor panel while runs start: the user's command switches it to
// its request and shows every item pending (DoctorService.onWillRun) before
// the result; background runs of other requests leave it alone. And Copy
// Diagnosis Report without a live result: signed out, and after a reload.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import type { HostMessage, RunView, WebviewMessage } from '../../../src/shared/protocol';
import type { DoctorRunStart } from '../../../src/vscode/doctor/doctorTypes';
import type { DoctorService } from '../../../src/vscode/doctor/doctorService';
import type { PanelInspection } from '../../../src/vscode/doctor/panel/callDoctorPanel';
import { eventually } from './authHelpers';
import { api, signInAs, signOut } from './sandboxUsers';

type StateMsg = Extract<HostMessage, { method: 'state' }>;
type Rendered = Extract<WebviewMessage, { method: 'rendered' }>;
const isState = (m: HostMessage, key: string): m is StateMsg => m.type === 'notify' && m.method === 'state' && m.params.view?.key === key;
const allPending = (items: { state: string }[]) => items.length === 8 && items.every((i) => i.state === 'pending');

describe('Call Doctor panel: pending runs and reports without a live result', () => {
  let sandbox: Sandbox;
  let panel: PanelInspection;
  let doctor: DoctorService;
  const files: vscode.Uri[] = [];
  const callRequest = (body = '{ "phoneNumber": "+13175550199" }') =>
    `POST ${sandbox.url}/api/v2/conversations/calls\nContent-Type: application/json\n\n${body}\n`;

  before(async () => {
    const x = await api();
    assert.ok(x.callDoctorPanel && x.doctor, 'the panel inspection and the DoctorService are exported under tests');
    panel = x.callDoctorPanel;
    doctor = x.doctor;
    sandbox = await startSandbox();
    await signInAs(sandbox.url, 'alice');
  });

  after(async () => {
    await signOut(sandbox.url);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of files) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
    await sandbox.close();
  });

  /** A fresh request document, shown in the first column, and the panel open beside it with its webview ready. */
  async function openWithPanel(content: string): Promise<vscode.TextDocument> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => !panel.isOpen());
    // A file of its own: untitled names are reused, and the panel may still hold a view of an old Untitled-1.
    const file = vscode.Uri.file(path.join(os.tmpdir(), `call-doctor-pending-${process.pid}-${files.length}.http`));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
    files.push(file);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const from = panel.received.length;
    await vscode.commands.executeCommand('genesysCloud.openCallDoctor', { preserveFocus: true });
    await eventually(() => panel.received.slice(from).some((m) => m.method === 'ready'));
    return doc;
  }

  it('the Run command fires onWillRun, then the panel posts the request with every item pending and running, then the result', async () => {
    const doc = await openWithPanel(callRequest());
    const key = `0|${doc.uri.toString()}`;
    assert.notStrictEqual(panel.view()?.key, key);
    const starts: DoctorRunStart[] = [];
    const sub = doctor.onWillRun((s) => starts.push(s));
    const [posted, received] = [panel.posted.length, panel.received.length];
    try {
      const result = await vscode.commands.executeCommand<{ verdict: string } | undefined>('genesysCloud.runCallDoctor', doc.uri, 0);
      assert.strictEqual(result?.verdict, 'unknown', 'Alice: routes are unreadable for her, so UNKNOWN');
    } finally { sub.dispose(); }
    assert.deepStrictEqual(starts.map((s) => [s.uri, s.requestIndex, s.userStarted, s.request.operationId]), [[doc.uri.toString(), 0, true, 'postConversationsCalls']]);

    // The host posts a view's state as it adopts it, so once the view is final its state was posted.
    const final = await eventually(() => panel.view()?.key === key && !panel.view()!.items.some((i) => i.state === 'pending') && panel.view());
    assert.strictEqual(final.verdict, 'unknown');
    const after = panel.posted.slice(posted);
    const pendingState = after.findIndex((m) => isState(m, key) && allPending(m.params.view!.items));
    const running = after.findIndex((m, i) => i > pendingState && m.type === 'notify' && m.method === 'running' && m.params.running);
    const result = after.findIndex((m) => isState(m, key) && m.params.view!.items.every((x) => x.state !== 'pending'));
    assert.ok(pendingState >= 0, 'a state with every item pending was posted');
    assert.ok(running > pendingState && result > running, `pending state (${pendingState}), running (${running}), then the result (${result})`);
    const pendingView = (after[pendingState] as StateMsg).params.view!;
    assert.deepStrictEqual([pendingView.request.method, pendingView.request.operationPath], ['POST', '/api/v2/conversations/calls']);
    // The real webview drew the pending checklist before the verdicts.
    const rendered = await eventually(() => {
      const r = panel.received.slice(received).filter((m): m is Rendered => m.method === 'rendered' && m.params.key === key);
      return r.some((m) => m.params.items.every((i) => i.state !== 'pending')) && r;
    });
    assert.ok(allPending(rendered[0].params.items), `first render of the request: ${JSON.stringify(rendered[0].params.items)}`);
  });

  it('a background run of another request leaves the panel alone; one of the shown request makes it pending', async () => {
    const shown = panel.view()!;
    const other = await vscode.workspace.openTextDocument({ language: 'http', content: callRequest() });
    const from = panel.posted.length;
    const otherRun = await doctor.run(other, 0, undefined, { background: true });
    assert.strictEqual(otherRun.userStarted, undefined);
    assert.ok(otherRun.live, otherRun.error);
    const doc = vscode.workspace.textDocuments.find((d) => shown.key === `0|${d.uri.toString()}`)!;
    await doctor.run(doc, 0, undefined, { background: true, force: true });
    const after = await eventually(() => {
      const a = panel.posted.slice(from);
      return a.some((m) => isState(m, shown.key)) && a;
    });
    assert.strictEqual(panel.view()?.key, shown.key, 'still the request it showed');
    assert.ok(!after.some((m) => m.type === 'notify' && m.method === 'state' && m.params.view?.key === `0|${other.uri.toString()}`), 'nothing of the other request was posted');
    const running = after.findIndex((m) => m.type === 'notify' && m.method === 'running' && m.params.running);
    const state = after.findIndex((m) => isState(m, shown.key));
    assert.ok(running >= 0 && state > running, 'running:true for the shown request, then its new state');
  });

  it('Copy Diagnosis Report without a live result: offline findings and why the live checks did not run', async () => {
    await signOut(sandbox.url);
    // A Genesys host (no sandbox session after sign-out): the offline payload rules apply, and no request is sent.
    const doc = await openWithPanel('POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{\n  "to": "+13175550199"\n}\n');
    const run = await doctor.run(doc, 0, undefined, { userStarted: true });
    assert.ok(!run.live && run.error);
    const key = `0|${doc.uri.toString()}`;
    await eventually(() => panel.view()?.key === key && panel.view()!.startedAt >= run.startedAt && !panel.view()!.items.some((i) => i.state === 'pending'));
    const md = await vscode.commands.executeCommand<string | undefined>('genesysCloud.copyReport');
    assert.ok(md, 'the command produced a report');
    assert.match(md, /^# Call Doctor report: POST \/api\/v2\/conversations\/calls/);
    assert.match(md, /- \*\*Verdict:\*\* not determined \(offline checks only\)/);
    assert.match(md, /- \*\*Live checks:\*\* not run: (Not signed in to Genesys Cloud|No signed-in session for)/);
    assert.match(md, /### ERROR `payload\.[a-z-]+`\n\n[^\n]*`to`/);
    assert.strictEqual(await vscode.env.clipboard.readText(), md);
  });

  it('Copy Diagnosis Report for a view restored after a reload (no run behind it)', async () => {
    await signInAs(sandbox.url, 'bob');
    const doc = await openWithPanel(callRequest());
    const startedAt = Date.now();
    await vscode.commands.executeCommand('genesysCloud.runCallDoctor', doc.uri, 0);
    const view = await eventually(() => panel.view()?.key === `0|${doc.uri.toString()}` && panel.view()!.startedAt >= startedAt && panel.view()!.verdict !== 'unknown' && panel.view());
    assert.strictEqual(view.verdict, 'fail');
    const saved: RunView = { ...view, key: `0|untitled:restored-for-report-${process.pid}` };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => !panel.isOpen());
    const revived = vscode.window.createWebviewPanel('genesysCloud.callDoctor', 'Call Doctor', vscode.ViewColumn.One, {});
    try {
      panel.revive(revived, { view: saved });
      assert.strictEqual(panel.view()?.key, saved.key);
      const md = await vscode.commands.executeCommand<string | undefined>('genesysCloud.copyReport');
      assert.ok(md, 'the command produced a report');
      assert.match(md, /- \*\*Verdict:\*\* fail\n/);
      assert.match(md, /- \*\*Signed in as:\*\* Bob Nostation \(CODE\)/);
      assert.match(md, /\| Station \| ❌ fail \|/);
      assert.match(md, /### ERROR `station.none`/);
      assert.match(md, /restored from the saved panel/);
    } finally { revived.dispose(); }
  });
});
