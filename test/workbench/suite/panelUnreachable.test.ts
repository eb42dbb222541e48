// Evidence is never stale, in the real workbench: after the sandbox org
// stops, an explicit run shows one "Could not reach <host>" state with Retry
// (and Start Sandbox Org, the host being loopback), not PASS rows made of
// cached lookups; and after a sign-out the panel no longer shows "Signed in
// as …" with the old verdict.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import type { RunView, WebviewMessage } from '../../../src/shared/protocol';
import type { PanelInspection } from '../../../src/vscode/doctor/panel/callDoctorPanel';
import { eventually } from './authHelpers';
import { api, signInAs, signOut } from './sandboxUsers';

type Rendered = Extract<WebviewMessage, { method: 'rendered' }>;
const settled = (v: RunView | undefined) => !!v && v.items.every((i) => i.state !== 'pending');

describe('Call Doctor panel: a stopped sandbox and a sign-out', function () {
  this.timeout(60_000); // two sandbox runs and a retry on a shared, busy machine
  let sandbox: Sandbox | undefined;
  let url: string;
  let panel: PanelInspection;
  const files: vscode.Uri[] = [];

  before(async () => {
    const x = await api();
    assert.ok(x.callDoctorPanel, 'the panel inspection is exported under tests');
    panel = x.callDoctorPanel;
  });

  after(async () => {
    await signOut(url);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of files) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
    await sandbox?.close();
  });

  /** A request file of its own for the sandbox, shown, with the panel open beside it and ready. */
  async function openCall(): Promise<vscode.TextDocument> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => !panel.isOpen());
    const file = vscode.Uri.file(path.join(os.tmpdir(), `call-doctor-unreachable-${process.pid}-${files.length}.http`));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`POST ${url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n`));
    files.push(file);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const from = panel.received.length;
    await vscode.commands.executeCommand('genesysCloud.openCallDoctor', { preserveFocus: true });
    await eventually(() => panel.received.slice(from).some((m) => m.method === 'ready'));
    return doc;
  }

  /** Runs the Call Doctor command (an explicit run) and waits for the panel's view of it and what the webview drew. */
  async function runExplicitly(doc: vscode.TextDocument): Promise<{ view: RunView; rendered: Rendered }> {
    const key = `0|${doc.uri.toString()}`;
    const [from, startedAt] = [panel.received.length, Date.now()];
    await vscode.commands.executeCommand('genesysCloud.runCallDoctor', doc.uri, 0);
    const view = await eventually(() => panel.view()?.key === key && panel.view()!.startedAt >= startedAt && settled(panel.view()) && panel.view());
    const rendered = await eventually(() => panel.received.slice(from).filter((m): m is Rendered => m.method === 'rendered' && m.params.key === key
      && m.params.items.every((i) => i.state !== 'pending')).pop());
    return { view, rendered };
  }

  it('sandbox stopped: an explicit run is "Could not reach <host>" with Retry and Start Sandbox Org, and no PASS row', async () => {
    sandbox = await startSandbox();
    url = sandbox.url;
    const host = new URL(url).host;
    await signInAs(url, 'alice');
    const doc = await openCall();
    const first = await runExplicitly(doc);
    assert.strictEqual(first.view.unreachable, undefined);
    assert.ok(first.view.items.some((i) => i.id !== 'payload' && i.state === 'pass'), 'the sandbox answered: some live checks pass');

    await sandbox.close();
    sandbox = undefined;
    const { view, rendered } = await runExplicitly(doc);
    assert.deepStrictEqual(view.unreachable && [view.unreachable.host, view.unreachable.loopback], [host, true], JSON.stringify(view));
    assert.match(view.unreachable!.message, /connection refused/);
    assert.strictEqual(view.verdict, 'unknown');
    assert.strictEqual(view.request.account, undefined, 'no "Signed in as" from a lookup that got no answer');
    assert.deepStrictEqual(view.items.filter((i) => i.id !== 'payload' && i.state !== 'skipped'), [], 'no live verdict rows');
    // What the real webview drew: the one state, its buttons, and no live check rows.
    assert.deepStrictEqual(rendered.params.outcome, { kind: 'unreachable', heading: `Could not reach ${host}`, buttons: ['Retry', 'Start Sandbox Org'] });
    assert.deepStrictEqual(rendered.params.items.filter((i) => i.id !== 'payload'), []);
    assert.ok(!rendered.params.items.some((i) => i.id !== 'payload' && i.state === 'pass'));
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Call Doctor'));
    assert.strictEqual(tab?.label, 'Call Doctor: UNKNOWN');

    // Retry (the webview's rerun request) asks again, and still reaches nothing.
    const before = panel.posted.length;
    await panel.receive({ type: 'request', id: 9101, method: 'rerun', params: {} });
    const answer = await eventually(() => panel.posted.slice(before).find((m) => m.type === 'response' && m.id === 9101));
    assert.ok(answer.type === 'response' && answer.ok && answer.result && (answer.result as { verdict: string }).verdict === 'unknown', JSON.stringify(answer));
    assert.ok(panel.view()?.unreachable, 'still the could-not-reach state');
  });

  it('after Sign Out the shown run is outdated: no "Signed in as", no old verdict', async () => {
    sandbox = await startSandbox();
    url = sandbox.url;
    await signInAs(url, 'bob');
    const doc = await openCall();
    const { view } = await runExplicitly(doc);
    assert.strictEqual(view.verdict, 'fail');
    assert.strictEqual(view.request.account, 'Bob Nostation (CODE)');
    // The request's editor closes (nothing re-runs it); the panel stays.
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.ok(panel.isOpen());
    const from = panel.received.length;
    await signOut(url);
    const old = await eventually(() => !!panel.view()?.outdated && panel.view());
    assert.match(old.outdated!, /signed out/);
    assert.strictEqual(old.request.account, undefined);
    assert.notStrictEqual(old.verdict, 'fail');
    assert.ok(old.items.filter((i) => i.id !== 'payload').every((i) => i.state === 'skipped'));
    await eventually(() => panel.received.slice(from).some((m) => m.method === 'rendered' && m.params.key === old.key
      && m.params.items.filter((i) => i.id !== 'payload').every((i) => i.state === 'skipped')));
    const md = await vscode.commands.executeCommand<string | undefined>('genesysCloud.copyReport');
    assert.ok(md && !/Signed in as/.test(md) && /Live checks:\*\* not run: you signed out/.test(md), md);
  });
});
