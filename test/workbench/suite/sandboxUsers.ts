// Fixture users of the sandbox org (data/sandbox/default-org.json) and a
// programmatic sign-in through the provider (ExtensionMode.Test access), so
// these tests do not depend on the Sign In command's prompts.
import * as vscode from 'vscode';
import type { CallDoctorApi } from '../../../src/extension';
import { pkceLogin } from '../../../src/sandbox/testing/flows';
import { activateExtension } from './helpers';

export const PKCE_CLIENT = '6209954a-6272-5918-84ed-d5909e4ea74b';
export const USERS = {
  alice: 'd6d474da-07f5-541a-9657-07949181315a', // Outbound Agent, station, edge: healthy
  bob: 'c7898be9-650f-533c-a8f0-0c65132fd83e', // no station
  erin: '2b70d5df-81cc-59d5-b548-978bff850ba8', // no conversation permissions
  frank: '64da65c8-129e-5517-872c-f57749e918f9', // conversation:conference:add only in division Sales EMEA
} as const;

export async function api(): Promise<CallDoctorApi> {
  return (await activateExtension()) as CallDoctorApi;
}

/** Signs `user` in to the sandbox with a PKCE access token (flow "token"); replaces that environment's session. */
export async function signInAs(sandboxUrl: string, user: keyof typeof USERS): Promise<vscode.AuthenticationSession> {
  const auth = (await api()).testing?.auth;
  if (!auth) throw new Error('the extension exposes no test access (not running in ExtensionMode.Test?)');
  const token = (await pkceLogin(sandboxUrl, PKCE_CLIENT, USERS[user])).access_token;
  return auth.signInWith({ environment: sandboxUrl, flow: 'token', accessToken: token });
}

export async function signOut(sandboxUrl: string): Promise<void> {
  await vscode.commands.executeCommand('genesysCloud.signOut', sandboxUrl);
}
