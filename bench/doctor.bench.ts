// Call Doctor latency: a full doctor run against the sandbox org with 100 ms
// injected latency per request. Reports the wall time, the sequential round
// trips on the critical path (from the engine's dependency levels and from the
// request timestamps), and the ratio to issuing the same lookups one after
// another (measured in the same run, same server, same latency).
import { defaultCatalog } from '../src/core/catalog/catalog';
import { parseEnvironment } from '../src/core/env/environment';
import type { CallRecord } from '../src/core/http/api';
import { runDoctor, type DoctorResult } from '../src/core/live';
import { silentLog, systemClock } from '../src/core/ports';
import { nodeHttp } from '../src/cli/adapters';
import { signInFor } from '../src/cli/commands/demo';
import { startSandbox } from '../src/sandbox';

const LATENCY_MS = 100;
const RUNS = 5;

/** Waves of requests in flight together: a new wave starts once an earlier one has ended. */
export function wavesFromTimestamps(calls: readonly CallRecord[]): number {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  let waves = 0;
  let waveEnd = -Infinity;
  for (const c of sorted) {
    if (c.startedAt >= waveEnd) { waves++; waveEnd = c.endedAt; } else waveEnd = Math.min(waveEnd, c.endedAt);
  }
  return waves;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function bench(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  const http = nodeHttp({ timeoutMs: 10_000 });
  try {
    // Grace (supervisor) may read telephony configuration, so every lookup of a full run happens.
    const scenario = sandbox.fixture.scenarios.find((s) => s.id === 'on-behalf-healthy')!;
    const token = (await signInFor(sandbox, scenario, http)).accessToken;
    const queue = sandbox.fixture.queues.find((q) => q.members.some((m) => 'userId' in scenario.login && m.userId === scenario.login.userId))!;
    const catalog = defaultCatalog();
    const env = parseEnvironment(sandbox.url);
    sandbox.setLatency(LATENCY_MS);
    const walls: number[] = [];
    const seqs: number[] = [];
    let last: DoctorResult | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t0 = Date.now();
      last = await runDoctor({
        operation: catalog.lookup('POST', '/api/v2/conversations/calls').match!.operation,
        body: { phoneNumber: '+13175550199', callFromQueueId: queue.id },
        accessToken: token, environment: env, catalog, ports: { http, clock: systemClock, log: silentLog },
      });
      walls.push(Date.now() - t0);
      // The same lookups, one after another.
      const s0 = Date.now();
      for (const c of last.calls) {
        const [method, path] = c.request.split(' ');
        await http.send({ method, url: sandbox.url + path, headers: { Authorization: `Bearer ${token}` } });
      }
      seqs.push(Date.now() - s0);
    }
    const r = last!;
    const wall = median(walls);
    const seq = median(seqs);
    const ratio = wall / seq;
    const bad = r.checks.filter((c) => c.state !== 'pass' && c.state !== 'skipped').map((c) => `${c.id}=${c.state}`);
    console.log(`doctor run, ${LATENCY_MS} ms latency per request, median of ${RUNS}:`);
    console.log(`  lookups per run:            ${r.calls.length}${bad.length ? ` (not all checks passed: ${bad.join(', ')})` : ' (every check ran and passed)'}`);
    console.log(`  wall time:                  ${wall} ms`);
    console.log(`  critical path (engine):     ${r.criticalPath} sequential round trips   goal <= 3  ${r.criticalPath <= 3 ? 'OK' : 'MISSED'}`);
    console.log(`  critical path (timestamps): ${wavesFromTimestamps(r.calls)} waves`);
    console.log(`  same lookups sequentially:  ${seq} ms`);
    console.log(`  ratio parallel/sequential:  ${ratio.toFixed(3)}                        goal <= 0.35  ${ratio <= 0.35 ? 'OK' : 'MISSED'}`);
  } finally {
    await sandbox.close();
  }
}
