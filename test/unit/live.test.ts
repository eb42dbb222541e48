import * as assert from 'assert';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { parseEnvironment } from '../../src/core/env/environment';
import { LookupCache } from '../../src/core/http/cache';
import { runDoctor } from '../../src/core/live';
import type { DoctorInput, DoctorResult } from '../../src/core/live';
import { silentLog, systemClock } from '../../src/core/ports';
import { FakeGenesys, healthyOrg, TOKEN, type FakeOrg } from './live-fake-org';

const catalog = defaultCatalog();
const env = parseEnvironment('mypurecloud.com');
const CALLS = '/api/v2/conversations/calls';
const ON_BEHALF = '/api/v2/conversations/calls/user/{userId}';

function input(fake: FakeGenesys, extra: Partial<DoctorInput> & { path?: string } = {}): DoctorInput {
  const op = catalog.lookup('POST', extra.path ?? CALLS).match!.operation;
  return {
    operation: op, body: { phoneNumber: '+13175550100' }, accessToken: TOKEN, environment: env, catalog,
    ports: { http: fake, clock: systemClock, log: silentLog }, retry: { maxAttempts: 2, baseDelayMs: 1, timeoutMs: 2000 },
    ...extra,
  };
}

async function run(mutate: (o: FakeOrg) => void = () => {}, extra: Partial<DoctorInput> & { path?: string } = {}): Promise<{ r: DoctorResult; fake: FakeGenesys }> {
  const org = healthyOrg();
  mutate(org);
  const fake = new FakeGenesys(org);
  return { r: await runDoctor(input(fake, extra)), fake };
}

const rules = (r: DoctorResult) => r.findings.map((f) => f.rule).sort();
const state = (r: DoctorResult, id: string) => r.checks.find((c) => c.id === id)!.state;

describe('live doctor engine (fake org)', function () {
  this.timeout(20000);

  it('a healthy user passes every check with GET lookups only, in at most 3 round trips', async () => {
    const { r, fake } = await run();
    assert.deepStrictEqual(rules(r), []);
    assert.strictEqual(r.verdict, 'pass');
    for (const id of ['grant', 'scope', 'permission', 'station', 'route']) assert.strictEqual(state(r, id), 'pass', id);
    assert.ok(fake.requests.every((q) => q.method === 'GET'), 'only GET');
    assert.ok(r.criticalPath >= 2 && r.criticalPath <= 3, `critical path ${r.criticalPath}`);
    assert.strictEqual(r.org?.name, 'Fake Org');
    assert.match(r.checks.find((c) => c.id === 'permission')!.summary, /conversation:conference:add \(Agent in division Home\)/);
  });

  it('finds the Edge through the Edge API when the site listing does not name it (one more round trip)', async () => {
    const { r } = await run((o) => { o.sitesWithoutEdges = true; });
    assert.strictEqual(state(r, 'station'), 'pass');
    assert.strictEqual(state(r, 'route'), 'pass');
    assert.ok(r.calls.some((c) => c.request.startsWith('GET /api/v2/telephony/providers/edges?')));
    assert.strictEqual(r.criticalPath, 4);
  });

  it('a lookup token answers lookups the user is refused, never the "me" lookups', async () => {
    const org = healthyOrg();
    org.override['/api/v2/telephony/providers/edges/sites/s-1/'] = { status: 403, body: '{"status":403,"code":"missing.any.permissions","message":"x"}' };
    const fake = new FakeGenesys(org);
    const helper = 'helper-token-987654';
    const base = input(fake, { lookupToken: { accessToken: helper, label: 'admin' } });
    // The fake answers the override for every token; route stays unknown but the helper was asked.
    const r = await runDoctor(base);
    const asked = fake.requests.filter((q) => q.headers?.Authorization === `Bearer ${helper}`).map((q) => new URL(q.url).pathname);
    assert.ok(asked.length >= 2 && asked.every((p) => p.includes('/sites/s-1/')), asked.join());
    assert.ok(r.calls.some((c) => / \(as admin\)$/.test(c.request)));
    assert.ok(!JSON.stringify(r).includes(helper));
  });

  it('client credentials on /calls: grant.no-user-context, scopes skipped', async () => {
    const { r } = await run((o) => { o.grant = 'CLIENT-CREDENTIALS'; });
    assert.ok(rules(r).includes('grant.no-user-context'));
    assert.strictEqual(state(r, 'scope'), 'skipped');
    assert.strictEqual(state(r, 'station'), 'skipped');
    const f = r.findings.find((x) => x.rule === 'grant.no-user-context')!;
    assert.match(f.message, /not\.a\.user/);
    assert.ok(f.evidence!.some((e) => e.request.startsWith('GET /api/v2/tokens/me')));
  });

  it('scope.missing names the scope from the live swagger and the token\'s scopes', async () => {
    const { r } = await run((o) => { o.scopes = ['users:readonly']; });
    const f = r.findings.find((x) => x.rule === 'scope.missing')!;
    assert.ok(f, JSON.stringify(rules(r)));
    assert.match(f.message, /`conversations`/);
    assert.match(f.message, /`users:readonly`/);
    assert.ok(f.evidence!.some((e) => e.request === 'GET /api/v2/docs/swagger'));
  });

  it('an unknown operation scope is reported as unknown, never as a pass', async () => {
    const { r } = await run((o) => { o.scopes = []; o.callScopes = null; });
    assert.strictEqual(state(r, 'scope'), 'unknown');
    assert.ok(r.findings.some((f) => f.rule === 'check.unavailable' && /OAuth scope/.test(f.message)));
  });

  it('permission.missing: unverified warning for a single-number call, error for a conference', async () => {
    const single = (await run((o) => { o.grants = [{ role: 'Viewer', divisionId: 'd-home', perms: ['routing:queue:view'] }]; })).r;
    const f = single.findings.find((x) => x.rule === 'permission.missing')!;
    assert.strictEqual(f.severity, 'warning');
    assert.strictEqual(f.source.verified, false);
    assert.match(f.message, /UNVERIFIED/);
    const conf = (await run((o) => { o.grants = []; }, { body: { conversationIds: ['c1', 'c2'] } })).r;
    const g = conf.findings.find((x) => x.rule === 'permission.missing')!;
    assert.strictEqual(g.severity, 'error');
    assert.strictEqual(g.source.verified, true);
  });

  it('permission held only in another division is named with that division', async () => {
    const { r } = await run((o) => { o.grants = [{ role: 'Agent', divisionId: 'd-east', perms: ['conversation:conference:add'] }]; });
    const f = r.findings.find((x) => x.rule === 'permission.missing')!;
    assert.match(f.message, /Agent in division d-east/);
    assert.match(f.message, /not in your division Home/);
  });

  it('station.none, station.no-edge (none assigned), station.no-edge (offline)', async () => {
    assert.ok(rules((await run((o) => { delete o.stationId; })).r).includes('station.none'));
    const noEdge = (await run((o) => { o.stationId = 'st-noedge'; })).r;
    assert.match(noEdge.findings.find((f) => f.rule === 'station.no-edge')!.message, /no\.station\.for\.edge/);
    assert.strictEqual(state(noEdge, 'route'), 'skipped');
    const off = (await run((o) => { o.stationId = 'st-off'; })).r;
    assert.match(off.findings.find((f) => f.rule === 'station.no-edge')!.message, /no\.active\.edge/);
  });

  it('route.no-match when no plan classifies the number, and when no route takes the class', async () => {
    const r1 = (await run(undefined, { body: { phoneNumber: '12' } })).r;
    assert.ok(rules(r1).includes('route.no-match'));
    assert.strictEqual(r1.findings[0].pointer, '/phoneNumber');
    const r2 = (await run(undefined, { body: { phoneNumber: '+442071234567' } })).r;
    assert.match(r2.findings.find((f) => f.rule === 'route.no-match')!.message, /International/);
  });

  it('queue.not-found and queue.not-member for callFromQueueId', async () => {
    const nf = (await run(undefined, { body: { phoneNumber: '+13175550100', callFromQueueId: 'q-missing' } })).r;
    assert.deepStrictEqual(rules(nf), ['queue.not-found']);
    const nm = (await run(undefined, { body: { phoneNumber: '+13175550100', callFromQueueId: 'q-other' } })).r;
    assert.deepStrictEqual(rules(nm), ['queue.not-member']);
    const ok = (await run(undefined, { body: { phoneNumber: '+13175550100', callFromQueueId: 'q-sales' } })).r;
    assert.strictEqual(state(ok, 'queue'), 'pass');
  });

  it('on behalf of a user: user.not-found, and the target\'s station is checked', async () => {
    const nf = (await run(undefined, { path: ON_BEHALF, pathParams: { userId: 'u-ghost' } })).r;
    assert.ok(rules(nf).includes('user.not-found'));
    const bob = (await run(undefined, { path: ON_BEHALF, pathParams: { userId: 'u-bob' } })).r;
    assert.ok(rules(bob).includes('station.none'));
    assert.strictEqual(bob.findings.find((f) => f.rule === 'station.none')!.source.verified, false);
  });

  it('a forbidden lookup gives check.unavailable naming the call and the permission, never a pass', async () => {
    const { r } = await run((o) => {
      o.override['/api/v2/telephony/providers/edges/sites/s-1/numberplans'] = { status: 403, body: JSON.stringify({ status: 403, code: 'missing.any.permissions', message: 'x', contextId: 'ctx-np' }) };
    });
    assert.strictEqual(state(r, 'route'), 'unknown');
    const f = r.findings.find((x) => x.rule === 'check.unavailable')!;
    assert.match(f.message, /numberplans answered 403 missing\.any\.permissions/);
    assert.match(f.message, /telephony:plugin:all/);
    assert.match(f.message, /unknown/);
    assert.notStrictEqual(r.verdict, 'pass');
  });

  it('garbage and 5xx answers make the verdict unknown', async () => {
    const { r } = await run((o) => {
      o.override['/api/v2/authorization/subjects/me'] = { status: 200, body: '<html>oops' };
      o.override['/api/v2/users/me'] = { status: 503, body: 'down' };
    });
    assert.strictEqual(state(r, 'permission'), 'unknown');
    assert.strictEqual(state(r, 'station'), 'unknown');
    assert.strictEqual(r.verdict, 'unknown');
  });

  it('is cancellable', async () => {
    const ctrl = new AbortController();
    const org = healthyOrg();
    const fake = new FakeGenesys(org);
    const p = runDoctor(input(fake, { signal: ctrl.signal }));
    ctrl.abort();
    await assert.rejects(p, /cancelled/);
  });

  it('a per-session cache answers a second run without new requests', async () => {
    const org = healthyOrg();
    const fake = new FakeGenesys(org);
    const cache = new LookupCache<never>(systemClock) as never;
    await runDoctor(input(fake, { cache }));
    const first = fake.requests.length;
    const r = await runDoctor(input(fake, { cache }));
    assert.strictEqual(fake.requests.length, first);
    assert.ok(r.calls.every((c) => c.cached));
  });

  it('sends the user\'s request exactly once when explicitly asked, and explains the answer', async () => {
    const org = healthyOrg();
    org.override['/api/v2/conversations/calls'] = { status: 403, body: JSON.stringify({ status: 403, code: 'missing.any.permissions', message: 'You must have at least one of the following permissions assigned: [conversation:conference:add]', messageParams: { perms: 'conversation:conference:add' }, contextId: 'ctx-777' }) };
    const fake = new FakeGenesys(org);
    const r = await runDoctor(input(fake, { send: { method: 'POST', url: 'https://api.mypurecloud.com/api/v2/conversations/calls', body: '{"phoneNumber":"+13175550100"}' } }));
    assert.strictEqual(fake.requests.filter((q) => q.method === 'POST').length, 1);
    assert.strictEqual(r.sent!.status, 403);
    assert.deepStrictEqual(r.sent!.explanation!.permissions, ['conversation:conference:add']);
    assert.strictEqual(r.sent!.explanation!.correlationId, 'ctx-777');
  });

  it('evidence never contains the token', async () => {
    const { r } = await run((o) => { o.override['/api/v2/users/me'] = { status: 500, body: `{"echo":"Bearer ${TOKEN}","access_token":"${TOKEN}"}` }; });
    assert.ok(!JSON.stringify(r).includes(TOKEN));
  });
});
