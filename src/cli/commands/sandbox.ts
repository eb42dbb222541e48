// `call-doctor sandbox`: runs the local Genesys-Cloud-shaped sandbox org until
// SIGINT/SIGTERM. Prints the base URL and who can sign in with what (never a
// secret or a token: client secrets stay in the fixture file).
import { startSandbox, type OrgFixture, type SandboxOptions } from '../../sandbox';
import type { CliCommand, CliIo } from './types';

const USAGE = 'sandbox [--port N] [--org fixture.json] [--latency MS] [--faults SPEC] [--jwt]';
const HELP = `Usage: call-doctor ${USAGE}

Runs a local Genesys-Cloud-shaped org on 127.0.0.1 (login + API on one base URL).
Not Genesys: see docs/sandbox.md for the fixture schema and every assumption.

Options:
  --port N             port to listen on (default 8787; 0 = any free port)
  --org FILE           org fixture (default data/sandbox/default-org.json)
  --latency MS         delay every request by MS milliseconds
  --faults SPEC        inject faults, e.g. 5xx:0.2,timeout:/api/v2/users/me,reset:/oauth/**:x1
  --rate-limit N/S     at most N requests per S seconds per token (429 + Retry-After)
  --jwt                issue signed JWT access tokens and serve /.well-known/jwks.json
  -h, --help           this help
`;

export function parseSandboxArgs(args: readonly string[]): (SandboxOptions & { help?: boolean }) | { error: string } {
  const out: SandboxOptions & { help?: boolean } = { port: 8787 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') { out.help = true; continue; }
    if (arg === '--jwt') { out.jwt = true; continue; }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--port', '--org', '--latency', '--faults', '--rate-limit'].includes(flag)) return { error: `unknown option '${arg}'.` };
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return { error: `${flag} needs a value.` };
    if (flag === '--port' || flag === '--latency') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || (flag === '--port' && n > 65535)) return { error: `${flag} must be a whole number${flag === '--port' ? ' from 0 to 65535' : ' >= 0'}, got '${value}'.` };
      if (flag === '--port') out.port = n; else out.latencyMs = n;
    } else if (flag === '--org') out.fixture = value;
    else if (flag === '--faults') out.faults = value;
    else {
      const m = /^(\d+)\/(\d+)$/.exec(value);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return { error: `--rate-limit must look like 100/60 (requests/seconds), got '${value}'.` };
      out.rateLimit = { requests: Number(m[1]), windowSeconds: Number(m[2]) };
    }
  }
  return out;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => '  ' + r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n') + '\n';
}

export function describeFixture(f: OrgFixture, url: string): string {
  const users = [['USER', 'EMAIL', 'ID', 'STATION']].concat(f.users.map((u) => [u.name, u.email, u.id, f.stations.find((s) => s.id === u.stationId)?.name ?? '(none)']));
  const clients = [['CLIENT', 'ID', 'GRANT', 'SIGN-IN']].concat(f.clients.map((c) => [c.name, c.id, c.authorizedGrantType,
    c.authorizedGrantType === 'CLIENT-CREDENTIALS' ? 'client credentials (secret in fixture)' : [c.secret ? 'auth code (secret in fixture)' : 'PKCE', c.deviceGrant ? 'device (sandbox-only)' : ''].filter(Boolean).join(' + ')]));
  const name = (id: string) => f.users.find((u) => u.id === id)?.name ?? f.clients.find((c) => c.id === id)?.name ?? id;
  const scenarios = [['CAUSE', 'SIGN-IN', 'EXPECT']].concat(f.scenarios.map((s) => [s.id,
    `${s.login.grant} ${s.login.grant === 'client_credentials' ? name(s.login.clientId) : `${name(s.login.userId)} via ${name(s.login.clientId)}`}`,
    `${s.expect.status}${s.expect.code ? ` ${s.expect.code}` : ''}${s.assumption ? ' (ASSUMPTION)' : ''}`]));
  return `Sandbox org '${f.org.name}' (${f.org.id}) — scope enforcement ${f.org.scopeEnforcement ? 'ON' : 'off'}
  Base URL (login + API): ${url}
  Metadata: ${url}/.well-known/oauth-authorization-server   Swagger: ${url}/api/v2/docs/swagger

Users:\n${table(users)}\nOAuth clients:\n${table(clients)}\nScenarios (POST /api/v2/conversations/calls…):\n${table(scenarios)}`;
}

/** Runs until `stop` resolves; exported for tests. */
export async function runSandbox(args: readonly string[], io: CliIo, stop: Promise<unknown>): Promise<number> {
  const parsed = parseSandboxArgs(args);
  if ('error' in parsed) { io.stderr(`call-doctor sandbox: ${parsed.error}\n\n${HELP}`); return 2; }
  if (parsed.help) { io.stdout(HELP); return 0; }
  let sandbox;
  try {
    sandbox = await startSandbox({ ...parsed, log: { debug() {}, info() {}, warn: (m) => io.stderr(`${m}\n`), error: (m) => io.stderr(`${m}\n`) } });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const hint = (err as { code?: string }).code === 'EADDRINUSE' ? ` — port ${parsed.port} is taken; pick another with --port N (0 = any free port).` : '';
    io.stderr(`call-doctor sandbox: ${message}${hint}\n`);
    return 2;
  }
  io.stdout(describeFixture(sandbox.fixture, sandbox.url));
  io.stdout('\nPress Ctrl+C to stop.\n');
  await stop;
  await sandbox.close();
  io.stdout('Sandbox stopped.\n');
  return 0;
}

export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  usage: USAGE,
  summary: 'Run the local sandbox Genesys Cloud org (login + API)',
  run(args, io) {
    const stop = new Promise<void>((resolve) => {
      const done = () => { process.off('SIGINT', done); process.off('SIGTERM', done); resolve(); };
      process.once('SIGINT', done); process.once('SIGTERM', done);
    });
    return runSandbox(args, io, stop);
  },
};
