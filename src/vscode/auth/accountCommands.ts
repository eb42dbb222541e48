// Commands "Genesys Cloud: Sign In" / "Sign Out". Sign In takes an optional
// SignInRequest so scripts and tests can sign in without the prompts.
import * as vscode from 'vscode';
import { Disposer } from '../disposer';
import { toAuthSession, type GenesysAuthProvider, type SignInRequest } from './provider';

export const SIGN_IN_COMMAND = 'genesysCloud.signIn';
export const SIGN_OUT_COMMAND = 'genesysCloud.signOut';

export class AccountCommands extends Disposer {
  constructor(private readonly provider: GenesysAuthProvider) {
    super();
    this.subscriptions.push(
      vscode.commands.registerCommand(SIGN_IN_COMMAND, (request?: SignInRequest) => this.signIn(request)),
      // From the palette: no argument; from a session node's menu: the node; from scripts: the environment name.
      vscode.commands.registerCommand(SIGN_OUT_COMMAND, (target?: string | { environment: string }) =>
        this.signOut(typeof target === 'string' ? target : target?.environment)),
    );
  }

  private async signIn(request?: SignInRequest): Promise<vscode.AuthenticationSession | undefined> {
    try {
      const session = request ? await this.provider.signInWith(request) : await this.provider.createSession();
      void vscode.window.showInformationMessage(`Signed in to Genesys Cloud as ${session.account.label}.`);
      return session;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(`Genesys Cloud sign-in failed: ${message}`);
      if (request) throw err; // scripted callers want the failure itself
      return undefined;
    }
  }

  /** Signs out of `environment`, or of the session the user picks. Returns the environments signed out of. */
  private async signOut(environment?: string): Promise<string[]> {
    const sessions = await this.provider.sessions();
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
