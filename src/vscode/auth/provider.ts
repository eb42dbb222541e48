// "Genesys Cloud" in the Accounts menu: an AuthenticationProvider whose
// sessions are the core's (one per environment), kept only in SecretStorage
// and re-read whenever another window changes them. The sign-in flows
// themselves are the core's (src/core/auth).
import * as vscode from 'vscode';
import { nodeLoopback } from '../../node/loopbackServer';
import { AuthError, canRefresh, isExpired, loadValidSession, SessionStore, signIn, type GrantKind, type Session } from '../../core/auth';
import { parseEnvironment } from '../../core/env';
import { systemClock, type LogPort, type PromptPort } from '../../core';
import { describeAccount } from '../../core/token';
import { authorizedScopes } from '../../core/token';
import { Disposer } from '../disposer';
import { currentEnvironment } from '../environment/environment';
import { fetchHttp, notificationPrompt, secretsPort } from '../ports';
import { askSignIn, type SignInRequest } from './prompts';

export const AUTH_PROVIDER_ID = 'genesys-cloud';
export const AUTH_PROVIDER_LABEL = 'Genesys Cloud';
/** Prefix of every SecretStorage key the core's SessionStore writes. */
const SECRET_PREFIX = 'genesys-call-doctor.';

/** Everything a sign-in needs; collected by prompts, or given to the Sign In command by scripts and tests. */
export type { SignInRequest } from './prompts';

export function toAuthSession(s: Session): vscode.AuthenticationSession {
  const who = s.account?.name ?? (s.grant === 'client-credentials' ? `client ${s.clientId ?? ''}`.trim() : 'signed-in user');
  return {
    id: s.id,
    accessToken: s.accessToken,
    // The label is what VS Code records access under, so it names the environment too.
    account: { id: `${s.environment.name}#${s.account?.id ?? s.clientId ?? s.grant}`, label: `${who} @ ${s.environment.name}` },
    scopes: s.scopes ?? [],
  };
}

/** True when the session carries every requested scope ("honest": unknown scopes satisfy nothing). */
export function hasScopes(session: vscode.AuthenticationSession, scopes: readonly string[] | undefined): boolean {
  return (scopes ?? []).every((s) => session.scopes.includes(s));
}

type ChangeEvent = vscode.AuthenticationProviderAuthenticationSessionsChangeEvent;

export class GenesysAuthProvider extends Disposer implements vscode.AuthenticationProvider {
  private readonly changed = new vscode.EventEmitter<ChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly store: SessionStore;
  /** What VS Code was last told, by session id: the base of added/removed/changed. */
  private known?: Map<string, vscode.AuthenticationSession>;
  private reconciling: Promise<void> = Promise.resolve();

  constructor(secrets: vscode.SecretStorage, private readonly log: LogPort) {
    super();
    this.store = new SessionStore(secretsPort(secrets));
    this.subscriptions.push(
      this.changed,
      vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, this, { supportsMultipleAccounts: true }),
      // Secrets are shared by every window (and written by this one): re-read and report the difference.
      secrets.onDidChange((e) => { if (e.key.startsWith(SECRET_PREFIX)) void this.reconcile(); }),
    );
    void this.reconcile(); // the baseline for later differences
  }

  /** Valid core sessions (refreshed when expired and refreshable), the current environment's first. */
  async sessions(): Promise<Session[]> {
    const current = currentEnvironment().env?.name;
    const names = await this.store.environments();
    names.sort((a, b) => Number(b === current) - Number(a === current));
    const out: Session[] = [];
    for (const name of names) {
      const s = await loadValidSession(this.store, name, { http: fetchHttp, clock: systemClock, log: this.log }).catch(() => undefined);
      if (s) out.push(s);
    }
    return out;
  }

  /** The stored session of an environment as it is (possibly expired), for display. */
  stored(environment: string): Promise<Session | undefined> {
    return this.store.get(environment);
  }

  /** Every stored session, expired ones included (Sign Out must reach those too). */
  storedAll(): Promise<Session[]> {
    return this.store.list();
  }

  async getSessions(scopes?: readonly string[], options?: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession[]> {
    return (await this.sessions()).map(toAuthSession)
      .filter((s) => hasScopes(s, scopes) && (!options?.account || options.account.label === s.account.label));
  }

  /** Called by VS Code (Accounts menu, another extension's getSession with createIfNone): asks like the Sign In command. */
  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const { env, error } = currentEnvironment();
    if (!env) throw new Error(`The setting genesysCloud.environment is not usable: ${error} Run "Genesys Cloud: Select Environment".`);
    const request = await askSignIn(env, vscode.workspace.getConfiguration('genesysCloud'));
    if (!request) throw new Error('Sign-in was cancelled.');
    return this.signInWith(request, scopes);
  }

  async signInWith(request: SignInRequest, scopes: readonly string[] = []): Promise<vscode.AuthenticationSession> {
    const env = parseEnvironment(request.environment);
    const session = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification, title: `Signing in to Genesys Cloud (${env.name})`, cancellable: true,
    }, async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort(new AuthError('cancelled', 'Sign-in was cancelled.')));
      // The device code (or sign-in URL) also stays visible in the cancellable progress notification while polling.
      const prompt: PromptPort = {
        show: (message, detail) => { progress.report({ message }); return notificationPrompt.show(message, detail); },
        openExternal: (url) => notificationPrompt.openExternal(url),
      };
      const ctx = {
        env, http: fetchHttp, clock: systemClock, prompt, log: this.log, loopback: nodeLoopback, signal: abort.signal,
      };
      const s = await signIn(ctx, {
        clientId: request.clientId, clientSecret: request.clientSecret, accessToken: request.accessToken,
        scopes: scopes.length ? [...scopes] : undefined,
        transformRedirectUri: async (uri) => (await vscode.env.asExternalUri(vscode.Uri.parse(uri))).toString(true),
      }, request.flow);
      s.account = await describeAccount(s, fetchHttp, abort.signal);
      // getSessions(scopes) filters on these: without a `scope` in the token response, ask the API which scopes the token has.
      if (!s.scopes?.length) s.scopes = await authorizedScopes(s, fetchHttp, abort.signal) ?? s.scopes;
      return s;
    });
    await this.store.save(session);
    await this.reconcile();
    this.log.info(`signed in to ${env.name} (${session.grant})`);
    return toAuthSession(session);
  }

  async removeSession(sessionId: string): Promise<void> {
    for (const s of await this.storedAll()) {
      if (s.id !== sessionId) continue;
      await this.store.delete(s.environment);
      this.log.info(`signed out of ${s.environment.name}`);
    }
    await this.reconcile();
  }

  /**
   * Re-reads the store and reports what changed since VS Code was last told:
   * new ids are added, vanished ids removed, same id with a new token (a
   * refresh) changed. Serialized, so concurrent triggers never double-report.
   */
  reconcile(): Promise<void> {
    this.reconciling = this.reconciling.then(async () => {
      // From the store as it is: no refresh (no network) here, so the baseline read at activation stays cheap.
      const clock = systemClock.now();
      const visible = (await this.store.list()).filter((s) => !isExpired(s, clock) || canRefresh(s));
      const now = new Map(visible.map((s) => [s.id, toAuthSession(s)]));
      const before = this.known;
      this.known = now;
      if (!before) return; // the first read is the baseline: sessions that already existed are not news
      const added = [...now.values()].filter((s) => !before.has(s.id));
      const removed = [...before.values()].filter((s) => !now.has(s.id));
      const changed = [...now.values()].filter((s) => before.has(s.id) && before.get(s.id)!.accessToken !== s.accessToken);
      if (added.length || removed.length || changed.length) this.changed.fire({ added, removed, changed });
    }).catch((err) => this.log.warn(`could not re-read the sessions: ${err instanceof Error ? err.message : String(err)}`));
    return this.reconciling;
  }
}
