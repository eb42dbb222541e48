// The Session & Token view (activity bar "Genesys Cloud"): per signed-in
// session the account, environment/org, OAuth client, token, scopes, roles,
// permissions by domain, divisions and station from the core's token report
// (its Grants); and, when the cursor is in a request, what that request needs,
// marked ✓/⚠/✗/? against this token by the Call Doctor's own evaluator.
import * as vscode from 'vscode';
import type { Session } from '../../core/auth';
import { markRequirements } from '../../core/token';
import type { ActiveRequest, ActiveRequestTracker } from '../analysis/activeRequest';
import type { GenesysAuthProvider } from '../auth/provider';
import { Disposer } from '../disposer';
import type { TokenReports } from './tokenReports';
import { InfoNode, requirementNode, SessionNode, sessionChildren } from './nodes';

export const SESSION_VIEW = 'genesysCloud.session';
export const REFRESH_TREE_COMMAND = 'genesysCloud.refreshSession';

export class SessionTree extends Disposer implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<vscode.TreeItem>;

  constructor(private readonly auth: GenesysAuthProvider, private readonly reports: TokenReports, readonly active: ActiveRequestTracker) {
    super();
    this.view = vscode.window.createTreeView(SESSION_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.changed, this.view,
      auth.onDidChangeSessions(() => this.changed.fire()),
      reports.onDidChange(() => this.changed.fire()),
      active.onDidChange(() => this.changed.fire()),
      vscode.commands.registerCommand(REFRESH_TREE_COMMAND, () => this.refresh()),
    );
  }

  /** Reads every token report again. */
  refresh(): void {
    this.reports.clear();
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem { return item; }

  async getChildren(parent?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (parent instanceof SessionNode) return this.sessionRows(parent.session, this.active.request);
    if (parent instanceof InfoNode) return parent.children ?? [];
    if (parent) return [];
    return (await this.auth.sessions()).map((s) => new SessionNode(s));
  }

  /** The rows under a session: the active request's needs first (when known), then the token's facts. */
  async sessionRows(session: Session, request: ActiveRequest | undefined): Promise<InfoNode[]> {
    let error: string | undefined;
    const report = await this.reports.get(session).catch((err: unknown) => { error = err instanceof Error ? err.message : String(err); return undefined; });
    const rows = sessionChildren(session, report, Date.now(), error);
    if (report && request?.operation) {
      // The same scope resolution and evaluator as the Call Doctor's scope and permission checks.
      const requiredScopes = await this.reports.requiredScopes(session, request.operation);
      rows.unshift(requirementNode(`${request.operation.method} ${request.operation.path}`, markRequirements(request.operation, report, { requiredScopes })));
    } else if (request && !request.operation) {
      rows.unshift(new InfoNode('Request at cursor', `${request.method} ${request.url}: no known operation`, 'question'));
    }
    return rows;
  }
}
