// Rate limiting, injected faults and latency of the sandbox (for tests and
// benchmarks of the live Call Doctor's retry and error handling).
import * as assert from 'assert';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { api } from '../../src/sandbox/testing/api';
import { FakeClock } from '../unit/auth-fakes';
import { clientCredentials } from '../../src/sandbox/testing/flows';

describe('sandbox rate limit, faults and latency (integration)', () => {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  let rnd = 0.5;
  let sb: Sandbox;
  let token: string;
  before(async () => {
    sb = await startSandbox({ port: 0, clock, random: () => rnd, rateLimit: { requests: 3, windowSeconds: 60 } });
    const cc = sb.fixture.clients.find((c) => c.authorizedGrantType === 'CLIENT-CREDENTIALS')!;
    token = (await clientCredentials(sb.url, cc.id, cc.secret!)).access_token;
  });
  after(() => sb.close());
  afterEach(() => { sb.setFaults(undefined); sb.setLatency(0); });

  it('answers the request over the limit with 429 too.many.requests, Retry-After and ErrorBody.limit', async () => {
    clock.advance(120_000); // a fresh window
    for (let i = 0; i < 3; i++) assert.strictEqual((await api(sb.url, token, 'GET', '/api/v2/tokens/me')).status, 200);
    clock.advance(15_000);
    const r = await api(sb.url, token, 'GET', '/api/v2/tokens/me');
    assert.strictEqual(r.status, 429);
    assert.strictEqual(r.headers.get('retry-after'), '45');
    assert.strictEqual(r.json.code, 'too.many.requests');
    assert.strictEqual(r.json.message, 'Rate limit exceeded the maximum [3] requests within [60] seconds');
    assert.deepStrictEqual(r.json.limit, { key: 'client.credentials.token.rate.per.minute', namespace: 'platform.api', value: 3 });
    clock.advance(45_000);
    assert.strictEqual((await api(sb.url, token, 'GET', '/api/v2/tokens/me')).status, 200, 'a new window opens');
  });

  it('injects a counted 5xx on a path glob, then recovers', async () => {
    clock.advance(120_000);
    sb.setFaults('503:/api/v2/tokens/*:x1');
    const r = await api(sb.url, token, 'GET', '/api/v2/tokens/me');
    assert.strictEqual(r.status, 503);
    assert.strictEqual(r.json.code, 'service.unavailable');
    assert.strictEqual((await api(sb.url, token, 'GET', '/api/v2/tokens/me')).status, 200);
    const entry = sb.requestLog.entries().at(-2)!;
    assert.strictEqual(entry.fault, '503:/api/v2/tokens/*:x1');
  });

  it('injects a 429 with a filled-in message and a 502 gateway page', async () => {
    sb.setFaults('429:/api/v2/tokens/me:x1,502:/api/v2/stations:x1');
    const r = await api(sb.url, token, 'GET', '/api/v2/tokens/me');
    assert.strictEqual(r.status, 429);
    assert.strictEqual(r.headers.get('retry-after'), '1');
    assert.strictEqual(r.json.message, 'Rate limit exceeded the maximum [3] requests within [60] seconds');
    const g = await api(sb.url, token, 'GET', '/api/v2/stations');
    assert.strictEqual(g.status, 502);
    assert.match(g.text, /Bad Gateway/);
    assert.strictEqual(g.json, undefined, 'not an ErrorBody');
  });

  it('fires probabilistic faults by the injected random source', async () => {
    clock.advance(120_000);
    rnd = 0.5;
    sb.setFaults('5xx:0.4');
    assert.strictEqual((await api(sb.url, token, 'GET', '/api/v2/tokens/me')).status, 200);
    sb.setFaults('5xx:0.6');
    assert.strictEqual((await api(sb.url, token, 'GET', '/api/v2/tokens/me')).status, 503);
  });

  it('resets the connection, sends garbage, or never answers (timeout)', async () => {
    sb.setFaults('reset:/api/v2/users/**,garbage:/api/v2/stations,timeout:/api/v2/organizations/me');
    await assert.rejects(fetch(`${sb.url}/api/v2/users/me`), /fetch failed/);
    const g = await fetch(`${sb.url}/api/v2/stations`);
    assert.strictEqual(g.status, 200);
    await assert.rejects(g.json(), SyntaxError);
    const ac = new AbortController();
    const pending = fetch(`${sb.url}/api/v2/organizations/me`, { signal: ac.signal });
    setTimeout(() => ac.abort(), 100).unref();
    await assert.rejects(pending, /abort/i);
    const kinds = sb.requestLog.entries().slice(-3).map((e) => e.status);
    assert.deepStrictEqual(kinds, ['reset', 200, 'timeout']);
  });

  it('rejects a malformed fault spec with a clear message', () => {
    assert.throws(() => sb.setFaults('explode:/x'), /unknown kind 'explode'/);
    assert.throws(() => sb.setFaults('5xx:often'), /cannot read 'often'/);
  });

  it('delays every request by the injected latency', async () => {
    clock.advance(120_000);
    sb.setLatency(40);
    assert.strictEqual((await api(sb.url, token, 'GET', '/api/v2/tokens/me')).status, 200);
    assert.ok(sb.requestLog.entries().at(-1)!.durationMs >= 35, 'a lower bound only: a slow machine cannot break it');
  });
});
