// The Call Doctor against the sandbox org on 127.0.0.1: every documented cause
// gives its rule id, a healthy user gives no errors, a full run sends only
// GET/HEAD, and faults (429, 5xx, timeout, reset, garbage) never yield a pass.
import * as assert from 'assert';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { parseEnvironment } from '../../src/core/env/environment';
import { runDoctor, type DoctorResult } from '../../src/core/live';
import { silentLog, systemClock } from '../../src/core/ports';
import { nodeHttp } from '../../src/cli/adapters';
import { EXPECTED_RULES, runDemoCases, signInFor } from '../../src/cli/commands/demo';
import { startSandbox, type Sandbox } from '../../src/sandbox';

const catalog = defaultCatalog();
const CALLS = catalog.lookup('POST', '/api/v2/conversations/calls').match!.operation;

describe('doctor against the sandbox org', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  const http = nodeHttp({ timeoutMs: 10_000 });
  let aliceToken: string;

  before(async () => {
    sandbox = await startSandbox({ port: 0, deviceInterval: 1 }); // the demo's device-flow case polls every 1 s
    const healthy = sandbox.fixture.scenarios.find((s) => s.id === 'healthy-agent')!;
    aliceToken = (await signInFor(sandbox, healthy, http)).accessToken;
  });
  after(async () => { await sandbox.close(); });

  function doctor(token: string, body: unknown, retry = { maxAttempts: 2, timeoutMs: 1500, baseDelayMs: 10, maxTotalWaitMs: 1500 }): Promise<DoctorResult> {
    return runDoctor({
      operation: CALLS, body, accessToken: token, environment: parseEnvironment(sandbox.url), catalog,
      ports: { http, clock: systemClock, log: silentLog }, retry,
    });
  }

  it('names the documented rule id (and a fix) for every fixture cause; healthy ones give no errors', async () => {
    const outcomes = await runDemoCases(sandbox, { http });
    assert.strictEqual(outcomes.length, Object.keys(EXPECTED_RULES).length);
    for (const o of outcomes) {
      assert.ok(o.ok, `${o.id}: expected ${o.expected.join(',') || 'no errors'}, got ${o.rules.join(',') || 'none'} ${o.error ?? ''}`);
      for (const rule of o.expected) {
        const f = o.run!.file.findings.find((x) => x.rule === rule)!;
        assert.ok(f.message.length > 40, `${o.id}: ${rule} has a message with a fix`);
        if (f.evidence) assert.ok(f.evidence.length > 0, `${o.id}: live finding has evidence`);
      }
    }
  });

  it('a full doctor run sends only GET/HEAD (the sandbox request log proves it)', async () => {
    sandbox.requestLog.clear();
    const r = await doctor(aliceToken, { phoneNumber: '+13175550199', callFromQueueId: '086e2313-861f-5d3f-9e45-31b6c1ba64ef' });
    const entries = sandbox.requestLog.entries();
    assert.ok(entries.length >= 6, `only ${entries.length} requests`);
    assert.deepStrictEqual([...new Set(entries.map((e) => e.method))].filter((m) => m !== 'GET' && m !== 'HEAD'), []);
    assert.strictEqual(r.verdict, 'unknown'); // Alice may not read routes (telephony:plugin:all)
    assert.ok(r.criticalPath <= 3, `critical path ${r.criticalPath}`);
  });

  for (const kind of ['429', '5xx', 'timeout', 'reset', 'garbage']) {
    it(`fault ${kind} on the lookups gives unknown / check.unavailable, never a pass, in bounded time`, async () => {
      sandbox.setFaults(`${kind}:/api/v2/authorization/subjects/me,${kind}:/api/v2/users/me,${kind}:/api/v2/stations/*`);
      try {
        const r = await doctor(aliceToken, { phoneNumber: '+13175550199' });
        assert.notStrictEqual(r.verdict, 'pass');
        assert.strictEqual(r.checks.find((c) => c.id === 'station')!.state, 'unknown');
        const perm = r.checks.find((c) => c.id === 'permission')!;
        assert.notStrictEqual(perm.state, 'pass');
        assert.ok(r.findings.some((f) => f.rule === 'check.unavailable' && /unknown/.test(f.message)));
      } finally {
        sandbox.setFaults(undefined);
      }
    });
  }

  it('Retry-After on 429 is honoured and a later success counts', async () => {
    sandbox.setFaults('429:/api/v2/authorization/subjects/me:x1');
    try {
      const r = await doctor(aliceToken, { phoneNumber: '+13175550199' }, { maxAttempts: 3, timeoutMs: 5000, baseDelayMs: 10, maxTotalWaitMs: 5000 });
      assert.strictEqual(r.checks.find((c) => c.id === 'permission')!.state, 'pass');
      assert.ok(r.calls.some((c) => c.request === 'GET /api/v2/authorization/subjects/me' && c.attempts === 2));
    } finally {
      sandbox.setFaults(undefined);
    }
  });

  it('cancelling a run against a slow server ends it promptly with a cancellation', async () => {
    sandbox.setLatency(2000);
    try {
      const ctrl = new AbortController();
      const p = runDoctor({ operation: CALLS, body: { phoneNumber: '+13175550199' }, accessToken: aliceToken, environment: parseEnvironment(sandbox.url), catalog, ports: { http, clock: systemClock, log: silentLog }, signal: ctrl.signal });
      setTimeout(() => ctrl.abort(), 50).unref();
      await assert.rejects(p, /cancelled/);
    } finally {
      sandbox.setLatency(0);
    }
  });
});
