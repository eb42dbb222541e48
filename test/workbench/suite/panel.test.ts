// The Call Doctor webview panel in the real workbench, against the sandbox
// org: verdicts for two fixture users (in the host's view model and in what
// the real webview rendered), the ready handshake, explain and report
// round trips, no token in anything the webview receives, and the serializer.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { pkceLogin } from '../../../src/sandbox/testing/flows';
import type { HostMessage, RunView, WebviewMessage } from '../../../src/shared/protocol';
import type { PanelInspection } from '../../../src/vscode/doctor/panel/callDoctorPanel';
import { eventually } from './authHelpers';
import { activateExtension, EXTENSION_ID } from './helpers';

const PKCE_CLIENT = '6209954a-6272-5918-84ed-d5909e4ea74b';
const ALICE_HEALTHY = 'd6d474da-07f5-541a-9657-07949181315a';
const BOB_NO_STATION = 'c7898be9-650f-533c-a8f0-0c65132fd83e';

/** A run's result, not the pending view the panel shows while the run is in flight. */
const settled = (v: RunView) => v.items.every((i) => i.state !== 'pending');
const states = (items: { id: string; state: string }[]) => Object.fromEntries(items.map((i) => [i.id, i.state]));
type Rendered = Extract<WebviewMessage, { method: 'rendered' }>;

describe('Call Doctor panel (sandbox, real webview)', () => {
  let sandbox: Sandbox;
  let panel: PanelInspection;
  const tokens: string[] = [];

  before(async () => {
    await activateExtension();
    const api = vscode.extensions.getExtension<{ callDoctorPanel?: PanelInspection }>(EXTENSION_ID)!.exports;
    assert.ok(api.callDoctorPanel, 'the panel inspection is exported under tests');
    panel = api.callDoctorPanel;
    sandbox = await startSandbox();
  });

  after(async () => {
    await vscode.commands.executeCommand('genesysCloud.signOut', sandbox.url);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sandbox.close();
  });

  /** Signs in as `userId` (only session), runs the doctor on a call request, and waits for the webview to show it. */
  async function diagnose(userId: string): Promise<{ view: RunView; rendered: Rendered; key: string }> {
    await vscode.commands.executeCommand('genesysCloud.signOut', sandbox.url);
    const token = (await pkceLogin(sandbox.url, PKCE_CLIENT, userId)).access_token;
    tokens.push(token);
    await vscode.commands.executeCommand('genesysCloud.signIn', { environment: sandbox.url, flow: 'token', accessToken: token });
    const content = `POST ${sandbox.url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content });
    await vscode.window.showTextDocument(doc);
    // Untitled names are reused across test files: only what this run produced counts.
    const [from, startedAt] = [panel.received.length, Date.now()];
    const result = await vscode.commands.executeCommand<{ checks: unknown[] } | undefined>('genesysCloud.runCallDoctor', doc.uri, 0);
    assert.ok(result, 'the run command returned the live result');
    const key = `0|${doc.uri.toString()}`;
    const view = await eventually(() => panel.view()?.key === key && panel.view()!.startedAt >= startedAt && settled(panel.view()!) && panel.view());
    const rendered = await eventually(() => panel.received.slice(from).find((m): m is Rendered => m.method === 'rendered' && m.params.key === key
      && m.params.items.every((i) => i.state !== 'pending')));
    return { view, rendered, key };
  }

  it('Bob (no station): station FAIL, Edge not checked, verdict FAIL; the real webview renders the same', async () => {
    const { view, rendered } = await diagnose(BOB_NO_STATION);
    assert.strictEqual(view.verdict, 'fail');
    assert.deepStrictEqual(states(view.items), {
      user: 'pass', scope: 'pass', permission: 'pass', station: 'fail', edge: 'skipped', route: 'skipped', queue: 'skipped', payload: 'pass',
    });
    const station = view.items.find((i) => i.id === 'station')!;
    assert.deepStrictEqual(station.findings.map((f) => [f.rule, f.hasDocs]), [['station.none', true]]);
    assert.match(station.findings[0].evidence[0]?.request ?? '', /^GET \/api\/v2\//);
    assert.strictEqual(view.request.account, 'Bob Nostation (CODE)');
    assert.strictEqual(view.request.operationId, 'postConversationsCalls');
    assert.deepStrictEqual(states(rendered.params.items), states(view.items), 'the webview DOM shows the host verdicts');
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Call Doctor'));
    assert.strictEqual(tab?.label, 'Call Doctor: FAIL');
  });

  it('handshake: the webview said ready, and the state it rendered came after it', () => {
    const ready = panel.received.findIndex((m) => m.method === 'ready');
    const rendered = panel.received.findIndex((m) => m.method === 'rendered' && m.params.key !== null);
    assert.ok(ready >= 0, 'ready received');
    assert.ok(rendered > ready, 'rendered a run only after ready');
    assert.ok(panel.posted.some((m) => m.type === 'notify' && m.method === 'state' && m.params.view !== null));
  });

  it('explain request from the webview -> the core explainer\'s answer under the same id', async () => {
    const body = 'HTTP/1.1 403 Forbidden\n\n{"message":"Missing permission","code":"missing.any.permissions","status":403,"messageParams":{"p":"conversation:call:add"},"contextId":"ctx-panel-1"}';
    await panel.receive({ type: 'request', id: 90001, method: 'explain', params: { text: body } });
    const response = await eventually(() => panel.posted.find((m): m is Extract<HostMessage, { type: 'response' }> => m.type === 'response' && m.id === 90001));
    assert.ok(response.ok && response.method === 'explain');
    if (response.ok && response.method === 'explain') {
      assert.strictEqual(response.result.code, 'missing.any.permissions');
      assert.deepStrictEqual(response.result.permissions, ['conversation:call:add']);
      assert.strictEqual(response.result.correlationId, 'ctx-panel-1');
    }
    await panel.receive({ type: 'request', id: 90002, method: 'openDocs', params: { rule: '../../secrets' } });
    assert.ok(!panel.posted.some((m) => m.type === 'response' && m.id === 90002), 'a malformed request gets no answer');
    // A source link in the webview asks the host to open the facts reference at its entry.
    await panel.receive({ type: 'request', id: 90003, method: 'openFacts', params: { anchor: 'permission-error-codes' } });
    const opened = await eventually(() => panel.posted.find((m) => m.type === 'response' && m.id === 90003));
    assert.ok(opened.type === 'response' && opened.ok && opened.method === 'openFacts' && opened.result.opened);
  });

  it('"Explain Error Response" with text explains it and shows it in the panel', async () => {
    const x = await vscode.commands.executeCommand<{ code?: string; known: boolean; cause: string }>('genesysCloud.explainError',
      { text: '{"message":"A station is required to place a call.","code":"conversation.error.no.user.station","status":400}' });
    assert.strictEqual(x?.code, 'conversation.error.no.user.station');
    assert.strictEqual(x?.known, true);
    await eventually(() => panel.posted.some((m) => m.type === 'notify' && m.method === 'explanation' && m.params.explanation.code === 'conversation.error.no.user.station'));
  });

  it('"Explain Error Response" reads the error from a file or from the clipboard', async () => {
    const file = vscode.Uri.file(path.join(os.tmpdir(), `call-doctor-error-${process.pid}.txt`));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('HTTP/1.1 429 Too Many Requests\nRetry-After: 7\n\n{"message":"Rate limit exceeded","code":"too.many.requests","status":429,"contextId":"ctx-file"}'));
    try {
      const x = await vscode.commands.executeCommand<{ code?: string; retryAfterSeconds?: number; correlationId?: string }>('genesysCloud.explainError', { source: 'file', uri: file });
      assert.deepStrictEqual([x?.code, x?.retryAfterSeconds, x?.correlationId], ['too.many.requests', 7, 'ctx-file']);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await vscode.env.clipboard.writeText('{"message":"Missing permission","code":"missing.permissions","status":403,"messageParams":{"p":"conversation:call:add"}}');
    const y = await vscode.commands.executeCommand<{ code?: string; permissionsType?: string }>('genesysCloud.explainError', { source: 'clipboard' });
    assert.deepStrictEqual([y?.code, y?.permissionsType], ['missing.permissions', 'ALL']);
  });

  it('"Explain Error Response" from the editor context menu explains the selection', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'log line\n{"message":"Not a user","code":"not.a.user","status":400}\nmore log\n' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 1, doc.lineAt(1).text.length);
    const x = await vscode.commands.executeCommand<{ code?: string; status?: number }>('genesysCloud.explainError', doc.uri);
    assert.deepStrictEqual([x?.code, x?.status], ['not.a.user', 400]);
  });

  it('"Copy Diagnosis Report" gives the core\'s redacted markdown report of the last run', async () => {
    const md = await vscode.commands.executeCommand<string>('genesysCloud.copyReport');
    assert.match(md, /^# Call Doctor report: POST \/api\/v2\/conversations\/calls/);
    assert.match(md, /\| Station and Edge \| ❌ fail \|/);
    assert.match(md, /### ERROR `station.none`/);
    for (const t of tokens) assert.ok(!md.includes(t), 'no token in the report');
  });

  it('Alice (healthy): station and Edge PASS; routes unreadable for her, so route and verdict UNKNOWN', async () => {
    const { view, rendered } = await diagnose(ALICE_HEALTHY);
    assert.deepStrictEqual(states(view.items), {
      user: 'pass', scope: 'pass', permission: 'pass', station: 'pass', edge: 'pass', route: 'unknown', queue: 'skipped', payload: 'pass',
    });
    assert.strictEqual(view.verdict, 'unknown');
    assert.strictEqual(view.request.account, 'Alice Healthy (CODE)');
    assert.deepStrictEqual(states(rendered.params.items), states(view.items));
  });

  /** Sends a request as the webview would and resolves with the host's response. */
  async function ask(m: { id: number; method: string; params: unknown }): Promise<Extract<HostMessage, { type: 'response' }>> {
    await panel.receive({ type: 'request', ...m });
    return eventually(() => panel.posted.find((p): p is Extract<HostMessage, { type: 'response' }> => p.type === 'response' && p.id === m.id));
  }

  it('Re-run: the items go pending, then the new run arrives and the answer carries its verdict', async () => {
    const from = panel.posted.length;
    const r = await ask({ id: 90020, method: 'rerun', params: {} });
    assert.deepStrictEqual(r.ok && r.result, { verdict: 'unknown' });
    const after = panel.posted.slice(from);
    const pending = after.findIndex((m) => m.type === 'notify' && m.method === 'running' && m.params.running);
    const state = after.findIndex((m) => m.type === 'notify' && m.method === 'state');
    assert.ok(pending >= 0 && state > pending, 'running:true, then the new state');
  });

  it('apply quick fix: the host applies the finding\'s WorkspaceEdit to the document; a stale fix is refused', async () => {
    const content = `POST ${sandbox.url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{\n  "to": "+13175550199"\n}\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content });
    await vscode.window.showTextDocument(doc);
    const startedAt = Date.now();
    await vscode.commands.executeCommand('genesysCloud.runCallDoctor', doc.uri, 0);
    const key = `0|${doc.uri.toString()}`;
    const view = await eventually(() => panel.view()?.key === key && panel.view()!.startedAt >= startedAt && settled(panel.view()!) && panel.view());
    const payload = view.items.find((i) => i.id === 'payload')!;
    assert.strictEqual(payload.state, 'fail');
    const fixable = payload.findings.find((f) => f.fixes.length > 0)!;
    assert.deepStrictEqual(fixable.fixes, [{ index: 0, title: 'Rename `to` to `phoneNumber`' }]);
    const applied = await ask({ id: 90030, method: 'applyFix', params: { findingKey: fixable.key, fixIndex: 0 } });
    assert.deepStrictEqual(applied.ok && applied.result, { applied: true, detail: 'Applied: Rename `to` to `phoneNumber`' });
    assert.strictEqual(doc.lineAt(4).text, '  "phoneNumber": "+13175550199"');
    const again = await ask({ id: 90031, method: 'applyFix', params: { findingKey: fixable.key, fixIndex: 0 } });
    assert.deepStrictEqual(again.ok && again.result, { applied: false, detail: 'The document changed since this run: re-run the Call Doctor, then apply the fix.' });
  });

  it('no token in the HTML or in any message posted to the webview', () => {
    assert.strictEqual(tokens.length, 2);
    const posted = JSON.stringify(panel.posted);
    const html = panel.html() ?? '';
    assert.ok(posted.length > 1000 && html.includes('nonce-'));
    for (const t of tokens) {
      assert.ok(t.length >= 16);
      assert.ok(!posted.includes(t), 'token in a posted message');
      assert.ok(!html.includes(t), 'token in the HTML');
    }
  });

  it('a hidden panel\'s webview is rebuilt when shown again: it says ready again and renders the same run', async () => {
    const key = panel.view()!.key;
    await vscode.commands.executeCommand('genesysCloud.openCallDoctor');
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'covers the panel' });
    const before = panel.received.length;
    await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.Active, preview: false });
    const callDoctorTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Call Doctor'));
    assert.strictEqual(callDoctorTab()?.isActive, false, 'the panel is covered');
    await vscode.commands.executeCommand('genesysCloud.openCallDoctor');
    await eventually(() => panel.received.slice(before).some((m) => m.method === 'ready'));
    const rendered = await eventually(() => panel.received.slice(before).find((m): m is Rendered => m.method === 'rendered' && m.params.key === key));
    assert.deepStrictEqual(states(rendered.params.items), states(panel.view()!.items));
  });

  it('the serializer revives a disposed panel from its saved view model, and the new webview renders it', async () => {
    const saved = { ...panel.view()!, key: '0|untitled:restored-by-serializer' };
    const nonceOf = (html: string | undefined) => /script-src &#39;nonce-([^&]+)&#39;/.exec(html ?? '')?.[1];
    const oldNonce = nonceOf(panel.html());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => !panel.isOpen());
    const revived = vscode.window.createWebviewPanel('genesysCloud.callDoctor', 'Call Doctor', vscode.ViewColumn.One, {});
    const before = panel.received.length;
    panel.revive(revived, { view: saved });
    const html = revived.webview.html;
    const nonce = nonceOf(html);
    assert.ok(nonce && oldNonce && nonce !== oldNonce, 'a fresh nonce per render');
    assert.deepStrictEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0].includes(`nonce="${nonce}"`)), [true], 'one script, with the nonce');
    assert.strictEqual(revived.webview.options.enableScripts, true);
    assert.deepStrictEqual(revived.webview.options.localResourceRoots?.map((u) => u.path.split('/').slice(-1)[0]), ['media', 'dist']);
    const rendered = await eventually(() => panel.received.slice(before).find((m): m is Rendered => m.method === 'rendered' && m.params.key === saved.key));
    assert.deepStrictEqual(states(rendered.params.items), states(saved.items));
    assert.strictEqual(panel.view()?.key, saved.key);
    assert.ok(panel.received.slice(before).some((m) => m.method === 'ready'), 'the revived webview did the handshake');
    revived.dispose();
  });
});
