// The status bar item: environment, user, minutes until expiry; click → the
// Session & Token view; "Genesys Cloud: Sign In" when signed out.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Session } from '../../../src/core/auth';
import { parseEnvironment } from '../../../src/core/env/environment';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { pkceLogin } from '../../../src/sandbox/testing/flows';
import { environmentLabel, statusText, timeLeft } from '../../../src/vscode/environment/statusBar';
import type { TestAccess } from '../../../src/vscode/auth/testAccess';
import { ALICE, PKCE_CLIENT, saveEnvironmentSetting, testAccess } from './authHelpers';

const NOW = Date.parse('2030-01-01T12:00:00Z');

describe('status bar item', () => {
  let sandbox: Sandbox;
  let testing: TestAccess;
  let restoreEnvironment: () => Promise<void>;

  before(async () => {
    testing = await testAccess();
    sandbox = await startSandbox();
    restoreEnvironment = saveEnvironmentSetting();
    await vscode.commands.executeCommand('genesysCloud.selectEnvironment', sandbox.url);
  });

  after(async () => {
    await vscode.commands.executeCommand('genesysCloud.signOut', sandbox.url);
    await sandbox.close();
    await restoreEnvironment();
  });

  it('renders user, environment and time left', () => {
    const session: Session = {
      id: 's', environment: parseEnvironment(sandbox.url), accessToken: 'x'.repeat(40), grant: 'device',
      expiresAt: NOW + 52.5 * 60_000, account: { id: ALICE, name: 'Alice Healthy' },
    };
    assert.strictEqual(statusText(session, environmentLabel(session.environment, sandbox.url), NOW), '$(account) Alice · sandbox · 52 min');
    assert.strictEqual(timeLeft({ ...session, expiresAt: NOW + 5 * 3_600_000 }, NOW), '5 h');
    assert.strictEqual(timeLeft({ ...session, expiresAt: NOW - 1 }, NOW), 'expired');
    assert.strictEqual(timeLeft({ ...session, expiresAt: undefined }, NOW), undefined);
    const client: Session = { ...session, grant: 'client-credentials', account: { name: 'Dialer Integration (OAuth client)' } };
    assert.strictEqual(statusText(client, environmentLabel(parseEnvironment('eu_west_1')), NOW), '$(account) Dialer Integration (OAuth client) · mypurecloud.ie · 52 min');
  });

  it('offers Sign In while signed out of the current environment', async () => {
    await testing.refreshStatusBar();
    assert.strictEqual(testing.statusBarItem.text, '$(account) Genesys Cloud: Sign In');
    assert.strictEqual(testing.statusBarItem.command, 'genesysCloud.signIn');
  });

  it('shows the signed-in user and the environment; clicking focuses the session view', async () => {
    const token = (await pkceLogin(sandbox.url, PKCE_CLIENT, ALICE)).access_token;
    await vscode.commands.executeCommand('genesysCloud.signIn', { environment: sandbox.url, flow: 'token', accessToken: token });
    await testing.refreshStatusBar();
    // A pasted token comes without expires_in: no time left is shown rather than a guess.
    assert.strictEqual(testing.statusBarItem.text, `$(account) Alice · ${new URL(sandbox.url).host}`);
    const command = testing.statusBarItem.command as string;
    assert.match(command, /^genesysCloud\.sessions?\.focus$/);
    assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} exists`);
    assert.ok(!JSON.stringify(testing.statusBarItem.tooltip).includes(token), 'the tooltip holds no token');
  });

  it('shows the time left when the token endpoint gave a lifetime', async () => {
    const client = sandbox.fixture.clients.find((c) => c.authorizedGrantType === 'CLIENT-CREDENTIALS' && c.secret)!;
    await vscode.commands.executeCommand('genesysCloud.signIn', { environment: sandbox.url, flow: 'client-credentials', clientId: client.id, clientSecret: client.secret });
    await testing.refreshStatusBar();
    // The sandbox's default lifetime is 86400 s: 1439 whole minutes remain, shown as hours.
    assert.strictEqual(testing.statusBarItem.text, `$(account) ${client.name} (OAuth client) · ${new URL(sandbox.url).host} · 23 h`);
  });

  it('goes back to "Sign In" after signing out', async () => {
    await vscode.commands.executeCommand('genesysCloud.signOut', sandbox.url);
    await testing.refreshStatusBar();
    assert.strictEqual(testing.statusBarItem.text, '$(account) Genesys Cloud: Sign In');
  });
});
