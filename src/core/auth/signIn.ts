// Picks a sign-in flow and runs it. The CLI and the VS Code provider both come here.
import { AuthError } from './errors';
import { accessTokenFlow } from './flows/accessToken';
import { clientCredentialsFlow } from './flows/clientCredentials';
import { endpointsFor } from './flows/common';
import { deviceFlow } from './flows/device';
import { pkceFlow } from './flows/pkce';
import type { FlowContext, SignInFlow, SignInOptions } from './flows/types';
import type { GrantKind, Session } from './session';

export const FLOWS: Record<GrantKind, SignInFlow> = {
  device: deviceFlow,
  pkce: pkceFlow,
  'client-credentials': clientCredentialsFlow,
  token: accessTokenFlow,
};

export const FLOW_NAMES = Object.keys(FLOWS) as GrantKind[];

export function isGrantKind(value: string): value is GrantKind {
  return (FLOW_NAMES as string[]).includes(value);
}

/**
 * The flow to use. With `requested`, that flow (or an error saying why it
 * cannot run). Without: an access token if one was given, client credentials
 * if a secret was given, the device flow if the login server advertises it,
 * PKCE if a client id was given; otherwise an error explaining the choices.
 */
export async function chooseFlow(ctx: FlowContext, opts: SignInOptions, requested?: GrantKind): Promise<SignInFlow> {
  if (requested) {
    const flow = FLOWS[requested];
    const reason = await flow.unavailableReason(ctx, opts);
    if (reason) throw new AuthError(requested === 'device' && !ctx.env.custom ? 'unsupported' : 'config', reason);
    return flow;
  }
  if (opts.accessToken) return accessTokenFlow;
  if (opts.clientId && opts.clientSecret) return clientCredentialsFlow;
  if (ctx.env.custom && opts.clientId) {
    const ep = await endpointsFor(ctx);
    if (ep.deviceAuthorizationEndpoint) return deviceFlow;
  }
  if (opts.clientId) return pkceFlow;
  throw new AuthError('config',
    'No way to sign in was given. Use one of: --client-id <id> for browser sign-in (PKCE; the OAuth client needs ' +
    "grant type 'Code Authorization' and redirect URI http://localhost), --client-id with GENESYS_CLOUD_CLIENT_SECRET " +
    'or --client-secret-stdin for client credentials, or GENESYS_CLOUD_ACCESS_TOKEN for an existing token.');
}

export async function signIn(ctx: FlowContext, opts: SignInOptions, requested?: GrantKind): Promise<Session> {
  const flow = await chooseFlow(ctx, opts, requested);
  ctx.log.debug(`sign-in: ${flow.label} at ${ctx.env.name}`);
  return flow.signIn(ctx, opts);
}
