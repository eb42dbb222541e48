// "Start Sandbox Org" runs the sandbox inside the extension host and selects
// it; "Select Environment" validates and writes the setting.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { approveOnVerificationPage, eventually, saveEnvironmentSetting, testAccess } from './authHelpers';

const setting = () => vscode.workspace.getConfiguration('genesysCloud').get<string>('environment');

describe('Start Sandbox Org and Select Environment', () => {
  let restoreEnvironment: () => Promise<void>;

  before(async () => {
    await testAccess();
    restoreEnvironment = saveEnvironmentSetting();
  });

  after(async () => {
    await vscode.commands.executeCommand('genesysCloud.stopSandbox');
    await restoreEnvironment();
  });

  it('Select Environment writes a region by key as its canonical host', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('genesysCloud.selectEnvironment', 'eu-west-1'), 'mypurecloud.ie');
    assert.strictEqual(setting(), 'mypurecloud.ie');
  });

  it('Select Environment refuses plain http off loopback and keeps the setting', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('genesysCloud.selectEnvironment', 'http://genesys.example.com')),
      /Refusing plain http/);
    assert.strictEqual(setting(), 'mypurecloud.ie');
  });

  it('starts the sandbox on a loopback port once per window, selects it, and it answers RFC 8414 metadata', async () => {
    // Activation did not load the sandbox: its bundle enters the module cache only now.
    const loaded = () => Object.keys(require.cache).some((f) => f.endsWith(path.join('dist', 'sandbox.js')));
    assert.strictEqual(loaded(), false, 'dist/sandbox.js is not loaded before Start Sandbox Org');
    const started = await vscode.commands.executeCommand<{ url: string }>('genesysCloud.startSandbox', { signIn: false });
    assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(setting(), started.url);
    const res = await fetch(`${started.url}/.well-known/oauth-authorization-server`);
    assert.strictEqual(res.status, 200);
    const metadata = await res.json() as Record<string, unknown>;
    assert.strictEqual(metadata.issuer, started.url);
    assert.strictEqual(metadata.token_endpoint, `${started.url}/oauth/token`);
    assert.strictEqual(metadata.device_authorization_endpoint, `${started.url}/oauth/device/authorize`);
    const again = await vscode.commands.executeCommand<{ url: string }>('genesysCloud.startSandbox', { signIn: false });
    assert.strictEqual(again.url, started.url, 'the running sandbox is reused');
    assert.strictEqual(loaded(), true);
  });

  it('Select Environment offers the running sandbox first', async () => {
    const sandboxUrl = setting()!;
    await vscode.commands.executeCommand('genesysCloud.selectEnvironment', 'eu_west_1');
    const chosen = vscode.commands.executeCommand<string>('genesysCloud.selectEnvironment'); // the quick pick
    const accepted = await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return setting() === sandboxUrl;
    });
    assert.ok(accepted);
    assert.strictEqual(await chosen, sandboxUrl);
  });

  it('then signs in to it through the prompts: the preferred device flow, the sandbox\'s device client pre-filled', async () => {
    const testing = await testAccess();
    const sb = testing.sandbox();
    assert.ok(sb, 'the window runs a sandbox');
    const config = vscode.workspace.getConfiguration('genesysCloud');
    await config.update('signInFlow', 'device', vscode.ConfigurationTarget.Global);
    try {
      const result = vscode.commands.executeCommand<{ url: string }>('genesysCloud.startSandbox');
      // The user accepts the flow pick (device first: preferred) and the pre-filled client id, like pressing Enter twice.
      const userCode = await eventually(async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return sb.pendingDeviceCodes()[0];
      });
      assert.match(await approveOnVerificationPage(sb.url, userCode, 'Grace Supervisor'), /Device connected/);
      assert.strictEqual((await result).url, sb.url);
      const stored = await testing.auth.stored(sb.url);
      assert.strictEqual(stored?.grant, 'device');
      assert.strictEqual(stored?.clientId, sb.fixture.clients.find((c) => c.deviceGrant)?.id);
      assert.strictEqual(stored?.account?.name, 'Grace Supervisor');
      await testing.refreshStatusBar();
      assert.strictEqual(testing.statusBarItem.text, "$(account) Grace · sandbox · 23 h"); // default lifetime 86400 s
    } finally {
      await config.update('signInFlow', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('genesysCloud.signOut', sb.url);
    }
  });

  it('Stop Sandbox Org stops it', async () => {
    const url = setting()!;
    assert.strictEqual(await vscode.commands.executeCommand('genesysCloud.stopSandbox'), true);
    await assert.rejects(fetch(`${url}/.well-known/oauth-authorization-server`));
    assert.strictEqual(await vscode.commands.executeCommand('genesysCloud.stopSandbox'), false);
  });
});
