// `call-doctor logout`: revokes the token where the server allows it
// (DELETE /api/v2/tokens/me, docs/facts.md#token-info) and forgets the stored session.
import { describeEnvironment, parseEnvironment } from '../../core/env';
import { authorizedHttp } from '../../core/auth';
import { SessionStore } from '../../core/auth';
import { commandFlags } from '../adapters/args';
import { nodeCliPorts, type CliPortsFactory } from '../adapters';
import { resolveCliEnvironment } from '../adapters/session';
import type { CliCommand, CliIo } from './types';

const USAGE = 'logout [--env ENV | --all] [--keep-token]';
const HELP = `Usage: call-doctor ${USAGE}

Revokes the stored token (DELETE /api/v2/tokens/me) and removes the session.
Without --env (or GENESYS_CLOUD_ENVIRONMENT), the only stored session is used.

Options:
  --env ENV      environment to sign out of
  --all          sign out of every stored environment
  --keep-token   only forget the session; do not revoke the token on the server
`;

export async function runLogout(args: readonly string[], io: CliIo, makePorts: CliPortsFactory = nodeCliPorts): Promise<number> {
  const parsed = commandFlags('logout', HELP, args, { values: ['env'], booleans: ['help', 'all', 'keep-token', 'verbose'] }, io);
  if (typeof parsed === 'number') return parsed;
  const { usage } = parsed;
  if (parsed.rest.length) return usage(`unexpected argument '${parsed.rest[0]}'.`);
  const all = parsed.booleans.has('all');
  if (all && parsed.values.env) return usage('--all and --env cannot be combined.');

  const resolved = all ? { ok: true as const, value: undefined } : resolveCliEnvironment(parsed.values.env, io.env);
  if (!resolved.ok) return usage(resolved.error);
  const ports = makePorts(io, { verbose: parsed.booleans.has('verbose') });
  const store = new SessionStore(ports.secrets);
  const stored = await store.environments();
  let names: string[];
  if (all) names = stored;
  else if (resolved.value) names = [resolved.value.name];
  else if (stored.length <= 1) names = stored;
  else return usage(`signed in to several environments (${stored.join(', ')}); pick one with --env or use --all.`);

  if (names.length === 0 || (names.length === 1 && !stored.includes(names[0]) && !(await store.get(names[0])))) {
    io.stdout(resolved.value ? `Not signed in to ${describeEnvironment(resolved.value)}.\n` : 'Not signed in.\n');
    return 0;
  }
  for (const name of names) {
    const session = await store.get(name);
    let revoked = '';
    if (session && !parsed.booleans.has('keep-token')) {
      try {
        const res = await authorizedHttp(session, ports.http).send({ method: 'DELETE', url: `${session.environment.apiBaseUrl}/api/v2/tokens/me` });
        revoked = res.status >= 200 && res.status < 300 ? '; token revoked'
          : res.status === 401 ? '; token was already invalid' : `; the server did not revoke the token (HTTP ${res.status})`;
      } catch (err) {
        revoked = `; could not reach the server to revoke the token (${err instanceof Error ? err.message : String(err)})`;
      }
    }
    await store.delete(name);
    io.stdout(`Signed out of ${describeEnvironment(session?.environment ?? parseEnvironment(name))}${revoked}.\n`);
  }
  return 0;
}

export const logoutCommand: CliCommand = {
  name: 'logout',
  usage: USAGE,
  summary: 'Revoke the token and forget the stored session',
  run: (args, io) => runLogout(args, io),
};
