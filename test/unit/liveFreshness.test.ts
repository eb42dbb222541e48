// Evidence is never stale: an explicit run (fresh) asks the API instead of the
// cache and still refreshes it; what did come from the cache says so with its
// age in every rendering (CLI text, markdown); and a host that answers nothing
// is one "could not reach" result, not a list of checks.
import * as assert from 'assert';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { parseEnvironment } from '../../src/core/env/environment';
import { cachedLabel, LookupCache } from '../../src/core/http/cache';
import type { RawOutcome } from '../../src/core/http/api';
import { describeTransportError } from '../../src/core/http/transport';
import { runDoctor, type DoctorInput } from '../../src/core/live';
import { formatDoctorText } from '../../src/core/live/format';
import { silentLog, type HttpPort } from '../../src/core/ports';
import { renderMarkdown } from '../../src/core/report/markdown';
import { FakeClock } from './auth-fakes';
import { FakeGenesys, healthyOrg, TOKEN } from './live-fake-org';

const catalog = defaultCatalog();
const env = parseEnvironment('mypurecloud.com');

/** What Node's fetch throws when nothing listens on the port. */
function refused(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4567'), { code: 'ECONNREFUSED' });
  return Object.assign(new TypeError('fetch failed'), { cause });
}

/** The fake org, until `down` is set: then every request is refused. */
class SwitchableOrg implements HttpPort {
  down = false;
  readonly fake = new FakeGenesys(healthyOrg());
  sent = 0;
  async send(req: Parameters<HttpPort['send']>[0]) {
    this.sent++;
    if (this.down) throw refused();
    return this.fake.send(req);
  }
}

function input(http: HttpPort, clock: FakeClock, cache: LookupCache<RawOutcome>, extra: Partial<DoctorInput> = {}): DoctorInput {
  return {
    operation: catalog.lookup('POST', '/api/v2/conversations/calls').match!.operation, body: { phoneNumber: '+13175550100' },
    accessToken: TOKEN, environment: env, catalog, ports: { http, clock, log: silentLog }, cache,
    retry: { maxAttempts: 2, baseDelayMs: 1, timeoutMs: 2000 }, ...extra,
  };
}

describe('live doctor: fresh runs, cached evidence, unreachable host', function () {
  this.timeout(20000);

  it('a second run from the cache marks every call and evidence as cached with its age; text and markdown say "cached, N min old"', async () => {
    const clock = new FakeClock();
    const org = new SwitchableOrg();
    org.fake.org.stationId = undefined; // station.none: a finding whose evidence is users/me
    const cache = new LookupCache<RawOutcome>(clock, 10 * 60_000);
    const first = await runDoctor(input(org, clock, cache));
    assert.ok(first.calls.every((c) => !c.cached && c.ageMs === undefined));
    clock.advance(125_000);
    const asked = org.sent;
    const second = await runDoctor(input(org, clock, cache));
    assert.strictEqual(org.sent, asked, 'answered from memory');
    assert.ok(second.calls.length > 0 && second.calls.every((c) => c.cached && c.ageMs === 125_000), JSON.stringify(second.calls));
    const ev = second.findings.find((f) => f.rule === 'station.none')!.evidence![0];
    assert.deepStrictEqual([ev.cached, ev.ageMs], [true, 125_000]);
    const text = formatDoctorText(second);
    assert.match(text, /evidence: GET \/api\/v2\/users\/me[^\n]* -> 200 \(cached, 2 min old\)/);
    assert.match(text, /from cache \(up to 2 min old\)/);
    assert.match(renderMarkdown(second), /→ 200 \(cached, 2 min old\)/);
  });

  it('fresh: asks the API although the cache holds answers, and refreshes the cache', async () => {
    const clock = new FakeClock();
    const org = new SwitchableOrg();
    const cache = new LookupCache<RawOutcome>(clock);
    await runDoctor(input(org, clock, cache));
    const asked = org.sent;
    const fresh = await runDoctor(input(org, clock, cache, { fresh: true }));
    assert.ok(org.sent > asked, 'the API was asked again');
    assert.ok(fresh.calls.every((c) => !c.cached), 'nothing from memory');
    clock.advance(5_000);
    const after = await runDoctor(input(org, clock, cache));
    assert.ok(after.calls.every((c) => c.cached && c.ageMs === 5_000), 'the fresh answers were kept, dated from the fresh run');
  });

  it('the host stops answering: a fresh run is one "could not reach" result, every check skipped, no PASS', async () => {
    const clock = new FakeClock();
    const org = new SwitchableOrg();
    const cache = new LookupCache<RawOutcome>(clock);
    assert.strictEqual((await runDoctor(input(org, clock, cache))).verdict, 'pass');
    org.down = true;
    const r = await runDoctor(input(org, clock, cache, { fresh: true }));
    assert.deepStrictEqual(r.unreachable, { host: 'api.mypurecloud.com', message: 'connection refused (connect ECONNREFUSED 127.0.0.1:4567)' });
    assert.strictEqual(r.verdict, 'unknown');
    assert.ok(r.checks.every((c) => c.state === 'skipped' && /^Not checked: could not reach api\.mypurecloud\.com: connection refused/.test(c.summary)), JSON.stringify(r.checks));
    assert.deepStrictEqual(r.findings, []);
    assert.strictEqual(r.account, undefined);
    const text = formatDoctorText(r);
    assert.match(text, /could not reach api\.mypurecloud\.com: connection refused/);
    assert.doesNotMatch(text, /PASS/);
    assert.match(renderMarkdown(r), /## Could not reach api\.mypurecloud\.com/);
    assert.doesNotMatch(renderMarkdown(r), /✅ pass/);
  });

  it('the host stops answering, a run that is not fresh: what it asked got no answer, so cached passes do not count either', async () => {
    const clock = new FakeClock();
    const org = new SwitchableOrg();
    org.fake.org.override['/api/v2/telephony/providers/edges/sites/s-1/outboundroutes'] = { status: 503, body: '{"status":503}' }; // never cached
    const cache = new LookupCache<RawOutcome>(clock);
    const first = await runDoctor(input(org, clock, cache));
    assert.strictEqual(first.unreachable, undefined);
    org.down = true;
    clock.advance(1_000);
    const r = await runDoctor(input(org, clock, cache));
    assert.ok(r.calls.some((c) => c.cached) && r.calls.some((c) => !c.cached), 'identity from the cache, the route lookup asked');
    assert.strictEqual(r.unreachable?.host, 'api.mypurecloud.com');
    assert.ok(r.checks.every((c) => c.state === 'skipped'));
  });

  it('every answer from the cache: no verdict of reachability, the checks decide on dated evidence', async () => {
    const clock = new FakeClock();
    const org = new SwitchableOrg();
    const cache = new LookupCache<RawOutcome>(clock);
    await runDoctor(input(org, clock, cache));
    org.down = true;
    const r = await runDoctor(input(org, clock, cache));
    assert.strictEqual(r.unreachable, undefined);
    assert.ok(r.calls.every((c) => c.cached));
    assert.strictEqual(r.verdict, 'pass');
  });

  it('a host that answers with an error status is reachable: the checks decide', async () => {
    const clock = new FakeClock();
    const fake = new FakeGenesys(healthyOrg());
    fake.org.override['/api/v2/'] = { status: 503, body: '{"status":503}' };
    const r = await runDoctor(input(fake, clock, new LookupCache<RawOutcome>(clock)));
    assert.strictEqual(r.unreachable, undefined);
    assert.ok(r.checks.some((c) => c.state === 'unknown'));
  });

  it('names why a request got no answer', () => {
    assert.strictEqual(describeTransportError(refused()), 'connection refused (connect ECONNREFUSED 127.0.0.1:4567)');
    const dns = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), { code: 'ENOTFOUND' }) });
    assert.strictEqual(describeTransportError(dns), 'host name not found (DNS) (getaddrinfo ENOTFOUND api.example.invalid)');
    const many = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:80'), { code: 'ECONNREFUSED' })]), { code: 'ECONNREFUSED' }) });
    assert.match(describeTransportError(many), /^connection refused/);
    assert.strictEqual(describeTransportError(new Error('no answer within 10 ms')), 'no answer within 10 ms');
    assert.deepStrictEqual([cachedLabel(4_000), cachedLabel(125_000), cachedLabel(2 * 3600_000)], ['cached, 4 s old', 'cached, 2 min old', 'cached, 2 h old']);
  });
});
