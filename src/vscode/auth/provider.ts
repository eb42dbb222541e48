// "Genesys Cloud" in the Accounts menu: an AuthenticationProvider whose
// sessions are the core's (one per environment), kept only in SecretStorage.
// The sign-in flows themselves are the core's (src/core/auth).
import * as vscode from 'vscode';
import { nodeLoopback } from '../../cli/adapters/loopbackServer';
import { AuthError, loadValidSession, SessionStore, signIn, type GrantKind, type Session } from '../../core/auth';
import { parseEnvironment } from '../../core/env/environment';
import { systemClock, type LogPort } from '../../core/ports';
import { describeAccount } from '../../core/token/account';
import { Disposer } from '../disposer';
import { fetchHttp, notificationPrompt, secretsPort } from '../ports';
import { askSignIn } from './prompts';

export const AUTH_PROVIDER_ID = 'genesys-cloud';
export const AUTH_PROVIDER_LABEL = 'Genesys Cloud';

/** Everything a sign-in needs; collected by prompts, or given to the sign-in command by scripts and tests. */
export interface SignInRequest {
  environment: string;
  flow?: GrantKind;
  clientId?: string;
  clientSecret?: string;
  accessToken?: string;
}

export function toAuthSession(s: Session): vscode.AuthenticationSession {
  const who = s.account?.name ?? (s.grant === 'client-credentials' ? `client ${s.clientId ?? ''}`.trim() : 'signed-in user');
  return {
    id: s.id,
    accessToken: s.accessToken,
    account: { id: `${s.environment.name}#${s.account?.id ?? s.clientId ?? s.grant}`, label: `${who} @ ${s.environment.name}` },
    scopes: s.scopes ?? [],
  };
}

export class GenesysAuthProvider extends Disposer implements vscode.AuthenticationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly store: SessionStore;
  private known = new Map<string, vscode.AuthenticationSession>();

  constructor(secrets: vscode.SecretStorage, private readonly log: LogPort) {
    super();
    this.store = new SessionStore(secretsPort(secrets));
    this.subscriptions.push(
      this.changed,
      vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, this, { supportsMultipleAccounts: true }),
      // Secrets are shared by every window: re-read when another one signs in or out.
      secrets.onDidChange((e) => { if (e.key.startsWith('genesys-call-doctor.')) void this.reconcile(); }),
    );
  }

  /** Core sessions, refreshed when expired and refreshable. Scopes are not filtered: Genesys clients carry their own. */
  async sessions(): Promise<Session[]> {
    const out: Session[] = [];
    for (const name of await this.store.environments()) {
      const s = await loadValidSession(this.store, name, { http: fetchHttp, clock: systemClock, log: this.log }).catch(() => undefined);
      if (s) out.push(s);
    }
    return out;
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const list = (await this.sessions()).map(toAuthSession);
    this.known = new Map(list.map((s) => [s.id, s]));
    return list;
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const request = await askSignIn(vscode.workspace.getConfiguration('genesysCloud'));
    if (!request) throw new Error('Sign-in was cancelled.');
    return this.signInWith(request);
  }

  async signInWith(request: SignInRequest): Promise<vscode.AuthenticationSession> {
    const env = parseEnvironment(request.environment);
    const session = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification, title: `Signing in to Genesys Cloud (${env.name})`, cancellable: true,
    }, async (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort(new AuthError('cancelled', 'Sign-in was cancelled.')));
      const ctx = {
        env, http: fetchHttp, clock: systemClock, prompt: notificationPrompt, log: this.log, loopback: nodeLoopback, signal: abort.signal,
      };
      const s = await signIn(ctx, {
        clientId: request.clientId, clientSecret: request.clientSecret, accessToken: request.accessToken,
        transformRedirectUri: async (uri) => (await vscode.env.asExternalUri(vscode.Uri.parse(uri))).toString(true),
      }, request.flow);
      s.account = await describeAccount(s, fetchHttp, abort.signal);
      return s;
    });
    const previous = await this.store.get(env);
    await this.store.save(session);
    const added = toAuthSession(session);
    const removed = previous ? [toAuthSession(previous)] : [];
    this.known.set(added.id, added);
    this.changed.fire({ added: [added], removed, changed: [] });
    this.log.info(`signed in to ${env.name} (${session.grant})`);
    return added;
  }

  async removeSession(sessionId: string): Promise<void> {
    for (const s of await this.sessions()) {
      if (s.id !== sessionId) continue;
      await this.store.delete(s.environment);
      this.known.delete(s.id);
      this.changed.fire({ added: [], removed: [toAuthSession(s)], changed: [] });
      this.log.info(`signed out of ${s.environment.name}`);
    }
  }

  /** Reports sessions added or removed by another window. */
  private async reconcile(): Promise<void> {
    const before = this.known;
    const now = await this.getSessions();
    const added = now.filter((s) => !before.has(s.id));
    const removed = [...before.values()].filter((s) => !this.known.has(s.id));
    if (added.length || removed.length) this.changed.fire({ added, removed, changed: [] });
  }
}
