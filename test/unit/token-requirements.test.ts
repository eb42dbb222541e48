import * as assert from 'assert';
import type { Operation } from '../../src/core/catalog/types';
import { markRequirements } from '../../src/core/token/requirements';
import type { TokenReport } from '../../src/core/token/types';

const SRC = { ref: 'test source', verified: true };
const op = (extra: Partial<Operation> = {}): Operation => ({
  id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls', group: 'Conversations', params: [], origin: 'sdk',
  permissions: { type: 'ANY', permissions: ['conversation:conference:add'], source: SRC },
  scopes: { scopes: ['conversations'], source: { ref: 'swagger', verified: false } }, ...extra,
});
const report = (extra: Partial<TokenReport> = {}): TokenReport => ({
  environment: 'e', grant: 'pkce', format: 'opaque', userContext: 'user', expiry: { source: 'unknown' }, notes: [], evidence: [], sources: [],
  scopes: ['conversations', 'users:readonly'],
  permissions: [{ domain: 'conversation', permissions: ['conversation:conference:add'] }], ...extra,
});
const states = (m: { name: string; state: string }[]) => m.map((x) => `${x.name}=${x.state}`);

describe('markRequirements (needed scope/permissions vs a token report)', () => {
  it('marks a held permission and scope', () => {
    const m = markRequirements(op(), report());
    assert.deepStrictEqual(states(m.permissions), ['conversation:conference:add=held']);
    assert.deepStrictEqual(states(m.scopes), ['conversations=held']);
    assert.strictEqual(m.permissionSemantics, 'ANY');
    assert.match(m.scopes[0].why, /\(UNVERIFIED\)/);
  });

  it('marks a missing permission with ANY semantics and the fix', () => {
    const m = markRequirements(op(), report({ permissions: [{ domain: 'routing', permissions: ['routing:queue:view'] }] }));
    assert.deepStrictEqual(states(m.permissions), ['conversation:conference:add=missing']);
    assert.match(m.permissions[0].why, /needs any one of conversation:conference:add/);
  });

  it('matches wildcard grants and marks unneeded ANY alternatives', () => {
    const o = op({ permissions: { type: 'ANY', permissions: ['conversation:call:add', 'conversation:conference:add'], source: SRC } });
    const m = markRequirements(o, report({ permissions: [{ domain: 'conversation', permissions: ['conversation:call:*'] }] }));
    assert.deepStrictEqual(states(m.permissions), ['conversation:call:add=held', 'conversation:conference:add=not-needed']);
  });

  it('ALL: each one not granted is missing', () => {
    const o = op({ permissions: { type: 'ALL', permissions: ['a:b:c', 'a:b:d'], source: SRC } });
    const m = markRequirements(o, report({ permissions: [{ domain: 'a', permissions: ['a:b:c'] }] }));
    assert.deepStrictEqual(states(m.permissions), ['a:b:c=held', 'a:b:d=missing']);
    assert.match(m.permissions[1].why, /needs all of a:b:c, a:b:d/);
  });

  it('a read-write scope covers :readonly; missing scopes name what the client has', () => {
    const o = op({ scopes: { scopes: ['users:readonly', 'users'], source: SRC } });
    assert.deepStrictEqual(states(markRequirements(o, report({ scopes: ['users'] })).scopes), ['users:readonly=held', 'users=held']);
    const m = markRequirements(op(), report({ scopes: ['users:readonly'] }));
    assert.deepStrictEqual(states(m.scopes), ['conversations=missing']);
    assert.match(m.scopes[0].why, /authorized for users:readonly/);
  });

  it('unknown scopes and unreadable permissions are "unknown", never guessed', () => {
    const m = markRequirements(op({ scopes: { scopes: null, source: SRC } }), report({ permissions: undefined }));
    assert.deepStrictEqual(m.scopes, []);
    assert.strictEqual(m.scopeSemantics, 'unknown');
    assert.match(m.notes.join('\n'), /OAuth scope of POST \/api\/v2\/conversations\/calls is unknown/);
    assert.deepStrictEqual(states(m.permissions), ['conversation:conference:add=unknown']);
  });

  it('client credentials: scopes do not apply, permissions come from the client roles (unknown here)', () => {
    const m = markRequirements(op(), report({ grant: 'client-credentials', userContext: 'none', permissions: undefined }));
    assert.deepStrictEqual(states(m.scopes), ['conversations=not-applicable']);
    assert.deepStrictEqual(states(m.permissions), ['conversation:conference:add=unknown']);
  });
});
