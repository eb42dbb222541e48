// The request log never keeps a code, token, verifier or secret from a query string.
import * as assert from 'assert';
import { RequestLog, redactPath } from '../../src/sandbox/requestLog';

describe('sandbox request log', () => {
  it('redacts sensitive query values and keeps the rest', () => {
    assert.strictEqual(redactPath('/cb?code=abc&state=s1&x=1'), '/cb?code=REDACTED&state=REDACTED&x=1');
    assert.strictEqual(redactPath('/oauth/device?user_code=BCDF-GHJK'), '/oauth/device?user_code=REDACTED');
    assert.strictEqual(redactPath('/api/v2/users/me?expand=station'), '/api/v2/users/me?expand=station');
    assert.strictEqual(redactPath('/api/v2/stations'), '/api/v2/stations');
  });

  it('keeps at most its capacity, oldest first out', () => {
    const log = new RequestLog(2);
    for (const path of ['/a', '/b', '/c']) log.add({ time: '', method: 'GET', path, status: 200, durationMs: 0 });
    assert.deepStrictEqual(log.entries().map((e) => e.path), ['/b', '/c']);
  });
});
