// Asks for what a sign-in needs once the environment is known: the flow, the
// client id, a secret or a token. Secrets are typed into password boxes and
// never shown, logged or stored in settings.
import * as vscode from 'vscode';
import { AuthError, discoverEndpoints, FLOWS, isGrantKind, type GrantKind } from '../../core/auth';
import { GENESYS_NO_DEVICE_FLOW } from '../../core/auth';
import { describeEnvironment, type Environment } from '../../core/env';
import { fetchHttp } from '../ports';

/** What a sign-in needs, as the prompts collect it. */
export interface SignInRequest {
  environment: string;
  flow?: GrantKind;
  clientId?: string;
  /** Pre-fills the client id box (e.g. the sandbox's device client). */
  clientIdHint?: string;
  clientSecret?: string;
  accessToken?: string;
}

/** The order flows are offered in when no preference is set. */
const ORDER: GrantKind[] = ['pkce', 'device', 'client-credentials', 'token'];

export interface FlowChoice extends vscode.QuickPickItem { flow: GrantKind; unavailable?: string }

/** Why the device flow cannot be offered here (undefined = the login server advertises it, RFC 8414). */
export async function deviceFlowUnavailable(env: Environment, signal?: AbortSignal): Promise<string | undefined> {
  if (!env.custom) return GENESYS_NO_DEVICE_FLOW;
  try {
    const ep = await discoverEndpoints(env, fetchHttp, { signal });
    if (ep.deviceAuthorizationEndpoint) return undefined;
    return ep.source === 'metadata'
      ? `The login server's metadata (${ep.metadataUrl}) advertises no device_authorization_endpoint.`
      : `${env.loginBaseUrl} publishes no OAuth metadata (RFC 8414), so no device endpoint is known.`;
  } catch (err) {
    return `Could not read the login server's metadata: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Quick-pick items for the flows, the preferred one first; the device flow only enabled where advertised. */
export function flowChoices(env: Environment, deviceUnavailable: string | undefined, preferred?: GrantKind): FlowChoice[] {
  const order = preferred ? [preferred, ...ORDER.filter((k) => k !== preferred)] : ORDER;
  return order.map((kind) => {
    const f = FLOWS[kind];
    const needs = [f.capabilities.needsClientId && 'client id', f.capabilities.needsClientSecret && 'client secret', kind === 'token' && 'access token']
      .filter(Boolean).join(' + ');
    const who = f.capabilities.userContext ? 'acts as a user' : 'no user: user-only APIs such as POST /api/v2/conversations/calls refuse it';
    const where = f.capabilities.onGenesys ? '' : ' · not offered by Genesys Cloud';
    const unavailable = kind === 'device' ? deviceUnavailable : undefined;
    return {
      flow: kind,
      label: `${unavailable ? '$(circle-slash) ' : ''}${f.label}`,
      description: [kind === preferred ? 'preferred (genesysCloud.signInFlow)' : '', unavailable ? 'not available here' : ''].filter(Boolean).join(' · ') || undefined,
      detail: unavailable ?? `${needs ? `Needs ${needs}; ` : ''}${who}${where}`,
      unavailable,
    };
  });
}

/** The `genesysCloud.signInFlow` setting as a flow, when it names one. */
export function preferredFlow(config: vscode.WorkspaceConfiguration): GrantKind | undefined {
  const value = config.get<string>('signInFlow');
  return value && isGrantKind(value) ? value : undefined;
}

/**
 * Completes `preset` (environment already chosen) by asking for what is
 * missing. Returns undefined when the user cancels.
 */
export async function askSignIn(env: Environment, config: vscode.WorkspaceConfiguration, preset: Partial<SignInRequest> = {}): Promise<SignInRequest | undefined> {
  const request: SignInRequest = { ...preset, environment: env.name };
  if (!request.flow) {
    const unavailable = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Genesys Cloud: reading the login server metadata' },
      () => deviceFlowUnavailable(env));
    const items = flowChoices(env, unavailable, preferredFlow(config));
    for (;;) {
      const picked = await vscode.window.showQuickPick(items, {
        title: `Genesys Cloud: sign in to ${describeEnvironment(env)}`, placeHolder: 'How do you want to sign in?', ignoreFocusOut: true, matchOnDetail: true,
      });
      if (!picked) return undefined;
      if (!picked.unavailable) { request.flow = picked.flow; break; }
      void vscode.window.showWarningMessage(picked.unavailable);
    }
  }
  if (preset.flow === 'device') {
    // A preset flow was not offered through the pick: check it before VS Code's consent dialog, so the user learns at once
    // that the server has no device flow.
    const why = await deviceFlowUnavailable(env);
    if (why) throw new AuthError(env.custom ? 'config' : 'unsupported', why);
  }
  if (request.flow === 'token') {
    request.accessToken ??= await vscode.window.showInputBox({
      title: 'Genesys Cloud: access token', prompt: 'Paste the access token (without "Bearer"). It is kept in VS Code\'s secret storage only.',
      password: true, ignoreFocusOut: true, validateInput: (v) => (/\s/.test(v.trim()) ? 'A token has no spaces (leave out "Bearer").' : undefined),
    });
    return request.accessToken ? request : undefined;
  }
  request.clientId ??= await vscode.window.showInputBox({
    title: 'Genesys Cloud: OAuth client id', value: request.clientIdHint ?? config.get<string>('clientId') ?? '', ignoreFocusOut: true,
    prompt: request.flow === 'pkce'
      ? 'An OAuth client of grant type "Code Authorization" with redirect URI http://localhost (setting: genesysCloud.clientId)'
      : request.flow === 'device' ? 'An OAuth client allowed to use the device grant' : 'The OAuth client id (grant type "Client Credentials")',
    validateInput: (v) => (v.trim() ? undefined : 'A client id is needed.'),
  });
  if (!request.clientId) return undefined;
  request.clientId = request.clientId.trim();
  if (request.flow === 'client-credentials') {
    request.clientSecret ??= await vscode.window.showInputBox({
      title: 'Genesys Cloud: OAuth client secret', prompt: 'Used once to get a token; never stored.', password: true, ignoreFocusOut: true,
    });
    if (!request.clientSecret) return undefined;
  }
  return request;
}
