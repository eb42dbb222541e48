// The --faults grammar: kind, optional path glob, probability and count.
import * as assert from 'assert';
import { globToRegExp, parseFaults, pickFault } from '../../src/sandbox/faults';

describe('sandbox fault spec', () => {
  it('parses kind, glob, probability and count in any order', () => {
    assert.deepStrictEqual(parseFaults('5xx:0.2,timeout:/api/v2/users/me,reset:/oauth/**:x1'), [
      { kind: '5xx', probability: 0.2, source: '5xx:0.2' },
      { kind: 'timeout', probability: 1, glob: '/api/v2/users/me', source: 'timeout:/api/v2/users/me' },
      { kind: 'reset', probability: 1, glob: '/oauth/**', remaining: 1, source: 'reset:/oauth/**:x1' },
    ]);
    assert.deepStrictEqual(parseFaults(''), []);
    assert.deepStrictEqual(parseFaults(undefined), []);
  });

  it('rejects unknown kinds and unreadable arguments', () => {
    assert.throws(() => parseFaults('boom'), /unknown kind 'boom'/);
    assert.throws(() => parseFaults('500:1.5'), /cannot read '1.5'/);
    assert.throws(() => parseFaults('500:0'), /cannot read '0'/);
  });

  it('matches globs per segment (*) or across segments (**)', () => {
    assert.ok(globToRegExp('/api/v2/users/*').test('/api/v2/users/me'));
    assert.ok(!globToRegExp('/api/v2/users/*').test('/api/v2/users/me/station'));
    assert.ok(globToRegExp('/api/**').test('/api/v2/users/me/station'));
    assert.ok(!globToRegExp('/api/v2/users.me').test('/api/v2/usersxme'), 'dots are literal');
  });

  it('consumes counted rules and honours probability', () => {
    const rules = parseFaults('500:/a:x2,503:0.5');
    assert.strictEqual(pickFault(rules, '/a', () => 0.9)?.kind, '500');
    assert.strictEqual(pickFault(rules, '/a', () => 0.9)?.kind, '500');
    assert.strictEqual(pickFault(rules, '/a', () => 0.9), undefined, 'count used up; 0.9 >= 0.5 so 503 does not fire');
    assert.strictEqual(pickFault(rules, '/a', () => 0.1)?.kind, '503');
  });
});
