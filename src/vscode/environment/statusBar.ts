// Status bar item: who is signed in to the current environment and for how
// long ("$(account) Alice · sandbox · 52 min"); click → the Session & Token
// view. Signed out: "Genesys Cloud: Sign In".
import * as vscode from 'vscode';
import { isExpired, type Session } from '../../core/auth';
import { describeEnvironment, type Environment } from '../../core/env';
import { SIGN_IN_COMMAND } from '../auth/accountCommands';
import type { GenesysAuthProvider } from '../auth/provider';
import { Disposer } from '../disposer';
import { currentEnvironment, SELECT_ENVIRONMENT_COMMAND } from './environment';

const TICK_MS = 30_000;

/** The session view's id as the manifest declares it (the view belongs to the tree's owner). */
export function sessionViewId(packageJSON: { contributes?: { views?: Record<string, { id: string }[]> } }): string | undefined {
  const views = Object.values(packageJSON.contributes?.views ?? {}).flat();
  return views.find((v) => /^genesysCloud\.sessions?$/.test(v.id))?.id;
}

/** Short name of an environment for the status bar. */
export function environmentLabel(env: Environment, sandboxUrl?: string): string {
  if (sandboxUrl && env.name === sandboxUrl) return 'sandbox';
  if (env.region) return env.region.env;
  try {
    return new URL(env.apiBaseUrl).host;
  } catch {
    return env.name;
  }
}

/** "52 min", "3 h", "expired", or undefined when the server gave no lifetime. */
export function timeLeft(session: Session, now: number): string | undefined {
  if (session.expiresAt === undefined) return undefined;
  if (isExpired(session, now, 0)) return 'expired';
  const minutes = Math.floor((session.expiresAt - now) / 60_000);
  return minutes >= 120 ? `${Math.floor(minutes / 60)} h` : `${minutes} min`;
}

/** The item's text for a session (user tokens show the first name, client tokens the client). */
export function statusText(session: Session, envLabel: string, now: number): string {
  const name = session.account?.name ?? (session.grant === 'client-credentials' ? `client ${session.clientId ?? ''}`.trim() : 'signed in');
  const who = session.grant === 'client-credentials' ? name : name.split(/\s+/)[0];
  return ['$(account) ' + who, envLabel, timeLeft(session, now)].filter(Boolean).join(' · ');
}

export class StatusBar extends Disposer {
  readonly item = vscode.window.createStatusBarItem('genesysCloud.status', vscode.StatusBarAlignment.Left, 50);
  private updating: Promise<void> = Promise.resolve();

  constructor(private readonly auth: GenesysAuthProvider, private readonly viewId: string | undefined, private readonly sandboxUrl: () => string | undefined) {
    super();
    this.item.name = 'Genesys Cloud account';
    const timer = setInterval(() => void this.update(), TICK_MS);
    this.subscriptions.push(
      this.item,
      { dispose: () => clearInterval(timer) },
      auth.onDidChangeSessions(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('genesysCloud.environment')) void this.update(); }),
    );
    void this.update();
  }

  /** Re-renders from the stored session of the current environment; resolves when the item shows it. */
  update(): Promise<void> {
    this.updating = this.updating.then(() => this.render(), () => this.render());
    return this.updating;
  }

  private async render(): Promise<void> {
    const { env, error } = currentEnvironment();
    if (!env) {
      this.set('$(warning) Genesys Cloud: environment?', `The setting genesysCloud.environment is not usable: ${error}`, SELECT_ENVIRONMENT_COMMAND);
      return;
    }
    const label = environmentLabel(env, this.sandboxUrl());
    const session = await this.auth.stored(env.name);
    if (!session) {
      this.set('$(account) Genesys Cloud: Sign In', `Not signed in to ${describeEnvironment(env)}. Click to sign in.`, SIGN_IN_COMMAND);
      return;
    }
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${session.account?.name ?? 'Genesys Cloud'}** · ${describeEnvironment(env)}\n\n`);
    tip.appendText(`Grant: ${session.grant}${session.clientId ? ` · OAuth client ${session.clientId}` : ''}\n`);
    if (session.expiresAt !== undefined) tip.appendText(`\nToken expires ${new Date(session.expiresAt).toLocaleString()}\n`);
    tip.appendMarkdown(this.viewId ? '\n\nClick to show the Session & Token view.' : '');
    this.set(statusText(session, label, Date.now()), tip, this.viewId ? `${this.viewId}.focus` : undefined);
  }

  private set(text: string, tooltip: string | vscode.MarkdownString, command: string | undefined): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.show();
  }
}
