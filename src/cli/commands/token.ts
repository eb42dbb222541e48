// `call-doctor token`: what the signed-in token is and may do (organisation,
// OAuth client, scopes, roles, permissions, divisions, expiry): its Grants, the
// same model the Call Doctor and the VS Code token view read (readGrants).
// The token itself is printed only with --show-token.
import { inspectToken } from '../../core/token';
import { formatTokenReport } from '../../core/token';
import { commandFlags } from '../adapters/args';
import { nodeCliPorts, type CliPortsFactory } from '../adapters';
import { loadCliSession } from '../adapters/session';
import type { CliCommand, CliIo } from './types';

const USAGE = 'token [--env ENV] [--format text|json] [--show-token]';
const HELP = `Usage: call-doctor ${USAGE}

Shows the signed-in token's organisation, OAuth client, scopes, user (and
division), roles, permissions (by domain), the divisions they are granted in,
station and expiry, read from GET /api/v2/tokens/me,
/api/v2/users/me?expand=authorization,station and
/api/v2/authorization/subjects/me (the same reading as the live checks).
With --format json the grants are under "grants".

Options:
  --env ENV        environment (default: GENESYS_CLOUD_ENVIRONMENT, or the only stored session)
  --format FORMAT  text (default) or json
  --show-token     also print the access token itself (careful: it is a password)

Exit codes: 0 token active (or could not be checked), 1 not signed in or token rejected, 2 usage error.
`;

export async function runToken(args: readonly string[], io: CliIo, makePorts: CliPortsFactory = nodeCliPorts): Promise<number> {
  const parsed = commandFlags('token', HELP, args, { values: ['env', 'format'], booleans: ['help', 'show-token', 'verbose'] }, io);
  if (typeof parsed === 'number') return parsed;
  const { usage } = parsed;
  if (parsed.rest.length) return usage(`unexpected argument '${parsed.rest[0]}'.`);
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`unknown format '${format}'; use text or json.`);

  const ports = makePorts(io, { verbose: parsed.booleans.has('verbose') });
  const loaded = await loadCliSession(parsed.values.env, io, ports);
  if (!loaded.ok) {
    const isUsage = loaded.error.startsWith('--env') || loaded.error.startsWith('GENESYS_CLOUD_ENVIRONMENT');
    io.stderr(`call-doctor token: ${loaded.error}\n`);
    return isUsage ? 2 : 1;
  }
  const session = loaded.value;
  const report = await inspectToken(session, { http: ports.http, clock: ports.clock, log: ports.log });
  const showToken = parsed.booleans.has('show-token');
  if (format === 'json') {
    const out: Record<string, unknown> = { ...report, expiry: { ...report.expiry, expiresAt: report.expiry.expiresAt === undefined ? undefined : new Date(report.expiry.expiresAt).toISOString() } };
    if (showToken) out.accessToken = session.accessToken;
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else {
    io.stdout(formatTokenReport(report, ports.clock.now()));
    if (showToken) io.stdout(`Access token   ${session.accessToken}\n`);
  }
  return report.active === false ? 1 : 0;
}

export const tokenCommand: CliCommand = {
  name: 'token',
  usage: USAGE,
  summary: "Show the signed-in token's org, client, scopes, roles and permissions",
  run: (args, io) => runToken(args, io),
};
