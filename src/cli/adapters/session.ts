// How CLI commands find the environment and the stored session:
// --env, else GENESYS_CLOUD_ENVIRONMENT, else the only stored session (for
// commands that need one); never a silent default region.
import { describeEnvironment, ENVIRONMENT_SYNTAX, parseEnvironment, type Environment } from '../../core/env';
import { loadValidSession } from '../../core/auth';
import { SessionStore, type Session } from '../../core/auth';
import type { Clock, HttpPort, LogPort, SecretsPort } from '../../core';

export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string };

/** The environment named by --env or GENESYS_CLOUD_ENVIRONMENT; undefined when neither is set. */
export function resolveCliEnvironment(flag: string | undefined, env: Record<string, string | undefined>): Resolved<Environment | undefined> {
  const value = flag ?? env.GENESYS_CLOUD_ENVIRONMENT;
  if (value === undefined || value.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: parseEnvironment(value) };
  } catch (err) {
    const from = flag !== undefined ? '--env' : 'GENESYS_CLOUD_ENVIRONMENT';
    return { ok: false, error: `${from}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export const NO_ENVIRONMENT = `No environment given. Pass --env (or set GENESYS_CLOUD_ENVIRONMENT) to ${ENVIRONMENT_SYNTAX}.`;

/**
 * The valid session for --env / GENESYS_CLOUD_ENVIRONMENT, or for the only
 * stored one. Expired sessions are refreshed when they can be.
 */
export async function loadCliSession(
  flag: string | undefined,
  io: { env: Record<string, string | undefined> },
  ports: { secrets: SecretsPort; http: HttpPort; clock: Clock; log: LogPort },
): Promise<Resolved<Session>> {
  const resolved = resolveCliEnvironment(flag, io.env);
  if (!resolved.ok) return resolved;
  const store = new SessionStore(ports.secrets);
  let name = resolved.value?.name;
  if (!name) {
    const names = await store.environments();
    if (names.length !== 1) {
      return { ok: false, error: names.length === 0 ? 'Not signed in. Run `call-doctor login --env <environment>` first.'
        : `Signed in to several environments (${names.join(', ')}); pick one with --env.` };
    }
    name = names[0];
  }
  const session = await loadValidSession(store, name, ports);
  if (!session) {
    const label = resolved.value ? describeEnvironment(resolved.value) : name;
    const stored = await store.get(name);
    return { ok: false, error: stored
      ? `The session for ${label} has expired and cannot be refreshed. Run \`call-doctor login --env ${name}\` again.`
      : `Not signed in to ${label}. Run \`call-doctor login --env ${name}\` first.` };
  }
  return { ok: true, value: session };
}

/** Every stored session that is still valid (refreshed where it can be), for the core's session rule. */
export async function loadCliSessions(ports: { secrets: SecretsPort; http: HttpPort; clock: Clock; log: LogPort }): Promise<Session[]> {
  const store = new SessionStore(ports.secrets);
  const sessions: Session[] = [];
  for (const name of await store.environments()) {
    const session = await loadValidSession(store, name, ports);
    if (session) sessions.push(session);
  }
  return sessions;
}
