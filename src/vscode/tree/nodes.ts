// Tree items of the Session & Token view, built from a session, the core's
// token report (its Grants) and (when a request is active) the marks of what
// it needs, from the same evaluator as the Call Doctor. Pure presentation:
// every fact and verdict comes from the core.
import * as vscode from 'vscode';
import { redactToken, type Session } from '../../core/auth';
import { allPermissions, divisionsOf, groupPermissions, stationInUse, type MarkState, type RequirementMarks, type TokenReport } from '../../core/token';

/** A row; `value` is what Copy copies, `explain` the markdown Explain shows, `docs` what Open Docs opens. */
export class InfoNode extends vscode.TreeItem {
  value?: string;
  explain?: string;
  docs?: DocsTarget;
  children?: InfoNode[];

  constructor(label: string, description?: string, icon?: string, children?: InfoNode[]) {
    super(label, children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    this.description = description;
    if (icon) this.iconPath = new vscode.ThemeIcon(icon);
    this.children = children;
  }

  /** Sets Copy/Explain/Open Docs and the contextValue the menus match on. */
  actions(a: { value?: string; explain?: string; docs?: DocsTarget }): this {
    Object.assign(this, a);
    this.contextValue = ['value', a.explain ? 'explain' : '', a.docs ? 'docs' : ''].filter(Boolean).join('.');
    return this;
  }
}

/** docs/rules/<id>.md inside the extension, or a developer.genesys.cloud page named in docs/facts.md. */
export type DocsTarget = { rule: string } | { url: string };

/** Session node; sign-out from its context menu receives it as the argument. */
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

export const MARK: Record<MarkState, string> = { held: '✓', 'other-division': '⚠', missing: '✗', unknown: '?', 'not-needed': '–', 'not-applicable': '–' };
const MARK_ICON: Record<MarkState, string> = { held: 'pass', 'other-division': 'warning', missing: 'error', unknown: 'question', 'not-needed': 'circle-slash', 'not-applicable': 'circle-slash' };
const GRANT_DOCS: Partial<Record<Session['grant'], string>> = {
  pkce: 'https://developer.genesys.cloud/api/rest/authorization/use-pkce',
};

const group = (label: string, items: InfoNode[], icon: string, empty: string): InfoNode =>
  items.length ? new InfoNode(`${label} (${items.length})`, undefined, icon, items) : new InfoNode(label, empty, icon);

/** "Needed by <request>": one row per needed scope and permission, marked ✓/✗/?/–. */
export function requirementNode(label: string, marks: RequirementMarks): InfoNode {
  const rows = [...marks.scopes, ...marks.permissions].map((m) => {
    const how = m.kind === 'scope' ? 'scope (any of)' : `permission (${marks.permissionSemantics === 'ALL' ? 'all of' : 'any of'})`;
    // Granted only elsewhere: say where, as the Call Doctor does (never a ✓).
    const where = m.state === 'other-division' ? ` · granted only in division ${m.grantedIn?.join(', ')}` : '';
    const node = new InfoNode(`${MARK[m.state]} ${m.name}`, how + where, MARK_ICON[m.state]);
    node.tooltip = m.why;
    return node.actions({
      value: m.name, docs: { rule: m.kind === 'scope' ? (m.state === 'unknown' ? 'scope.unknown' : 'scope.missing') : 'permission.missing' },
      explain: `**${MARK[m.state]} ${m.name}** — ${how} of \`${marks.operation.method} ${marks.operation.path}\`\n\n${m.why}\n\nSource: \`${m.source.ref}\` — ${m.source.verified ? 'verified' : '**unverified**'}`,
    });
  });
  for (const note of marks.notes) rows.push(new InfoNode(`? ${note}`, undefined, 'info'));
  const node = new InfoNode(`Needed by ${label}`, marks.operation.id, 'target', rows);
  node.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
  return node;
}

/** Everything under a session node. `report` undefined: not read yet or could not be read (`error`). */
export function sessionChildren(s: Session, report: TokenReport | undefined, now: number, error?: string): InfoNode[] {
  const g = report?.grants;
  const cc = s.grant === 'client-credentials' || g?.account.kind === 'client';
  const env = s.environment;
  const user = g?.account.kind === 'user' && (g.account.id || g.account.name) ? g.account : undefined;
  const who = user
    ? new InfoNode('Account', user.email ? `${user.name ?? user.id} <${user.email}>` : user.name ?? user.id, 'account').actions({ value: user.id ?? user.name })
    : new InfoNode('Account', cc ? 'no user (client credentials)' : s.account?.name ?? 'unknown', cc ? 'key' : 'account');
  if (cc) who.actions({ value: s.clientId, explain: 'This token was issued to a **client-credentials** OAuth client: it has no user, so there are no user roles, permissions or station, and user-only APIs such as `POST /api/v2/conversations/calls` refuse it (docs/facts.md#client-credentials-no-user).', docs: { rule: 'grant.no-user-context' } });

  const orgName = g?.org?.name ?? g?.org?.id;
  const client = g?.client;
  const expires = s.expiresAt === undefined ? 'not stated by the server' : `${new Date(s.expiresAt).toISOString()}${s.expiresAt <= now ? ' (expired)' : ''}`;
  const clientNode = new InfoNode('OAuth client', client ? `${client.name ?? client.id} · ${client.authorizedGrantType ?? s.grant}` : `${s.clientId ?? 'unknown'} · ${s.grant}`, 'symbol-key')
    .actions({ value: client?.id ?? s.clientId, docs: GRANT_DOCS[s.grant] ? { url: GRANT_DOCS[s.grant]! } : undefined });
  clientNode.tooltip = `Sign-in: ${s.grant}${client?.id ? `; client id ${client.id}` : ''}`;
  const rows: InfoNode[] = [
    who,
    new InfoNode('Environment', env.region ? `${env.name} (${env.region.key})` : env.name, 'globe').actions({ value: env.name }),
    new InfoNode('Organization', orgName ?? 'unknown', 'organization').actions({ value: g?.org?.id ?? orgName }),
    clientNode,
    new InfoNode('Access token', redactToken(s.accessToken), 'lock', [
      new InfoNode('Expires', expires, 'clock'),
      new InfoNode('Refreshable', s.refreshToken ? 'yes' : 'no', 'refresh'),
      new InfoNode('Format', report?.format ?? 'unknown', 'symbol-string'),
    ]),
  ];
  if (!report || !g) {
    rows.push(new InfoNode(error ? `Could not read the token: ${error}` : 'Reading the token…', undefined, error ? 'warning' : 'loading~spin'));
    return rows;
  }
  const scopes = (g.scopes.list ?? s.scopes ?? []).map((x) => new InfoNode(x, undefined, 'symbol-constant').actions({ value: x }));
  rows.push(group('Authorized scopes', scopes, 'list-unordered', cc ? 'do not apply (client credentials)' : g.scopes.list ? 'none' : 'unknown'));
  rows.push(group('Roles', (g.roles ?? []).map((r) => new InfoNode(r.name ?? r.id ?? '?', undefined, 'person').actions({ value: r.id ?? r.name })), 'organization', g.roles ? 'none' : 'unknown'));
  const perms = allPermissions(g);
  const domains = groupPermissions(perms ?? []).map((x) => new InfoNode(x.domain, String(x.permissions.length), 'symbol-namespace',
    x.permissions.map((p) => new InfoNode(p, undefined, 'symbol-key').actions({ value: p }))));
  const permsNode = domains.length ? new InfoNode(`Permissions (${perms!.length})`, `${domains.length} domains`, 'shield', domains) : new InfoNode('Permissions', perms ? 'none' : 'unknown', 'shield');
  permsNode.tooltip = `From ${g.permissions.from}${g.permissions.divisions ? ' (per division: see Divisions)' : ' (no divisions)'}`;
  rows.push(permsNode);
  const divisions = divisionsOf(g);
  rows.push(group('Divisions', (divisions ?? []).map((d) => new InfoNode(d.name ?? d.id ?? '?', d.roles.join(', '), 'folder').actions({ value: d.id ?? d.name })), 'folder-library', divisions ? 'none' : 'unknown'));
  if (!cc) {
    const st = stationInUse(g.station);
    const station = new InfoNode('Station', st ? st.name ?? st.id : g.station ? 'none' : 'unknown', 'device-desktop');
    if (st) {
      station.actions({ value: st.id ?? st.name });
      const assoc = g.station?.associated;
      station.tooltip = [`${g.station?.effective ? 'Effective' : 'Associated'} station: ${st.name ?? '(unnamed)'}${st.id ? ` (${st.id})` : ''}`,
        st.type ? `Type: ${st.type}` : '', assoc && assoc !== st ? `Associated station: ${assoc.name ?? assoc.id}` : ''].filter(Boolean).join('\n');
    }
    else if (g.station) station.actions({ explain: 'No station is associated with this user. Without one, `POST /api/v2/conversations/calls` answers 400 `conversation.error.no.user.station` (see rule station.none).', docs: { rule: 'station.none' } });
    rows.push(station);
  }
  if (report.notes.length) rows.push(group('Notes', report.notes.map((n) => { const x = new InfoNode(n, undefined, 'info'); x.tooltip = n; return x; }), 'note', ''));
  return rows;
}
