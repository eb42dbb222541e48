// Public surface of sign-in for the CLI and the VS Code layer.
export { AuthError, type AuthErrorCode } from './errors';
export { SessionStore, redactSession, redactToken, isExpired, type Session, type GrantKind, type RedactedSession } from './session';
export { signIn, chooseFlow, FLOWS, FLOW_NAMES, isGrantKind } from './signIn';
export { refreshSession, loadValidSession, canRefresh } from './refresh';
export { discoverEndpoints, genesysEndpoints, type AuthEndpoints } from './metadata';
export { authorizedHttp, apiGet } from './apiClient';
export { challengeS256, createVerifier, isValidVerifier } from './pkce';
export type { LoopbackPort, LoopbackServer, LoopbackRequest, LoopbackResponse } from './loopback';
export type { SignInFlow, SignInOptions, FlowContext, FlowCapabilities } from './flows/types';
export { clientCredentialsFlow } from './flows/clientCredentials';
export { GENESYS_NO_DEVICE_FLOW } from './flows/common';
export { deviceFlow } from './flows/device';
export { pkceFlow } from './flows/pkce';
