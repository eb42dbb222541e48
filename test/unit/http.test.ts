import * as assert from 'assert';
import { LookupCache } from '../../src/core/http/cache';
import { ForeignHostRefused, MutatingRequestRefused, ReadOnlyHttp, withBearer } from '../../src/core/http/guard';
import { excerpt, redactHeaders, redactText } from '../../src/core/http/redact';
import { Cancelled, isRetryableStatus, retryAfterMs, sendWithRetry } from '../../src/core/http/retry';
import type { HttpPort, HttpRequest, HttpResponse } from '../../src/core/ports';
import { FakeClock } from './auth-fakes'; // sleeps return at once but are recorded (retry waits only)

function scripted(answers: (HttpResponse | Error | 'hang')[]): HttpPort & { calls: HttpRequest[] } {
  const calls: HttpRequest[] = [];
  return {
    calls,
    async send(req) {
      calls.push(req);
      const a = answers[Math.min(calls.length - 1, answers.length - 1)];
      if (a === 'hang') return new Promise<HttpResponse>(() => {});
      if (a instanceof Error) throw a;
      return a;
    },
  };
}
const res = (status: number, headers: Record<string, string> = {}, body = '{}'): HttpResponse => ({ status, headers, body });

describe('http: redaction', () => {
  it('removes bearer tokens, Authorization headers, token fields in JSON, forms and URLs', () => {
    const t = 'Authorization: Bearer abc.def-ghi\n{"access_token":"s3cr3t","refresh_token": "r1", "name":"x"}\ngrant_type=x&client_secret=shh&code_verifier=v\nhttps://h/cb?access_token=zz#';
    const out = redactText(t);
    for (const s of ['abc.def-ghi', 's3cr3t', '"r1"', 'shh', '=v', 'access_token=zz']) assert.ok(!out.includes(s), `${s} in ${out}`);
    assert.match(out, /"name":"x"/);
    assert.match(out, /Bearer \[REDACTED\]/);
  });
  it('removes the credentials of an Authorization value written as a form field', () => {
    for (const t of ['authorization=Basic dXNlcjpwYXNz&x=1', 'authorization=Basic user:pass', 'a=1&Authorization=Bearer abcdefghijklmnop']) {
      const out = redactText(t);
      for (const s of ['dXNlcjpwYXNz', 'user:pass', 'abcdefghijklmnop']) assert.ok(!out.includes(s), `${s} in ${out}`);
    }
    assert.match(redactText('needs ANY authorization:grant:view'), /authorization:grant:view/);
    assert.match(redactText('{"authorizedScope":["authorization:readonly","users"]}'), /"authorization:readonly"/);
    assert.ok(!redactText('Authorization: Basic dXNlcjpwYXNz').includes('dXNlcjpwYXNz'));
  });
  it('removes known secrets wherever they appear and truncates excerpts', () => {
    assert.strictEqual(redactText('id=canary-XYZ-123 end', ['canary-XYZ-123']), 'id=[REDACTED] end');
    assert.ok(excerpt('a'.repeat(1000)).length < 310);
  });
  it('redacts sensitive headers by name', () => {
    assert.deepStrictEqual(redactHeaders({ Authorization: 'Bearer x', Cookie: 'c', Accept: 'application/json' }),
      { Authorization: '[REDACTED]', Cookie: '[REDACTED]', Accept: 'application/json' });
  });
});

describe('http: guards', () => {
  it('the read-only port refuses anything but GET/HEAD; sendUserRequest is the explicit opt-in', async () => {
    const port = scripted([res(200)]);
    const ro = new ReadOnlyHttp(port);
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) await assert.rejects(ro.send({ method: m, url: 'https://api.x/a' }), MutatingRequestRefused);
    assert.strictEqual(port.calls.length, 0);
    await ro.send({ method: 'GET', url: 'https://api.x/a' });
    await ro.send({ method: 'HEAD', url: 'https://api.x/a' });
    await ro.sendUserRequest({ method: 'POST', url: 'https://api.x/a' });
    assert.deepStrictEqual(port.calls.map((c) => c.method), ['GET', 'HEAD', 'POST']);
  });
  it('the bearer token goes only to the environment\'s bases', () => {
    const bases = ['https://api.mypurecloud.ie', 'https://login.mypurecloud.ie'];
    assert.strictEqual(withBearer({ method: 'GET', url: 'https://api.mypurecloud.ie/api/v2/users/me' }, 'T0K3N-abc', bases).headers!.Authorization, 'Bearer T0K3N-abc');
    const foreign = withBearer({ method: 'GET', url: 'https://api.mypurecloud.com/api/v2/users/me' }, 'T0K3N-abc', bases);
    assert.strictEqual(foreign.headers?.Authorization, undefined);
    assert.throws(() => withBearer({ method: 'GET', url: 'https://evil.example/x', headers: { Authorization: 'Bearer T0K3N-abc' } }, 'T0K3N-abc', bases),
      (e: Error) => e instanceof ForeignHostRefused && /evil\.example/.test(e.message) && !e.message.includes('T0K3N'));
    // Same host, other port or scheme is another origin.
    assert.strictEqual(withBearer({ method: 'GET', url: 'http://api.mypurecloud.ie/x' }, 'T0K3N-abc', bases).headers?.Authorization, undefined);
  });
});

describe('http: bounded retries', () => {
  it('honours Retry-After on 429 and then succeeds', async () => {
    const clock = new FakeClock();
    const port = scripted([res(429, { 'retry-after': '2' }), res(200)]);
    const out = await sendWithRetry(port, { method: 'GET', url: 'https://a/b' }, clock, { maxAttempts: 3, maxTotalWaitMs: 10_000 });
    assert.strictEqual(out.response!.status, 200);
    assert.deepStrictEqual(clock.sleeps, [2000]);
    assert.strictEqual(out.attempts, 2);
  });
  it('stops when Retry-After exceeds the total wait bound (gc waits up to 180 s; we do not)', async () => {
    const clock = new FakeClock();
    const port = scripted([res(429, { 'retry-after': '180' })]);
    const out = await sendWithRetry(port, { method: 'GET', url: 'https://a/b' }, clock, { maxAttempts: 5, maxTotalWaitMs: 8000 });
    assert.strictEqual(out.response!.status, 429);
    assert.strictEqual(port.calls.length, 1);
    assert.deepStrictEqual(clock.sleeps, []);
  });
  it('retries 5xx but not 501 or 4xx, within maxAttempts', async () => {
    assert.deepStrictEqual([429, 500, 502, 503, 501, 404, 403].map(isRetryableStatus), [true, true, true, true, false, false, false]);
    const clock = new FakeClock();
    const port = scripted([res(503)]);
    const out = await sendWithRetry(port, { method: 'GET', url: 'https://a/b' }, clock, { maxAttempts: 3, baseDelayMs: 100 });
    assert.strictEqual(port.calls.length, 3);
    assert.deepStrictEqual(clock.sleeps, [100, 200]);
    assert.strictEqual(out.response!.status, 503);
  });
  it('times out a hanging request and reports the error (no throw)', async () => {
    const port = scripted(['hang']);
    const out = await sendWithRetry(port, { method: 'GET', url: 'https://a/b' }, new FakeClock(), { maxAttempts: 2, timeoutMs: 30, baseDelayMs: 1 });
    assert.strictEqual(out.response, undefined);
    assert.match(out.error!.message, /no answer within 30 ms/);
    assert.strictEqual(port.calls.length, 2);
  });
  it('a connection reset is retried and reported', async () => {
    const port = scripted([Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })]);
    const out = await sendWithRetry(port, { method: 'GET', url: 'https://a/b' }, new FakeClock(), { maxAttempts: 2, baseDelayMs: 1 });
    assert.match(out.error!.message, /socket hang up/);
  });
  it('cancellation rejects with Cancelled', async () => {
    const ctrl = new AbortController();
    const port = scripted(['hang']);
    const p = sendWithRetry(port, { method: 'GET', url: 'https://a/b', signal: ctrl.signal }, new FakeClock(), { timeoutMs: 60_000 });
    ctrl.abort();
    await assert.rejects(p, Cancelled);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.strictEqual(retryAfterMs({ 'retry-after': '3' }, 0), 3000);
    assert.strictEqual(retryAfterMs({ 'retry-after': new Date(10_000).toUTCString() }, 4_000), 6000);
    assert.strictEqual(retryAfterMs({}, 0), undefined);
  });
});

describe('http: per-session cache', () => {
  it('shares concurrent loads, keeps definite answers, drops failures, expires', async () => {
    const clock = new FakeClock();
    const cache = new LookupCache<number>(clock, 1000);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get('k', load, () => true), cache.get('k', load, () => true)]);
    assert.deepStrictEqual([a, b, loads], [1, 1, 1]);
    await cache.get('bad', load, () => false);
    await new Promise((r) => setImmediate(r));
    assert.strictEqual(cache.has('bad'), false);
    clock.t += 1001;
    assert.strictEqual(await cache.get('k', load, () => true), 3);
  });
});
