// Device authorization grant (RFC 8628), for login servers that advertise it
// (the sandbox, oidc-provider, ...). Genesys Cloud has none (docs/facts.md#no-device-grant).
import { AuthError, asAuthError } from '../errors';
import { postForm, requestToken, oauthFailure } from '../oauth';
import { isEnvironmentHost } from '../../env/environment';
import { endpointsFor, sessionFromTokens, GENESYS_NO_DEVICE_FLOW } from './common';
import type { FlowContext, SignInFlow, SignInOptions } from './types';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const DEFAULT_INTERVAL_S = 5;  // RFC 8628 §3.2: "If no value is provided, clients MUST use 5"
const SLOW_DOWN_STEP_S = 5;    // RFC 8628 §3.5: slow_down adds 5 seconds, for this and all later requests

interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  expiresIn: number;
  interval: number;
}

export const deviceFlow: SignInFlow = {
  kind: 'device',
  label: 'Device code (RFC 8628)',
  capabilities: {
    needsClientId: true, needsClientSecret: false, usesBrowser: true, needsLoopback: false,
    worksRemote: true, userContext: true, onGenesys: false,
  },

  async unavailableReason(ctx, opts) {
    if (!ctx.env.custom) return GENESYS_NO_DEVICE_FLOW;
    if (!opts.clientId) return 'The device flow needs a client id (--client-id).';
    if (opts.deviceEndpoint) return undefined;
    const ep = await endpointsFor(ctx);
    if (ep.deviceAuthorizationEndpoint) return undefined;
    return ep.source === 'metadata'
      ? `The login server's metadata (${ep.metadataUrl}) advertises no device_authorization_endpoint.`
      : `The login server ${ctx.env.loginBaseUrl} publishes no OAuth metadata, so no device endpoint is known.`;
  },

  async signIn(ctx, opts) {
    const reason = await this.unavailableReason(ctx, opts);
    if (reason) throw new AuthError(ctx.env.custom && !opts.clientId ? 'config' : 'unsupported', reason);
    const clientId = opts.clientId as string;
    const ep = await endpointsFor(ctx);
    const deviceUrl = opts.deviceEndpoint ?? (ep.deviceAuthorizationEndpoint as string);
    if (!isEnvironmentHost(ctx.env, deviceUrl)) {
      throw new AuthError('config', `The device endpoint ${deviceUrl} is not on ${ctx.env.loginBaseUrl}.`);
    }
    const auth = await requestDeviceCode(ctx, deviceUrl, clientId, opts);
    await ctx.prompt.show(
      `To sign in, open ${auth.verificationUri} and enter the code ${auth.userCode}.`,
      { url: auth.verificationUriComplete ?? auth.verificationUri, code: auth.userCode });
    if (opts.openBrowser) await ctx.prompt.openExternal(auth.verificationUriComplete ?? auth.verificationUri);
    const tokens = await poll(ctx, ep.tokenEndpoint, clientId, auth);
    return sessionFromTokens(ctx, tokens, 'device', clientId);
  },
};

async function requestDeviceCode(ctx: FlowContext, url: string, clientId: string, opts: SignInOptions): Promise<DeviceAuthorization> {
  const { status, json, text } = await postForm({
    http: ctx.http, url, signal: ctx.signal,
    params: { client_id: clientId, scope: opts.scopes?.length ? opts.scopes.join(' ') : undefined },
  });
  if (json && typeof json.error === 'string') {
    const description = typeof json.error_description === 'string' ? json.error_description : undefined;
    throw oauthFailure({ error: json.error, description, status }, 'The device authorization request');
  }
  const s = (k: string) => (json && typeof json[k] === 'string' && json[k] ? (json[k] as string) : undefined);
  const n = (k: string) => (json && typeof json[k] === 'number' ? (json[k] as number) : undefined);
  const deviceCode = s('device_code');
  const userCode = s('user_code');
  const verificationUri = s('verification_uri') ?? s('verification_url'); // some servers use the draft name
  const expiresIn = n('expires_in');
  if (status !== 200 || !deviceCode || !userCode || !verificationUri || !expiresIn) {
    throw new AuthError('http',
      `The device endpoint ${url} answered HTTP ${status} without device_code, user_code, verification_uri and expires_in` +
      `${text ? `: ${text.replace(/\s+/g, ' ').slice(0, 160)}` : ''}.`);
  }
  const complete = s('verification_uri_complete');
  for (const u of [verificationUri, complete]) {
    // These are shown to the user and may be opened in a browser: web addresses only.
    if (u !== undefined && !/^https?:\/\//i.test(u)) throw new AuthError('http', `The device endpoint returned a verification address that is not a web URL: ${u.slice(0, 80)}`);
  }
  return {
    deviceCode, userCode, verificationUri, verificationUriComplete: complete,
    expiresIn, interval: Math.max(1, n('interval') ?? DEFAULT_INTERVAL_S),
  };
}

async function poll(ctx: FlowContext, tokenUrl: string, clientId: string, auth: DeviceAuthorization) {
  const deadline = ctx.clock.now() + auth.expiresIn * 1000;
  let interval = auth.interval;
  for (;;) {
    try {
      await ctx.clock.sleep(interval * 1000, ctx.signal);
    } catch (err) {
      throw asAuthError(err, ctx.signal);
    }
    if (ctx.signal?.aborted) throw asAuthError(undefined, ctx.signal);
    if (ctx.clock.now() >= deadline) throw expired(auth.expiresIn);
    const r = await requestToken({
      http: ctx.http, url: tokenUrl, signal: ctx.signal,
      params: { grant_type: DEVICE_CODE_GRANT, device_code: auth.deviceCode, client_id: clientId },
    });
    if (r.ok) return r.tokens;
    switch (r.error.error) {
      case 'authorization_pending':
        ctx.log.debug('device flow: authorization pending');
        continue;
      case 'slow_down':
        interval += SLOW_DOWN_STEP_S;
        ctx.log.debug(`device flow: slow_down, polling every ${interval} s`);
        continue;
      case 'access_denied':
        throw new AuthError('access_denied', 'Sign-in was denied on the verification page.', 'access_denied');
      case 'expired_token':
        throw expired(auth.expiresIn);
      default:
        throw oauthFailure(r.error, 'Polling the token endpoint');
    }
  }
}

function expired(seconds: number): AuthError {
  return new AuthError('expired_token',
    `The device code expired (it was valid for ${seconds} s) before sign-in was approved. Run the sign-in again.`,
    'expired_token');
}
