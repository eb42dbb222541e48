// The "Genesys Cloud" view's rendering of a session: useful facts, token redacted.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { Session } from '../../../src/core/auth';
import { parseEnvironment } from '../../../src/core/env/environment';
import { SessionNode, sessionDetails } from '../../../src/vscode/auth/sessionTree';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-part-of-the-token.XyZ9';

const session: Session = {
  id: 's1', environment: parseEnvironment('eu_west_1'), accessToken: TOKEN, refreshToken: 'refresh-secret-123456',
  expiresAt: Date.parse('2030-01-01T00:00:00Z'), grant: 'pkce', clientId: 'client-1',
  account: { id: 'u1', name: 'Alice Healthy' }, scopes: ['conversations', 'users:readonly'],
};

const row = (item: vscode.TreeItem) => `${String(item.label)}: ${String(item.description)}`;

describe('session tree', () => {
  it('shows the account and environment on the session node', () => {
    const node = new SessionNode(session);
    assert.strictEqual(row(node), 'Alice Healthy: mypurecloud.ie');
    assert.strictEqual(node.contextValue, 'session');
    assert.strictEqual(node.environment, 'mypurecloud.ie');
  });

  it('lists grant, client, expiry, refreshability and scopes, and only a redacted token', () => {
    const rows = sessionDetails(session, Date.parse('2029-01-01T00:00:00Z')).map(row);
    assert.deepStrictEqual(rows, [
      'Environment: mypurecloud.ie (eu_west_1)',
      'Grant: pkce',
      'OAuth client: client-1',
      `Access token: ••••${TOKEN.slice(-4)} (${TOKEN.length} chars)`,
      'Expires: 2030-01-01T00:00:00.000Z',
      'Refreshable: yes',
      'Scopes (from the token endpoint): conversations users:readonly',
    ]);
    assert.ok(!rows.join('\n').includes('secret'), 'no token or refresh token text');
  });

  it('marks an expired token', () => {
    const rows = sessionDetails(session, Date.parse('2031-01-01T00:00:00Z')).map(row);
    assert.ok(rows.includes('Expires: 2030-01-01T00:00:00.000Z (expired)'));
  });
});
