// Client credentials (docs/facts.md#client-credentials-no-user): HTTP Basic clientId:secret, no user.
// Genesys gives such tokens the client's roles instead of scopes, and refuses
// user-only APIs such as GET /api/v2/users/me for them.
import { AuthError } from '../errors';
import { requestTokenOrThrow } from '../oauth';
import { endpointsFor, sessionFromTokens } from './common';
import type { SignInFlow } from './types';

export const clientCredentialsFlow: SignInFlow = {
  kind: 'client-credentials',
  label: 'Client credentials (no user context)',
  capabilities: {
    needsClientId: true, needsClientSecret: true, usesBrowser: false, needsLoopback: false,
    worksRemote: true, userContext: false, onGenesys: true,
  },

  async unavailableReason(_ctx, opts) {
    if (!opts.clientId || !opts.clientSecret) {
      return 'Client credentials need a client id and secret (--client-id and --client-secret-stdin, ' +
        'or GENESYS_CLOUD_CLIENT_ID and GENESYS_CLOUD_CLIENT_SECRET).';
    }
    return undefined;
  },

  async signIn(ctx, opts) {
    const reason = await this.unavailableReason(ctx, opts);
    if (reason) throw new AuthError('config', reason);
    const ep = await endpointsFor(ctx);
    const tokens = await requestTokenOrThrow({
      http: ctx.http, url: ep.tokenEndpoint, signal: ctx.signal,
      basic: { clientId: opts.clientId as string, clientSecret: opts.clientSecret as string },
      params: { grant_type: 'client_credentials', scope: opts.scopes?.length ? opts.scopes.join(' ') : undefined },
    }, 'The client credentials grant');
    return sessionFromTokens(ctx, tokens, 'client-credentials', opts.clientId);
  },
};
