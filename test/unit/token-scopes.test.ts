import * as assert from 'assert';
import type { HttpPort, HttpRequest } from '../../src/core/ports';
import { parseEnvironment } from '../../src/core/env/environment';
import type { Session } from '../../src/core/auth';
import { authorizedScopes } from '../../src/core/token/scopes';

const session: Session = { id: 's', environment: parseEnvironment('http://127.0.0.1:8787'), accessToken: 'token-abcdefghijkl', grant: 'device' };

function fake(status: number, body: string): HttpPort & { seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  return { seen, send: async (req) => { seen.push(req); return { status, headers: {}, body }; } };
}

describe('authorizedScopes (GET /api/v2/tokens/me)', () => {
  it('reads authorizedScope with the session\'s bearer token on its own API host', async () => {
    const http = fake(200, JSON.stringify({ authorizedScope: ['conversations', 'users:readonly'], OAuthClient: { id: 'c' } }));
    assert.deepStrictEqual(await authorizedScopes(session, http), ['conversations', 'users:readonly']);
    assert.strictEqual(http.seen[0].url, 'http://127.0.0.1:8787/api/v2/tokens/me');
    assert.strictEqual(http.seen[0].headers?.authorization ?? http.seen[0].headers?.Authorization, 'Bearer token-abcdefghijkl');
  });

  it('gives undefined (not an empty claim) when the API refuses or answers without a list', async () => {
    assert.strictEqual(await authorizedScopes(session, fake(401, '{"code":"bad.credentials"}')), undefined);
    assert.strictEqual(await authorizedScopes(session, fake(200, '{"OAuthClient":{}}')), undefined);
    assert.strictEqual(await authorizedScopes(session, { send: () => Promise.reject(new Error('ECONNREFUSED')) }), undefined);
  });
});
