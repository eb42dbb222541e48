// The one evaluator (core/token/evaluate.ts) behind the token tree, the hovers
// and the Call Doctor's scope and permission checks, and the marks built on it.
import * as assert from 'assert';
import type { Operation } from '../../src/core/catalog/types';
import { evaluatePermissionRequirement, evaluateScopeRequirement, permissionMatches, type DivisionContext } from '../../src/core/token/evaluate';
import type { GrantLine, Grants } from '../../src/core/token/grants';
import { markRequirements } from '../../src/core/token/requirements';

const SRC = { ref: 'test source', verified: true };
const op = (extra: Partial<Operation> = {}): Operation => ({
  id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls', group: 'Conversations', params: [], origin: 'sdk',
  permissions: { type: 'ANY', permissions: ['conversation:conference:add'], source: SRC },
  scopes: { scopes: ['conversations'], source: { ref: 'swagger', verified: false } }, ...extra,
});
const HOME: DivisionContext = { id: 'd-home', name: 'Home', whose: 'you' };
const line = (role: string, divisionId: string | undefined, ...permissions: string[]): GrantLine =>
  ({ role, divisionId, division: divisionId === 'd-home' ? 'Home' : divisionId === 'd-emea' ? 'Sales EMEA' : divisionId, permissions });
const grants = (lines: GrantLine[] | undefined, extra: Partial<Grants> = {}): Grants => ({
  environment: 'e', fetchedAt: 0, notes: [],
  account: { kind: 'user', how: 'test', sessionGrant: 'pkce', paths: [], division: { id: 'd-home', name: 'Home' } },
  scopes: { list: ['conversations', 'users:readonly'], from: 'test', paths: [] },
  permissions: lines ? { lines, from: 'subjects/me', divisions: lines.some((l) => l.divisionId), paths: [] } : { from: 'none', divisions: false, paths: [], why: 'GET /api/v2/authorization/subjects/me answered HTTP 403' },
  ...extra,
});
const states = (m: { name: string; state: string }[]) => m.map((x) => `${x.name}=${x.state}`);
const ANY = (...permissions: string[]) => ({ type: 'ANY' as const, permissions, source: SRC });
const ALL = (...permissions: string[]) => ({ type: 'ALL' as const, permissions, source: SRC });

describe('evaluatePermissionRequirement (shared by the tree and the doctor)', () => {
  it('ANY: one granted in the division of the call passes; the others are not needed', () => {
    const e = evaluatePermissionRequirement(ANY('conversation:call:add', 'conversation:agentlessCall:add'), grants([line('Agent', 'd-home', 'conversation:call:add')]), HOME);
    assert.strictEqual(e.verdict, 'pass');
    assert.deepStrictEqual(states(e.marks), ['conversation:call:add=held', 'conversation:agentlessCall:add=not-needed']);
    assert.strictEqual(e.summary, 'Granted: conversation:call:add (Agent in division Home).');
  });

  it('ANY: none granted anywhere fails with every permission missing', () => {
    const e = evaluatePermissionRequirement(ANY('a:b:c', 'a:b:d'), grants([line('Viewer', 'd-home', 'routing:queue:view')]), HOME);
    assert.strictEqual(e.verdict, 'fail');
    assert.deepStrictEqual(e.missing, ['a:b:c', 'a:b:d']);
    assert.deepStrictEqual(states(e.marks), ['a:b:c=missing', 'a:b:d=missing']);
    assert.match(e.marks[0].why, /needs any one of a:b:c, a:b:d/);
  });

  it('ALL: each one not granted is missing; the granted ones are held', () => {
    const e = evaluatePermissionRequirement(ALL('a:b:c', 'a:b:d'), grants([line('R', 'd-home', 'a:b:c')]));
    assert.strictEqual(e.verdict, 'fail');
    assert.deepStrictEqual(e.missing, ['a:b:d']);
    assert.deepStrictEqual(states(e.marks), ['a:b:c=held', 'a:b:d=missing']);
    assert.match(e.marks[1].why, /needs all of a:b:c, a:b:d/);
  });

  it('ALL across divisions: every permission must be held in the division of the call', () => {
    const g = grants([line('R1', 'd-home', 'a:b:c'), line('R2', 'd-emea', 'a:b:d')]);
    assert.strictEqual(evaluatePermissionRequirement(ALL('a:b:c', 'a:b:d'), g).verdict, 'pass', 'no division context: granted somewhere');
    const e = evaluatePermissionRequirement(ALL('a:b:c', 'a:b:d'), g, HOME);
    assert.strictEqual(e.verdict, 'fail');
    assert.deepStrictEqual(states(e.marks), ['a:b:c=held', 'a:b:d=other-division']);
  });

  it('granted only in another division: fail, marked other-division with the doctor\'s wording, never held', () => {
    const e = evaluatePermissionRequirement(ANY('conversation:conference:add'), grants([line('Outbound Agent', 'd-emea', 'conversation:conference:add')]), HOME);
    assert.strictEqual(e.verdict, 'fail');
    assert.deepStrictEqual(e.otherDivision, HOME);
    assert.deepStrictEqual(states(e.marks), ['conversation:conference:add=other-division']);
    assert.deepStrictEqual(e.marks[0].grantedIn, ['Sales EMEA']);
    assert.match(e.marks[0].why, /^Granted only in division Sales EMEA, not in your division Home \(Outbound Agent in division Sales EMEA\)/);
    assert.strictEqual(e.summary, 'Granted only outside your division Home.');
  });

  it('without division data (users/me) a grant counts, and says the division is unknown', () => {
    const e = evaluatePermissionRequirement(ANY('conversation:conference:add'), grants([line('your roles (users/me)', undefined, 'conversation:conference:add')]), HOME);
    assert.strictEqual(e.verdict, 'pass');
    assert.match(e.marks[0].why, /users\/me does not say which/);
  });

  it('wildcards: "*" in a segment, and a lone "*", match', () => {
    assert.ok(permissionMatches('conversation:*:*', 'conversation:conference:add'));
    assert.ok(permissionMatches('conversation:call:*', 'conversation:call:add'));
    assert.ok(permissionMatches('*', 'conversation:call:add'));
    assert.ok(!permissionMatches('conversation:call:*', 'conversation:conference:add'));
    assert.ok(!permissionMatches('conversation:*', 'conversation:call:add'));
    const e = evaluatePermissionRequirement(ANY('conversation:conference:add'), grants([line('Admin', 'd-home', 'conversation:*:*')]), HOME);
    assert.strictEqual(e.verdict, 'pass');
    const elsewhere = evaluatePermissionRequirement(ANY('conversation:conference:add'), grants([line('Admin', 'd-emea', 'conversation:*:*')]), HOME);
    assert.strictEqual(elsewhere.verdict, 'fail');
  });

  it('unreadable grants are unknown, never a pass; no requirement data is skipped', () => {
    const e = evaluatePermissionRequirement(ANY('a:b:c'), grants(undefined), HOME);
    assert.strictEqual(e.verdict, 'unknown');
    assert.deepStrictEqual(states(e.marks), ['a:b:c=unknown']);
    assert.match(e.marks[0].why, /HTTP 403/);
    assert.strictEqual(evaluatePermissionRequirement(undefined, grants([])).verdict, 'skipped');
    assert.strictEqual(evaluatePermissionRequirement({ type: 'NO', permissions: [], source: SRC }, grants(undefined)).verdict, 'pass');
  });
});

describe('evaluateScopeRequirement (shared by the tree and the doctor)', () => {
  const req = (scopes: string[] | null) => ({ scopes, source: SRC });
  it('held, read-write covering :readonly (inferred), missing', () => {
    assert.strictEqual(evaluateScopeRequirement(req(['conversations']), grants([])).verdict, 'pass');
    const inferred = evaluateScopeRequirement(req(['users:readonly', 'users']), grants([], { scopes: { list: ['users'], from: 't', paths: [] } }));
    assert.deepStrictEqual(states(inferred.marks), ['users:readonly=held', 'users=held']);
    const missing = evaluateScopeRequirement(req(['conversations']), grants([], { scopes: { list: ['users:readonly'], from: 't', paths: [] } }));
    assert.strictEqual(missing.verdict, 'fail');
    assert.strictEqual(missing.summary, 'The token lacks the scope conversations.');
    assert.match(missing.marks[0].why, /authorized for users:readonly/);
  });

  it('unknown when the operation\'s scope or the token\'s scopes are not known; skipped for client credentials or no enforcement', () => {
    assert.strictEqual(evaluateScopeRequirement(req(null), grants([])).verdict, 'unknown');
    assert.strictEqual(evaluateScopeRequirement(req(['conversations']), grants([], { scopes: { from: 'not known', paths: [], why: 'HTTP 500' } })).verdict, 'unknown');
    const client = grants([], { account: { kind: 'client', how: 't', sessionGrant: 'client-credentials', paths: [] } });
    assert.deepStrictEqual(states(evaluateScopeRequirement(req(['conversations']), client).marks), ['conversations=not-applicable']);
    assert.strictEqual(evaluateScopeRequirement(req(['conversations']), grants([]), false).verdict, 'skipped');
  });
});

describe('markRequirements (the tree\'s and hover\'s marks)', () => {
  it('judges a call in the caller\'s own division: a grant only elsewhere is ⚠ other-division, as the doctor says', () => {
    const m = markRequirements(op(), grants([line('Outbound Agent', 'd-emea', 'conversation:conference:add')]));
    assert.deepStrictEqual(states(m.permissions), ['conversation:conference:add=other-division']);
    assert.strictEqual(m.permission.verdict, 'fail');
  });

  it('uses resolved scopes (e.g. from the live Swagger document) over the catalog\'s unknown', () => {
    const unknown = markRequirements(op({ scopes: { scopes: null, source: SRC } }), grants([]));
    assert.strictEqual(unknown.scopeSemantics, 'unknown');
    assert.match(unknown.notes.join('\n'), /OAuth scope of POST \/api\/v2\/conversations\/calls is unknown/);
    const live = markRequirements(op({ scopes: { scopes: null, source: SRC } }), grants([]), { requiredScopes: { scopes: ['conversations'], source: SRC } });
    assert.deepStrictEqual(states(live.scopes), ['conversations=held']);
    assert.strictEqual(live.scope.verdict, 'pass');
  });

  it('an on-behalf call is judged in the target\'s division only when it is given', () => {
    const o = op({ path: '/api/v2/conversations/calls/user/{userId}', permissions: ANY('conversation:call:add') });
    const g = grants([line('Supervisor', 'd-home', 'conversation:call:add')]);
    assert.strictEqual(markRequirements(o, g).permission.verdict, 'pass');
    assert.match(markRequirements(o, g).notes.join('\n'), /not checked here/);
    const e = markRequirements(o, g, { targetDivision: { id: 'd-emea', name: 'Sales EMEA', whose: 'user u2' } });
    assert.deepStrictEqual(states(e.permissions), ['conversation:call:add=other-division']);
    assert.match(e.permissions[0].why, /not in user u2's division Sales EMEA/);
  });
});
