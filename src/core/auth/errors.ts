// Sign-in failures with a stable code (for the CLI exit code and the VS Code
// message) and a message that says what to do next. Messages never contain tokens.

export type AuthErrorCode =
  | 'cancelled'          // the user or caller aborted (AbortSignal)
  | 'timeout'            // nobody completed the browser step in time
  | 'access_denied'      // the user refused, or the server refused the client
  | 'expired_token'      // the device code expired before approval
  | 'unsupported'        // the flow does not exist on this server (e.g. device flow on Genesys)
  | 'config'             // missing client id/secret/token, bad option
  | 'discovery'          // metadata could not be read or is unsafe
  | 'oauth'              // the token endpoint returned an OAuth error
  | 'state_mismatch'     // the browser redirect did not carry our state (possible CSRF)
  | 'no_refresh_token'   // refresh requested but the session has none
  | 'http';              // transport error or unexpected HTTP status

export class AuthError extends Error {
  override name = 'AuthError';
  constructor(readonly code: AuthErrorCode, message: string, readonly oauthError?: string) {
    super(message);
  }
}

/** Maps an abort (or a rejection caused by one) to AuthError('cancelled'); passes AuthErrors through. */
export function asAuthError(err: unknown, signal?: AbortSignal): AuthError {
  if (err instanceof AuthError) return err;
  if (signal?.aborted) {
    const reason = signal.reason;
    if (reason instanceof AuthError) return reason;
    return new AuthError('cancelled', 'Sign-in was cancelled.');
  }
  const msg = err instanceof Error ? err.message : String(err);
  return new AuthError('http', `Could not reach the login server: ${msg}`);
}
