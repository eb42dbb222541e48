// The "Genesys Cloud" view: one node per signed-in environment with what the
// session is (account, grant, expiry, scopes). Tokens are shown redacted only.
import * as vscode from 'vscode';
import { redactToken, type Session } from '../../core/auth';
import { Disposer } from '../disposer';
import type { GenesysAuthProvider } from './provider';

export const SESSIONS_VIEW = 'genesysCloud.sessions';

/** A session node; sign-out from its context menu receives it as the argument. */
export class SessionNode extends vscode.TreeItem {
  constructor(readonly session: Session) {
    super(session.account?.name ?? session.clientId ?? session.grant, vscode.TreeItemCollapsibleState.Expanded);
    this.description = session.environment.name;
    this.contextValue = 'session';
    this.iconPath = new vscode.ThemeIcon(session.grant === 'client-credentials' ? 'key' : 'account');
    this.tooltip = `Signed in to ${session.environment.name} (${session.grant})`;
  }

  get environment(): string { return this.session.environment.name; }
}

function detail(label: string, value: string, icon: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = value;
  item.iconPath = new vscode.ThemeIcon(icon);
  return item;
}

export function sessionDetails(s: Session, now: number): vscode.TreeItem[] {
  const expires = s.expiresAt === undefined ? 'not stated by the server'
    : `${new Date(s.expiresAt).toISOString()}${s.expiresAt <= now ? ' (expired)' : ''}`;
  const items = [
    detail('Environment', s.environment.region ? `${s.environment.name} (${s.environment.region.key})` : s.environment.name, 'globe'),
    detail('Grant', s.grant, 'shield'),
    detail('Access token', redactToken(s.accessToken), 'lock'),
    detail('Expires', expires, 'clock'),
    detail('Refreshable', s.refreshToken ? 'yes' : 'no', 'refresh'),
    detail('Scopes (from the token endpoint)', s.scopes?.length ? s.scopes.join(' ') : 'not reported', 'list-unordered'),
  ];
  if (s.clientId) items.splice(2, 0, detail('OAuth client', s.clientId, 'symbol-key'));
  return items;
}

export class SessionTree extends Disposer implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly provider: GenesysAuthProvider) {
    super();
    this.subscriptions.push(
      this.changed,
      vscode.window.registerTreeDataProvider(SESSIONS_VIEW, this),
      provider.onDidChangeSessions(() => this.changed.fire()),
    );
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem { return item; }

  async getChildren(parent?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (parent instanceof SessionNode) return sessionDetails(parent.session, Date.now());
    if (parent) return [];
    return (await this.provider.sessions()).map((s) => new SessionNode(s));
  }
}
