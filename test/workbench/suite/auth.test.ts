// Sign-in to the sandbox through the "Genesys Cloud" Accounts provider with
// the device flow, approved on the sandbox's verification page over HTTP;
// where the token lives; Sign Out; sessions written by another window.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SessionStore, type Session } from '../../../src/core/auth';
import { parseEnvironment } from '../../../src/core/env/environment';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { logPort, secretsPort } from '../../../src/vscode/ports';
import type { TestAccess } from '../../../src/vscode/auth/testAccess';
import { approveOnVerificationPage, DEVICE_CLIENT, eventually, grantAccessLikeAUser, saveEnvironmentSetting, testAccess } from './authHelpers';
import { EXTENSION_ID } from './helpers';

describe('Accounts: Genesys Cloud (device flow against the sandbox)', () => {
  let sandbox: Sandbox;
  let testing: TestAccess;
  let signedIn: vscode.AuthenticationSession;
  let label: string;
  let restoreEnvironment: () => Promise<void>;

  before(async () => {
    testing = await testAccess();
    sandbox = await startSandbox({ deviceInterval: 1 }); // poll every second instead of RFC 8628's default 5
    label = `Alice Healthy @ ${sandbox.url}`;
    restoreEnvironment = saveEnvironmentSetting();
    await vscode.commands.executeCommand('genesysCloud.selectEnvironment', sandbox.url);
  });

  after(async () => {
    await vscode.commands.executeCommand('genesysCloud.signOut', sandbox.url);
    await sandbox.close();
    await restoreEnvironment();
  });

  it('signs in with the device flow once the code is approved on the verification page', async () => {
    const result = vscode.commands.executeCommand<vscode.AuthenticationSession>('genesysCloud.signIn', { environment: sandbox.url, flow: 'device', clientId: DEVICE_CLIENT });
    // The code the user is shown is the sandbox's pending one; approve it as a browser would.
    const userCode = await eventually(() => sandbox.pendingDeviceCodes()[0]);
    assert.match(userCode, /^[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}$/);
    assert.match(await approveOnVerificationPage(sandbox.url, userCode, 'Alice Healthy'), /Device connected/);
    signedIn = await result;
    assert.strictEqual(signedIn.account.label, label);
    assert.deepStrictEqual(sandbox.pendingDeviceCodes(), [], 'the code was used');
    const device = sandbox.requestLog.entries().filter((e) => e.path === '/oauth/token' && e.status === 200);
    assert.strictEqual(device.length, 1, 'one successful token request');
  });

  it('makes the session visible to vscode.authentication.getSession, silently, once access is granted', async () => {
    const session = await grantAccessLikeAUser();
    assert.strictEqual(session?.account.label, label);
    assert.strictEqual(session?.accessToken, signedIn.accessToken);
    assert.strictEqual(session?.id, signedIn.id);
  });

  it('is honest about scopes: the token\'s authorized scopes match, any other scope does not', async () => {
    // The device client's scopes (data/sandbox/default-org.json), as GET /api/v2/tokens/me reports them.
    assert.ok(signedIn.scopes.includes('conversations') && signedIn.scopes.includes('users:readonly'), signedIn.scopes.join(' '));
    const labels = async (scopes: string[]) => (await testing.auth.getSessions(scopes)).map((s) => s.account.label);
    assert.ok((await labels(['conversations', 'users:readonly'])).includes(label));
    assert.ok((await labels([])).includes(label));
    assert.ok(!(await labels(['conversations', 'analytics:readonly'])).includes(label));
    const viaVsCode = await vscode.authentication.getSession('genesys-cloud', ['analytics:readonly'], { silent: true });
    assert.strictEqual(viaVsCode, undefined);
  });

  it('keeps the token in SecretStorage and nowhere in settings or state', async () => {
    const stored = await new SessionStore(secretsPort(testing.secrets)).get(sandbox.url);
    assert.strictEqual(stored?.accessToken, signedIn.accessToken);
    assert.strictEqual(stored?.grant, 'device');
    const token = signedIn.accessToken;
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { configuration: { properties: Record<string, unknown> } } };
    const config = vscode.workspace.getConfiguration();
    const keys = Object.keys(manifest.contributes.configuration.properties);
    assert.ok(keys.length >= 4);
    for (const key of keys) {
      const i = config.inspect(key);
      const text = JSON.stringify([i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue, config.get(key)]);
      assert.ok(!text.includes(token), `setting ${key} does not hold the token`);
    }
    for (const memento of [testing.globalState, testing.workspaceState]) {
      for (const key of memento.keys()) {
        assert.ok(!key.includes(token) && !JSON.stringify(memento.get(key) ?? null).includes(token), `state ${key} does not hold the token`);
      }
    }
  });

  it('writes only redacted text to the output channel', () => {
    const lines: string[] = [];
    const channel = { info: (m: string) => lines.push(m), debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const log = logPort(channel as unknown as vscode.LogOutputChannel);
    log.info(`GET /api/v2/users/me Authorization: Bearer ${signedIn.accessToken}`);
    log.warn(`token response {"access_token":"${signedIn.accessToken}","expires_in":86400}`);
    assert.strictEqual(lines.length, 2);
    assert.ok(lines.every((l) => !l.includes(signedIn.accessToken) && l.includes('[REDACTED]')), lines.join('\n'));
  });

  it('reports sessions another window adds to or removes from the secret store', async () => {
    const other: Session = {
      id: 'other-window-session', environment: parseEnvironment('http://127.0.0.1:9'), accessToken: 'token-written-by-another-window',
      expiresAt: Date.now() + 3_600_000, grant: 'token', account: { id: 'grace', name: 'Grace Supervisor' }, scopes: [],
    };
    const otherLabel = 'Grace Supervisor @ http://127.0.0.1:9';
    const store = new SessionStore(secretsPort(testing.secrets)); // what another window's provider writes
    const next = (accept: (e: vscode.AuthenticationProviderAuthenticationSessionsChangeEvent) => boolean) =>
      new Promise<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>((resolve) => {
        const sub = testing.auth.onDidChangeSessions((e) => { if (accept(e)) { sub.dispose(); resolve(e); } });
      });
    const added = next((e) => !!e.added?.length);
    await store.save(other);
    const a = await added;
    assert.deepStrictEqual(a.added?.map((s) => s.account.label), [otherLabel]);
    assert.deepStrictEqual([a.removed?.length ?? 0, a.changed?.length ?? 0], [0, 0]);
    const changed = next((e) => !!e.changed?.length);
    await store.save({ ...other, accessToken: 'refreshed-by-another-window' });
    assert.deepStrictEqual((await changed).changed?.map((s) => s.accessToken), ['refreshed-by-another-window']);
    const removed = next((e) => !!e.removed?.length);
    await store.delete(other.environment);
    assert.deepStrictEqual((await removed).removed?.map((s) => s.account.label), [otherLabel]);
  });

  it('refuses the device flow on a Genesys region, saying why and what to use instead', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('genesysCloud.signIn', { environment: 'mypurecloud.ie', flow: 'device', clientId: DEVICE_CLIENT })),
      /Genesys Cloud does not offer the OAuth device authorization grant.*Code Authorization/s);
  });

  it('reports a denial on the verification page as the reason, and keeps the existing session', async () => {
    const result = Promise.resolve(vscode.commands.executeCommand('genesysCloud.signIn', { environment: sandbox.url, flow: 'device', clientId: DEVICE_CLIENT }));
    const userCode = await eventually(() => sandbox.pendingDeviceCodes()[0]);
    assert.match(await approveOnVerificationPage(sandbox.url, userCode, 'Erin Nopermission', 'deny'), /Request denied/);
    await assert.rejects(result, /Sign-in was denied on the verification page/);
    assert.strictEqual((await testing.auth.stored(sandbox.url))?.accessToken, signedIn.accessToken);
  });

  it('signs out: the session leaves SecretStorage and getSession', async () => {
    const out = await vscode.commands.executeCommand<string[]>('genesysCloud.signOut', sandbox.url);
    assert.deepStrictEqual(out, [sandbox.url]);
    assert.strictEqual(await new SessionStore(secretsPort(testing.secrets)).get(sandbox.url), undefined);
    const session = await vscode.authentication.getSession('genesys-cloud', [], { silent: true });
    assert.notStrictEqual(session?.account.label, label);
    assert.deepStrictEqual(await vscode.commands.executeCommand<string[]>('genesysCloud.signOut', sandbox.url), []);
  });
});
