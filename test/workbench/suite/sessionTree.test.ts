// The Session & Token view: rendering of a token report (pure), and the real
// tree for fixture users of the sandbox org, with ✓/✗ marks for the request
// at the cursor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Session } from '../../../src/core/auth';
import { parseEnvironment } from '../../../src/core/env/environment';
import type { TokenReport } from '../../../src/core/token';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { InfoNode, SessionNode, sessionChildren } from '../../../src/vscode/tree/nodes';
import type { SessionTree } from '../../../src/vscode/tree/sessionTree';
import { api, signInAs, signOut } from './sandboxUsers';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-part-of-the-token.XyZ9';
const session: Session = {
  id: 's1', environment: parseEnvironment('eu_west_1'), accessToken: TOKEN, refreshToken: 'refresh-secret-123456',
  expiresAt: Date.parse('2030-01-01T00:00:00Z'), grant: 'pkce', clientId: 'client-1',
  account: { id: 'u1', name: 'Alice Healthy' }, scopes: ['conversations', 'users:readonly'],
};
const report: TokenReport = {
  environment: 'mypurecloud.ie', grant: 'pkce', format: 'opaque', expiry: { source: 'token-response' }, notes: [], evidence: [], sources: [],
  grants: {
    environment: 'mypurecloud.ie', fetchedAt: 0, notes: [],
    account: { kind: 'user', how: 'test', sessionGrant: 'pkce', paths: [], id: 'u1', name: 'Alice Healthy', email: 'alice@example.test', division: { id: 'd1', name: 'Home' } },
    org: { id: 'o1', name: 'Acme' }, client: { id: 'client-1', name: 'Call Doctor', authorizedGrantType: 'CODE' },
    scopes: { list: ['conversations', 'users:readonly'], from: 'test', paths: [] },
    roles: [{ id: 'r1', name: 'Agent' }],
    permissions: { lines: [{ role: 'Agent', division: 'Home', divisionId: 'd1', permissions: ['conversation:call:add', 'conversation:conference:add'] }], from: 'subjects/me', divisions: true, paths: [] },
    station: {},
  },
};

const row = (item: vscode.TreeItem) => `${String(typeof item.label === 'string' ? item.label : item.label?.label)}: ${String(item.description ?? '')}`;

async function rowsOf(tree: SessionTree, parent?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
  return tree.getChildren(parent);
}

describe('Session & Token tree: rendering', () => {
  it('shows the account and environment on the session node', () => {
    const node = new SessionNode(session);
    assert.strictEqual(row(node), 'Alice Healthy: mypurecloud.ie');
    assert.strictEqual(node.contextValue, 'session');
  });

  it('lists account, environment, org, client, token (redacted), scopes, roles, permissions, divisions, station', () => {
    const rows = sessionChildren(session, report, Date.parse('2029-01-01T00:00:00Z'));
    assert.deepStrictEqual(rows.map(row), [
      'Account: Alice Healthy <alice@example.test>',
      'Environment: mypurecloud.ie (eu_west_1)',
      'Organization: Acme',
      'OAuth client: Call Doctor · CODE',
      `Access token: ••••${TOKEN.slice(-4)} (${TOKEN.length} chars)`,
      'Authorized scopes (2): ',
      'Roles (1): ',
      'Permissions (2): 1 domains',
      'Divisions (1): ',
      'Station: none',
    ]);
    const token = rows[4] as InfoNode;
    assert.deepStrictEqual(token.children!.map(row), ['Expires: 2030-01-01T00:00:00.000Z', 'Refreshable: yes', 'Format: opaque']);
    assert.ok(!JSON.stringify(rows.map(row)).includes('secret'), 'no token or refresh token text');
    const station = rows[9] as InfoNode;
    assert.strictEqual(station.contextValue, 'value.explain.docs');
    assert.deepStrictEqual(station.docs, { rule: 'station.none' });
  });

  it('marks an expired token', () => {
    const rows = sessionChildren(session, report, Date.parse('2031-01-01T00:00:00Z'));
    assert.ok((rows[4] as InfoNode).children!.map(row).includes('Expires: 2030-01-01T00:00:00.000Z (expired)'));
  });
});

describe('Session & Token tree: sandbox users', () => {
  let sandbox: Sandbox;
  let tree: SessionTree;
  const CALL = (url: string) => `POST ${url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n`;

  before(async () => {
    tree = (await api()).sessionTree!;
    assert.ok(tree, 'the extension exposes its Session & Token tree under tests');
    sandbox = await startSandbox();
  });

  after(async () => {
    await signOut(sandbox.url);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sandbox.close();
  });

  async function sandboxRows(): Promise<InfoNode[]> {
    const roots = await rowsOf(tree);
    const node = roots.find((n) => n.contextValue === 'session' && (n as SessionNode).environment === sandbox.url);
    assert.ok(node, `a session node for ${sandbox.url} in ${roots.map(row).join(' | ')}`);
    return (await rowsOf(tree, node)) as InfoNode[];
  }

  const child = async (rows: InfoNode[], prefix: string) => {
    const n = rows.find((r) => row(r).startsWith(prefix));
    assert.ok(n, `a row starting with "${prefix}" in ${rows.map(row).join(' | ')}`);
    return (await rowsOf(tree, n)).map(row);
  };

  it('shows account, org, client, scopes, roles, permission groups, divisions of Alice', async () => {
    await signInAs(sandbox.url, 'alice');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await tree.active.update();
    const rows = await sandboxRows();
    const top = rows.map(row);
    assert.strictEqual(top[0], 'Account: Alice Healthy <alice@sandbox.example>');
    assert.strictEqual(top[1], `Environment: ${sandbox.url}`);
    assert.strictEqual(top[2], 'Organization: Sandbox Contact Center');
    assert.strictEqual(top[3], 'OAuth client: Call Doctor (PKCE) · CODE');
    assert.deepStrictEqual(await child(rows, 'Authorized scopes'), ['conversations', 'users:readonly', 'authorization:readonly', 'stations:readonly', 'telephony:readonly', 'routing:readonly', 'oauth:readonly', 'organization:readonly'].map((s) => `${s}: `));
    const roles = await child(rows, 'Roles');
    assert.ok(roles.includes('Outbound Agent: ') && roles.includes('employee: '), roles.join(' | '));
    const domains = await child(rows, 'Permissions');
    assert.ok(domains.some((d) => /^conversation: \d+$/.test(d)), domains.join(' | '));
    assert.ok(domains.some((d) => /^telephony: \d+$/.test(d)), domains.join(' | '));
    const divisions = await child(rows, 'Divisions');
    assert.ok(divisions.some((d) => d.startsWith('Home: ') && d.includes('Outbound Agent')), divisions.join(' | '));
    // From users/me?expand=station (UserStations.effectiveStation).
    const station = rows.find((r) => r.label === 'Station');
    assert.strictEqual(station && row(station), 'Station: WebRTC Alice Healthy');
    assert.match(String(station!.tooltip), /Type: inin_webrtc_softphone/);
    assert.strictEqual(station!.contextValue, 'value');
  });

  it('shows "none" as the station of Bob, who has none, with the station.none docs', async () => {
    await signInAs(sandbox.url, 'bob');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await tree.active.update();
    const rows = await sandboxRows();
    assert.strictEqual(row(rows[0]), 'Account: Bob Nostation <bob@sandbox.example>');
    const station = rows.find((r) => r.label === 'Station');
    assert.strictEqual(station && row(station), 'Station: none');
    assert.deepStrictEqual(station!.docs, { rule: 'station.none' });
  });

  async function marksFor(user: 'alice' | 'erin' | 'frank'): Promise<string[]> {
    await signInAs(sandbox.url, user);
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: CALL(sandbox.url) });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 2, 0, 2);
    const active = await tree.active.update();
    assert.strictEqual(active?.operation?.id, 'postConversationsCalls');
    const rows = await sandboxRows();
    assert.strictEqual(row(rows[0]), 'Needed by POST /api/v2/conversations/calls: postConversationsCalls');
    const marks = rows[0].children!;
    const perm = marks.find((m) => row(m).includes('conversation:conference:add'))!;
    assert.match(String(perm.tooltip), /any one of conversation:conference:add|conversation:conference:add \(|division/);
    return marks.map(row);
  }

  it('marks conversation:conference:add ✓ for a user who holds it', async () => {
    const marks = await marksFor('alice');
    assert.ok(marks.includes('✓ conversation:conference:add: permission (any of)'), marks.join(' | '));
  });

  it('marks conversation:conference:add ✗ for a user without it, with the reason', async () => {
    const marks = await marksFor('erin');
    assert.ok(marks.includes('✗ conversation:conference:add: permission (any of)'), marks.join(' | '));
  });

  it('marks conversation:conference:add ⚠ "granted only in division Sales EMEA" for Frank, whose grant is only there (as the doctor says)', async () => {
    const marks = await marksFor('frank');
    assert.ok(marks.includes('⚠ conversation:conference:add: permission (any of) · granted only in division Sales EMEA'), marks.join(' | '));
    assert.ok(!marks.some((m) => m.startsWith('✓ conversation:conference:add')), marks.join(' | '));
    const rows = await sandboxRows();
    const mark = rows[0].children!.find((m) => row(m).startsWith('⚠ conversation:conference:add'))!;
    assert.deepStrictEqual(mark.iconPath, new vscode.ThemeIcon('warning'));
    assert.match(String(mark.tooltip), /^Granted only in division Sales EMEA, not in your division Home/);
  });

  it('marks the scope the live Swagger document names (✓ conversations), as the doctor checks it, not "unknown"', async () => {
    const marks = await marksFor('alice');
    assert.ok(marks.includes('✓ conversations: scope (any of)'), marks.join(' | '));
    assert.ok(!marks.some((m) => /OAuth scope of .* is unknown/.test(m)), marks.join(' | '));
  });

  it('context menu: Copy copies the value, Explain opens the reason, Open Docs opens the rule page', async () => {
    await signInAs(sandbox.url, 'erin');
    const rows = await sandboxRows();
    const mark = rows[0].children!.find((m) => row(m).startsWith('✗ conversation:conference:add'))!;
    assert.strictEqual(mark.contextValue, 'value.explain.docs');
    assert.strictEqual(await vscode.commands.executeCommand('genesysCloud.copyItem', mark), 'conversation:conference:add');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'conversation:conference:add');
    const explained = await vscode.commands.executeCommand<vscode.Uri>('genesysCloud.explainItem', mark);
    const text = (await vscode.workspace.openTextDocument(explained)).getText();
    assert.match(text, /^\*\*✗ conversation:conference:add\*\* — permission \(any of\) of `POST \/api\/v2\/conversations\/calls`/);
    assert.match(text, /None of your roles grants conversation:conference:add/);
    const docs = await vscode.commands.executeCommand<vscode.Uri>('genesysCloud.openItemDocs', mark);
    assert.ok(docs.path.endsWith('/docs/rules/permission.missing.md'), docs.toString());
  });
});
