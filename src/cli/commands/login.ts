// `call-doctor login`: signs in to a Genesys Cloud region or a Genesys-shaped
// server and keeps the session in the 0600 secrets file. Exit 0 signed in,
// 1 sign-in failed or was refused, 2 usage error.
import { describeEnvironment } from '../../core/env';
import { AuthError } from '../../core/auth';
import { SessionStore } from '../../core/auth';
import { signIn, isGrantKind, FLOW_NAMES } from '../../core/auth';
import type { SignInOptions } from '../../core/auth';
import { describeAccount } from '../../core/token';
import { commandFlags } from '../adapters/args';
import { nodeCliPorts, type CliPortsFactory } from '../adapters';
import { NO_ENVIRONMENT, resolveCliEnvironment } from '../adapters/session';
import type { CliCommand, CliIo } from './types';

const USAGE = 'login [--flow device|pkce|client-credentials|token] [--env ENV] [--client-id ID] [--client-secret-stdin]';
const HELP = `Usage: call-doctor ${USAGE}

Signs in and stores the session (per environment) in a 0600 file in the
config directory ($CALL_DOCTOR_CONFIG_DIR, $XDG_CONFIG_HOME/genesys-call-doctor
or ~/.config/genesys-call-doctor).

Environment (--env or GENESYS_CLOUD_ENVIRONMENT):
  a region key (eu_west_1), a region host (mypurecloud.ie), one base URL for
  login and API (http://127.0.0.1:8787; plain http only on loopback), or
  login=<url>,api=<url>.

Flows (--flow):
  pkce                browser sign-in, Authorization Code + PKCE on a loopback port.
                      Needs an OAuth client of grant type 'Code Authorization'
                      with redirect URI http://localhost (any port is used at run time).
  client-credentials  client id + secret (GENESYS_CLOUD_CLIENT_SECRET or
                      --client-secret-stdin). No user context: cannot place calls.
  token               an existing access token (GENESYS_CLOUD_ACCESS_TOKEN or --token-stdin).
  device              RFC 8628 device code, only on servers that advertise it.
                      Genesys Cloud itself has no device flow.
Without --flow: token if one is given, client credentials if a secret is given,
device if the login server advertises it, otherwise pkce with --client-id.

Options:
  --client-id ID          OAuth client id (or GENESYS_CLOUD_CLIENT_ID)
  --client-secret-stdin   read the client secret from standard input
  --token-stdin           read the access token from standard input
  --scope "a b"           scopes to request (optional)
  --port N                loopback port for pkce (default: any free port)
  --timeout SECONDS       how long to wait for the browser or device approval (pkce; default 300)
  --device-endpoint URL   device authorization endpoint when not in the server's metadata
  --no-browser            never open a browser; print the address instead
  --open                  device flow: also open the verification page in the browser
  --format text|json      output (json prints the session without its tokens)
  --verbose               debug output on stderr
`;

export async function runLogin(args: readonly string[], io: CliIo, makePorts: CliPortsFactory = nodeCliPorts): Promise<number> {
  const parsed = commandFlags('login', HELP, args, {
    values: ['flow', 'env', 'client-id', 'scope', 'port', 'timeout', 'device-endpoint', 'format'],
    booleans: ['help', 'client-secret-stdin', 'token-stdin', 'no-browser', 'open', 'verbose'],
  }, io);
  if (typeof parsed === 'number') return parsed;
  const { values: v, booleans: b, usage } = parsed;
  if (parsed.rest.length) return usage(`unexpected argument '${parsed.rest[0]}'.`);
  const flow = v.flow;
  if (flow !== undefined && !isGrantKind(flow)) return usage(`unknown flow '${flow}'; use one of ${FLOW_NAMES.join(', ')}.`);
  const requested = flow !== undefined && isGrantKind(flow) ? flow : undefined;
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`unknown format '${format}'; use text or json.`);
  const port = v.port === undefined ? undefined : Number(v.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) return usage('--port must be 0-65535.');
  const timeout = v.timeout === undefined ? undefined : Number(v.timeout);
  if (timeout !== undefined && !(timeout > 0)) return usage('--timeout must be a positive number of seconds.');
  if (b.has('client-secret-stdin') && b.has('token-stdin')) return usage('--client-secret-stdin and --token-stdin cannot be combined.');

  const envResolved = resolveCliEnvironment(v.env, io.env);
  if (!envResolved.ok) return usage(envResolved.error);
  if (!envResolved.value) return usage(NO_ENVIRONMENT);
  const env = envResolved.value;

  const stdin = b.has('client-secret-stdin') || b.has('token-stdin') ? (await io.readStdin()).trim() : undefined;
  if (stdin === '') return usage(`nothing was read from standard input for ${b.has('token-stdin') ? '--token-stdin' : '--client-secret-stdin'}.`);
  const clientIdFlag = v['client-id'];
  const opts: SignInOptions = {
    clientId: clientIdFlag ?? io.env.GENESYS_CLOUD_CLIENT_ID,
    clientSecret: b.has('client-secret-stdin') ? stdin : io.env.GENESYS_CLOUD_CLIENT_SECRET || undefined,
    // An explicit --client-id means "sign in with that client", not with a token left in the environment.
    accessToken: b.has('token-stdin') ? stdin
      : flow === 'token' || (flow === undefined && clientIdFlag === undefined) ? io.env.GENESYS_CLOUD_ACCESS_TOKEN || undefined : undefined,
    scopes: v.scope ? v.scope.split(/[\s,]+/).filter(Boolean) : undefined,
    port,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    deviceEndpoint: v['device-endpoint'],
    openBrowser: b.has('open'),
  };
  if (flow === undefined && opts.accessToken === undefined && opts.clientSecret && !opts.clientId) {
    return usage('a client secret was given without a client id (--client-id or GENESYS_CLOUD_CLIENT_ID).');
  }

  const ports = makePorts(io, { verbose: b.has('verbose'), allowBrowser: !b.has('no-browser') });
  const controller = new AbortController();
  const onSigint = () => controller.abort(new AuthError('cancelled', 'Sign-in was cancelled (Ctrl-C).'));
  process.once('SIGINT', onSigint);
  try {
    const session = await signIn({ env, ...ports, signal: controller.signal }, opts, requested);
    session.account = await describeAccount(session, ports.http, controller.signal);
    await new SessionStore(ports.secrets).save(session);
    const who = session.account?.name ? ` as ${session.account.name}` : '';
    if (format === 'json') {
      io.stdout(JSON.stringify({
        environment: env.name, grant: session.grant, clientId: session.clientId, account: session.account ?? null,
        expiresAt: session.expiresAt === undefined ? null : new Date(session.expiresAt).toISOString(),
        refreshable: !!session.refreshToken, scopes: session.scopes ?? null,
      }, null, 2) + '\n');
    } else {
      const exp = session.expiresAt === undefined ? '' : `; token expires ${new Date(session.expiresAt).toISOString()}`;
      io.stdout(`Signed in to ${describeEnvironment(env)}${who} (${session.grant}${exp}).\n`);
      if (session.grant === 'client-credentials') {
        io.stdout('Note: a client-credentials token has no user; POST /api/v2/conversations/calls needs a user token (pkce).\n');
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof AuthError) {
      io.stderr(`call-doctor login: ${err.message}\n`);
      return err.code === 'config' ? 2 : 1;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

export const loginCommand: CliCommand = {
  name: 'login',
  usage: USAGE,
  summary: 'Sign in to a Genesys Cloud environment (or the sandbox)',
  run: (args, io) => runLogin(args, io),
};
