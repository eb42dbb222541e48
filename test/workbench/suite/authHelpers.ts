// Helpers of the sign-in, status bar and sandbox workbench tests.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CallDoctorApi } from '../../../src/extension';
import type { TestAccess } from '../../../src/vscode/auth/testAccess';
import { activateExtension } from './helpers';

export const DEVICE_CLIENT = '2e907000-4035-5a64-b33f-74d1d32be78b';
export const PKCE_CLIENT = '6209954a-6272-5918-84ed-d5909e4ea74b';
export const ALICE = 'd6d474da-07f5-541a-9657-07949181315a';

/** The extension's test access (it exists only in ExtensionMode.Test). */
export async function testAccess(): Promise<TestAccess> {
  const api = (await activateExtension()) as CallDoctorApi;
  assert.ok(api.testing, 'the extension exposes its test access under tests');
  return api.testing;
}

/** Resolves with the first truthy value of `probe`, checked every 50 ms (mocha's timeout bounds the wait). */
export async function eventually<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The value of genesysCloud.environment to restore after a test that changes it. */
export function saveEnvironmentSetting(): () => Promise<void> {
  const inspected = vscode.workspace.getConfiguration('genesysCloud').inspect<string>('environment');
  return async () => {
    const config = vscode.workspace.getConfiguration('genesysCloud');
    await config.update('environment', inspected?.globalValue, vscode.ConfigurationTarget.Global);
    // Only touch the workspace target when it holds a value: writing even
    // `undefined` there creates .vscode/settings.json in the test workspace.
    const now = config.inspect<string>('environment')?.workspaceValue;
    if (vscode.workspace.workspaceFolders && now !== inspected?.workspaceValue) {
      await config.update('environment', inspected?.workspaceValue, vscode.ConfigurationTarget.Workspace);
    }
  };
}

/**
 * Approves a device code on the sandbox's verification page as a browser
 * would: open verification_uri_complete, pick the user by name in the form's
 * user list, submit "Approve" (or "Deny"). Returns the page shown afterwards.
 */
export async function approveOnVerificationPage(base: string, userCode: string, userName: string, decision: 'approve' | 'deny' = 'approve'): Promise<string> {
  const page = await fetch(`${base}/oauth/device?user_code=${encodeURIComponent(userCode)}`);
  const html = await page.text();
  assert.strictEqual(page.status, 200);
  const code = /<input id="user_code" name="user_code" value="([^"]*)"/.exec(html)?.[1];
  assert.strictEqual(code, userCode, 'the verification page is pre-filled with the code');
  const option = new RegExp(`<option value="([^"]+)">${userName} &lt;`).exec(html);
  assert.ok(option, `the page offers ${userName}`);
  const post = await fetch(`${base}/oauth/device`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user_code: code, userId: option[1], decision }).toString(),
  });
  assert.strictEqual(post.status, 200);
  return post.text();
}

/**
 * Grants this extension access to an account the way a user does when VS Code
 * could not ask (it shows no consent dialogs under extension tests): a
 * non-silent getSession puts "Grant access to Genesys Cloud for …" into the
 * Accounts menu; the test runs that entry and accepts the account quick pick
 * (the current environment's session is listed first). Resolves with what a
 * silent getSession returns afterwards.
 */
export async function grantAccessLikeAUser(): Promise<vscode.AuthenticationSession> {
  await vscode.authentication.getSession('genesys-cloud', [], {});
  const entry = (await vscode.commands.getCommands(true)).find((c) => c.startsWith('genesys-cloud') && c.endsWith('Access'));
  assert.ok(entry, 'the Accounts menu offers "Grant access to Genesys Cloud for …"');
  void vscode.commands.executeCommand(entry);
  return eventually(async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return vscode.authentication.getSession('genesys-cloud', [], { silent: true });
  });
}
