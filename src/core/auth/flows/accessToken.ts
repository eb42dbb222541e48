// "Use this access token" (like the gc CLI's raw-token profile and the SDK's
// setAccessToken). The token is checked with GET /api/v2/tokens/me, the way the
// SDK validates tokens (docs/facts.md#opaque-tokens); nothing is decoded here.
import { AuthError, asAuthError } from '../errors';
import { newSessionId } from '../session';
import type { SignInFlow } from './types';

export const accessTokenFlow: SignInFlow = {
  kind: 'token',
  label: 'Existing access token',
  capabilities: {
    needsClientId: false, needsClientSecret: false, usesBrowser: false, needsLoopback: false,
    worksRemote: true, userContext: true, onGenesys: true,
  },

  async unavailableReason(_ctx, opts) {
    return opts.accessToken?.trim() ? undefined : 'No access token given (GENESYS_CLOUD_ACCESS_TOKEN or stdin).';
  },

  async signIn(ctx, opts) {
    const token = opts.accessToken?.trim();
    if (!token) throw new AuthError('config', 'No access token given (GENESYS_CLOUD_ACCESS_TOKEN or stdin).');
    if (/\s/.test(token)) throw new AuthError('config', 'The access token contains whitespace; paste only the token, without "Bearer".');
    const url = `${ctx.env.apiBaseUrl}/api/v2/tokens/me`;
    let res;
    try {
      res = await ctx.http.send({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: ctx.signal });
    } catch (err) {
      throw asAuthError(err, ctx.signal);
    }
    if (res.status === 401) {
      throw new AuthError('access_denied', `The environment ${ctx.env.name} rejected the access token (HTTP 401): it is expired, revoked or from another region.`);
    }
    if (res.status !== 200) ctx.log.warn(`Could not verify the token: GET /api/v2/tokens/me answered HTTP ${res.status}.`);
    return { id: newSessionId(), environment: ctx.env, accessToken: token, grant: 'token', clientId: opts.clientId, createdAt: ctx.clock.now() };
  },
};
