// Sign-in (Accounts: Genesys Cloud) and the Call Doctor against the local
// sandbox org, started inside the extension host on a loopback port.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { pkceLogin } from '../../../src/sandbox/testing/flows';
import { activateExtension, diagnosticsWhen, SOURCE } from './helpers';

const PKCE_CLIENT = '6209954a-6272-5918-84ed-d5909e4ea74b';
const BOB_NO_STATION = 'c7898be9-650f-533c-a8f0-0c65132fd83e';

/** The provider id of the next vscode.authentication.onDidChangeSessions event. */
function nextSessionChange(): Promise<string> {
  return new Promise((resolve) => {
    const sub = vscode.authentication.onDidChangeSessions((e) => { sub.dispose(); resolve(e.provider.id); });
  });
}

/** Labels of the open webview tabs, once one has a verdict in its title (the tab model updates asynchronously). */
function webviewTabLabels(): Promise<string[]> {
  const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).map((t) => t.label);
  const ready = () => labels().some((l) => l.startsWith('Call Doctor: '));
  return new Promise((resolve) => {
    if (ready()) return resolve(labels());
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => { if (ready()) { sub.dispose(); resolve(labels()); } });
  });
}

describe('sign-in and the Call Doctor (sandbox)', () => {
  let sandbox: Sandbox;

  before(async () => {
    await activateExtension();
    sandbox = await startSandbox();
  });

  after(async () => {
    await vscode.commands.executeCommand('genesysCloud.signOut', sandbox.url);
    await sandbox.close();
  });

  it('signs in with an access token; the Accounts provider "genesys-cloud" announces the session', async () => {
    const token = (await pkceLogin(sandbox.url, PKCE_CLIENT, BOB_NO_STATION)).access_token;
    const announced = nextSessionChange();
    const session = await vscode.commands.executeCommand<vscode.AuthenticationSession>('genesysCloud.signIn', { environment: sandbox.url, flow: 'token', accessToken: token });
    assert.strictEqual(session.account.label, `Bob Nostation @ ${sandbox.url}`);
    assert.strictEqual(session.accessToken, token);
    assert.strictEqual(await announced, 'genesys-cloud');
  });

  it('rejects a token the environment does not accept, with the reason', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('genesysCloud.signIn', { environment: sandbox.url, flow: 'token', accessToken: 'not-a-token' })),
      /rejected the access token \(HTTP 401\)/);
  });

  it('runs the live checks for a request and shows the failing check on it', async () => {
    const content = `POST ${sandbox.url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content });
    await vscode.window.showTextDocument(doc);
    const result = await vscode.commands.executeCommand<{ verdict: string; checks: { id: string; state: string }[] }>('genesysCloud.runCallDoctor', doc.uri, 0);
    assert.strictEqual(result.verdict, 'fail');
    assert.strictEqual(result.checks.find((c) => c.id === 'station')?.state, 'fail');
    const live = await diagnosticsWhen(doc.uri, (d) => d.some((x) => typeof x.code === 'object' ? x.code.value === 'station.none' : x.code === 'station.none'));
    const station = live.find((x) => (typeof x.code === 'object' ? x.code.value : x.code) === 'station.none')!;
    assert.strictEqual(station.source, SOURCE);
    assert.strictEqual(station.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(station.range.start.line, 0, 'placed on the request line');
    assert.match(station.relatedInformation?.[0]?.message ?? '', /^evidence: GET \/api\/v2\/\S+ -> 200/);
    assert.deepStrictEqual(await webviewTabLabels(), ['Call Doctor: FAIL']);
  });

  it('signs out, and the session is gone', async () => {
    const announced = nextSessionChange();
    const out = await vscode.commands.executeCommand<string[]>('genesysCloud.signOut', sandbox.url);
    assert.deepStrictEqual(out, [sandbox.url]);
    assert.strictEqual(await announced, 'genesys-cloud');
    assert.deepStrictEqual(await vscode.commands.executeCommand<string[]>('genesysCloud.signOut', sandbox.url), []);
  });
});
