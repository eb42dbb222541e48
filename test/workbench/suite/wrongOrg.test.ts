// The wrong-org regression (issue 8), in the real workbench: signed in only to
// the sandbox, "Run Call Doctor" on a request aimed at api.mypurecloud.com
// gives no verdict, only actions; Re-run keeps to that rule; the user's
// explicit "Run against <sandbox> anyway" runs, and the panel and the copied
// report say so.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import type { RunView, WebviewMessage } from '../../../src/shared/protocol';
import { eventually } from './authHelpers';
import { api, signInAs, signOut } from './sandboxUsers';

type Rendered = Extract<WebviewMessage, { method: 'rendered' }>;
const settled = (v: RunView | undefined) => !!v && v.items.every((i) => i.state !== 'pending');

describe('the session rule: a request for another org (sandbox)', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;

  before(async () => { sandbox = await startSandbox(); });
  after(async () => {
    await signOut(sandbox.url);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sandbox.close();
  });

  it('gives no verdict from the sandbox session, offers actions, and runs against the sandbox only when asked, saying so', async () => {
    const x = await api();
    const panel = x.callDoctorPanel!;
    await signInAs(sandbox.url, 'alice');
    const content = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content });
    await vscode.window.showTextDocument(doc);
    const key = `0|${doc.uri.toString()}`;
    const from = panel.received.length;
    const sent = sandbox.requestLog.entries().length;

    const live = await vscode.commands.executeCommand<unknown>('genesysCloud.runCallDoctor', doc.uri, 0);
    assert.strictEqual(live, undefined, 'no live result for another org');
    const noVerdict = await eventually(() => panel.view()?.key === key && settled(panel.view()) && panel.view()!.noSession && panel.view());
    assert.match(noVerdict.noSession!.message, /api\.mypurecloud\.com/);
    // Sign in to that region first, then one "run anyway" per signed-in session (other test files may leave one).
    assert.strictEqual(noVerdict.noSession!.actions[0].kind, 'sign-in');
    assert.match(noVerdict.noSession!.actions[0].label, /mypurecloud\.com/);
    assert.ok(noVerdict.noSession!.actions.slice(1).every((a) => a.kind === 'run-anyway'));
    assert.ok(!noVerdict.items.some((i) => i.id !== 'payload' && (i.state === 'pass' || i.state === 'fail')), 'no PASS/FAIL rows');
    assert.strictEqual(noVerdict.request.account, undefined, 'no "signed in as" for a run that did not happen');
    assert.strictEqual(sandbox.requestLog.entries().length, sent, 'nothing was asked of the sandbox');
    await eventually(() => panel.received.slice(from).some((m): m is Rendered => m.method === 'rendered' && m.params.key === key));

    // Re-run (the panel's button) keeps to the rule.
    await panel.receive({ type: 'request', id: 91001, method: 'rerun', params: {} });
    await eventually(() => panel.view()?.key === key && settled(panel.view()) && panel.view()!.noSession);

    // The user explicitly runs against the sandbox: a verdict, labelled as such in the panel and the report.
    const anyway = noVerdict.noSession!.actions.find((a) => a.kind === 'run-anyway' && a.label.includes(sandbox.url))!;
    assert.ok(anyway, `a "run anyway" for ${sandbox.url}: ${JSON.stringify(noVerdict.noSession!.actions)}`);
    await panel.receive({ type: 'request', id: 91002, method: 'sessionAction', params: { index: anyway.index } });
    const explicit = await eventually(() => panel.view()?.key === key && settled(panel.view()) && !panel.view()!.noSession && panel.view());
    assert.match(explicit.sessionNote?.text ?? '', /Checked against http:\/\/127\.0\.0\.1:\d+ (\(Alice Healthy\) )?at your request; the request targets https:\/\/api\.mypurecloud\.com/);
    const md = await vscode.commands.executeCommand<string>('genesysCloud.copyReport');
    assert.match(md, /at your request; the request targets https:\/\/api\.mypurecloud\.com/);
  });
});
