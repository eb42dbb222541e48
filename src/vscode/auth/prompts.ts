// Asks for what a sign-in needs: environment, flow, client id, secret or token.
// Secrets are typed into password boxes and never shown or stored in settings.
import * as vscode from 'vscode';
import { FLOWS, type GrantKind } from '../../core/auth';
import { tryParseEnvironment } from '../../core/env/environment';
import type { SignInRequest } from './provider';

/** Flows offered for an environment, in the core's order, with what each needs. */
export function flowChoices(customEnvironment: boolean): { flow: GrantKind; label: string; detail: string }[] {
  return (Object.keys(FLOWS) as GrantKind[])
    .filter((kind) => kind !== 'device' || customEnvironment)
    .map((kind) => {
      const f = FLOWS[kind];
      const needs = [f.capabilities.needsClientId && 'client id', f.capabilities.needsClientSecret && 'client secret', kind === 'token' && 'access token']
        .filter(Boolean).join(' + ');
      const user = f.capabilities.userContext ? 'acts as a user' : 'no user: user-only APIs such as POST /api/v2/conversations/calls refuse it';
      return { flow: kind, label: f.label, detail: `${needs ? `needs ${needs}; ` : ''}${user}` };
    });
}

export async function askSignIn(config: vscode.WorkspaceConfiguration): Promise<SignInRequest | undefined> {
  const environment = await vscode.window.showInputBox({
    title: 'Genesys Cloud: environment',
    prompt: 'Region key (eu_west_1), region host (mypurecloud.ie) or a loopback base URL (the sandbox)',
    value: config.get<string>('environment') ?? 'mypurecloud.com',
    ignoreFocusOut: true,
    validateInput: (v) => tryParseEnvironment(v).error,
  });
  if (!environment) return undefined;
  const env = tryParseEnvironment(environment).env!;
  const picked = await vscode.window.showQuickPick(flowChoices(env.custom), { title: 'Genesys Cloud: how to sign in', ignoreFocusOut: true });
  if (!picked) return undefined;
  const request: SignInRequest = { environment, flow: picked.flow };
  if (picked.flow === 'token') {
    request.accessToken = await vscode.window.showInputBox({ title: 'Access token', prompt: 'Paste the access token (without "Bearer")', password: true, ignoreFocusOut: true });
    return request.accessToken ? request : undefined;
  }
  request.clientId = await vscode.window.showInputBox({
    title: 'OAuth client id', value: config.get<string>('clientId') ?? '', ignoreFocusOut: true,
    prompt: picked.flow === 'pkce' ? 'An OAuth client with grant "Code Authorization" and redirect URI http://localhost' : 'The OAuth client id',
  });
  if (!request.clientId) return undefined;
  if (picked.flow === 'client-credentials') {
    request.clientSecret = await vscode.window.showInputBox({ title: 'OAuth client secret', password: true, ignoreFocusOut: true });
    if (!request.clientSecret) return undefined;
  }
  return request;
}
