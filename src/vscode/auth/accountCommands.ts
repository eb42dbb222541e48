// Commands "Genesys Cloud: Sign In" / "Sign Out". Sign In collects what is
// missing (flow, client id, secret/token), signs in through the provider (the
// account appears in the Accounts menu) and lets VS Code record this
// extension's access. Scripts and tests pass a (partial) SignInRequest.
import * as vscode from 'vscode';
import { AuthError } from '../../core/auth';
import { tryParseEnvironment } from '../../core/env';
import type { LogPort } from '../../core';
import { Disposer } from '../disposer';
import { environmentSetting, SELECT_ENVIRONMENT_COMMAND } from '../environment/environment';
import { askSignIn } from './prompts';
import { AUTH_PROVIDER_ID, toAuthSession, type GenesysAuthProvider, type SignInRequest } from './provider';

export const SIGN_IN_COMMAND = 'genesysCloud.signIn';
export const SIGN_OUT_COMMAND = 'genesysCloud.signOut';

export class AccountCommands extends Disposer {
  constructor(private readonly provider: GenesysAuthProvider, private readonly log: LogPort) {
    super();
    this.subscriptions.push(
      vscode.commands.registerCommand(SIGN_IN_COMMAND, (request?: Partial<SignInRequest>) => this.signIn(request)),
      // From the palette: no argument; from a session node's menu: the node; from scripts: the environment name.
      vscode.commands.registerCommand(SIGN_OUT_COMMAND, (target?: string | { environment: string }) =>
        this.signOut(typeof target === 'string' ? target : target?.environment)),
    );
  }

  /** Signs in; resolves with the new session, or undefined when the user cancelled. Scripted callers get failures as rejections. */
  private async signIn(preset?: Partial<SignInRequest>): Promise<vscode.AuthenticationSession | undefined> {
    const scripted = preset !== undefined && typeof preset === 'object';
    try {
      const parsed = tryParseEnvironment(preset?.environment ?? environmentSetting());
      if (!parsed.env) throw new AuthError('config', `${parsed.error} Run "Genesys Cloud: Select Environment" to pick one.`);
      const request = await askSignIn(parsed.env, vscode.workspace.getConfiguration('genesysCloud'), scripted ? preset : {});
      if (!request) return undefined;
      const session = await this.provider.signInWith(request);
      void vscode.window.showInformationMessage(`Signed in to Genesys Cloud as ${session.account.label}.`);
      await this.recordAccess(session);
      return session;
    } catch (err) {
      if (err instanceof AuthError && err.code === 'cancelled' && !scripted) return undefined; // the user's own choice
      const message = err instanceof Error ? err.message : String(err);
      const fix = err instanceof AuthError && (err.code === 'config' || err.code === 'discovery' || err.code === 'unsupported') ? 'Select Environment' : undefined;
      void vscode.window.showErrorMessage(`Genesys Cloud sign-in failed: ${message}`, ...(fix ? [fix] : [])).then((choice) => {
        if (choice === fix) void vscode.commands.executeCommand(SELECT_ENVIRONMENT_COMMAND);
      });
      if (scripted) throw err; // scripted callers want the failure itself
      return undefined;
    }
  }

  /**
   * Lets VS Code record that this extension uses the new account (what makes
   * getSession(…, {silent: true}) return it and ties it to the extension in the
   * Accounts menu): getSession with createIfNone for exactly this account returns
   * the session just created, after VS Code's one-time consent dialog. Where VS
   * Code shows no dialogs (extension tests) or the user declines, the sign-in
   * still stands; access can be granted later from the Accounts menu.
   */
  private async recordAccess(session: vscode.AuthenticationSession): Promise<void> {
    try {
      await vscode.authentication.getSession(AUTH_PROVIDER_ID, [], { createIfNone: true, account: session.account });
    } catch (err) {
      this.log.debug(`VS Code did not record access to ${session.account.label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Signs out of `environment`, or of the session the user picks. Returns the environments signed out of. */
  private async signOut(environment?: string): Promise<string[]> {
    const sessions = await this.provider.storedAll();
    let chosen = environment ? sessions.filter((s) => s.environment.name === environment) : sessions;
    if (!environment && sessions.length > 1) {
      const pick = await vscode.window.showQuickPick(sessions.map((s) => ({ label: toAuthSession(s).account.label, session: s })), { title: 'Sign out of' });
      chosen = pick ? [pick.session] : [];
    }
    if (chosen.length === 0) {
      if (!environment && sessions.length === 0) void vscode.window.showInformationMessage('Not signed in to Genesys Cloud.');
      return [];
    }
    for (const s of chosen) await this.provider.removeSession(s.id);
    return chosen.map((s) => s.environment.name);
  }
}
