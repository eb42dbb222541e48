// `call-doctor sandbox`: argument parsing, the printed table, clean stop.
import * as assert from 'assert';
import { parseSandboxArgs, runSandbox } from '../../src/cli/commands/sandbox';
import type { CliIo } from '../../src/cli/commands/types';

function io() {
  const out: string[] = []; const err: string[] = [];
  const value: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: process.cwd(), readStdin: async () => '' };
  return { value, out, err };
}

describe('call-doctor sandbox', () => {
  it('parses every option', () => {
    assert.deepStrictEqual(parseSandboxArgs(['--port', '0', '--org=x.json', '--latency', '25', '--faults', '5xx:0.1', '--jwt', '--rate-limit', '10/60']),
      { port: 0, fixture: 'x.json', latencyMs: 25, faults: '5xx:0.1', jwt: true, rateLimit: { requests: 10, windowSeconds: 60 } });
    assert.deepStrictEqual(parseSandboxArgs([]), { port: 8787 });
  });

  it('explains bad options', () => {
    assert.deepStrictEqual(parseSandboxArgs(['--port', 'abc']), { error: "--port must be a whole number from 0 to 65535, got 'abc'." });
    assert.deepStrictEqual(parseSandboxArgs(['--rate-limit', '10']), { error: "--rate-limit must look like 100/60 (requests/seconds), got '10'." });
    assert.deepStrictEqual(parseSandboxArgs(['--bogus']), { error: "unknown option '--bogus'." });
  });

  it('prints the URL, users, clients and causes without secrets, and stops when asked', async () => {
    const { value, out } = io();
    const code = await runSandbox(['--port', '0'], value, new Promise<void>((r) => setImmediate(r)));
    const text = out.join('');
    assert.strictEqual(code, 0);
    assert.match(text, /Base URL \(login \+ API\): http:\/\/127\.0\.0\.1:\d+/);
    assert.match(text, /Alice Healthy\s+alice@sandbox\.example/);
    assert.match(text, /no-station\s+pkce Bob Nostation via Call Doctor \(PKCE\)\s+400 conversation\.error\.no\.user\.station/);
    assert.match(text, /missing-scope .* 403 not\.authorized \(ASSUMPTION\)/);
    assert.ok(!text.includes('sandbox-dialer-secret'), 'no client secret printed');
    assert.match(text, /Sandbox stopped\./);
  });

  it('explains a taken port', async () => {
    const net = await import('net');
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { value, err } = io();
      assert.strictEqual(await runSandbox(['--port', String(port)], value, Promise.resolve()), 2);
      assert.match(err.join(''), new RegExp(`port ${port} is taken; pick another with --port N`));
    } finally { blocker.close(); }
  });

  it('exits 2 with a clear message for a missing fixture', async () => {
    const { value, err } = io();
    assert.strictEqual(await runSandbox(['--port', '0', '--org', '/nonexistent/org.json'], value, Promise.resolve()), 2);
    assert.match(err.join(''), /cannot read sandbox fixture \/nonexistent\/org\.json/);
  });
});
