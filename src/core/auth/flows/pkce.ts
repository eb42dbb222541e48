// Authorization Code + PKCE with a loopback redirect: what the official gc CLI
// does (docs/facts.md#pkce-loopback). Genesys accepts any port at run time for a redirect
// URI registered as http://localhost. The token request carries no secret.
import { AuthError, asAuthError } from '../errors';
import { requestTokenOrThrow } from '../oauth';
import { challengeS256, createState, createVerifier } from '../pkce';
import { resultPage, type LoopbackRequest, type LoopbackResponse, type LoopbackServer } from '../loopback';
import { endpointsFor, sessionFromTokens } from './common';
import type { FlowContext, SignInFlow, SignInOptions } from './types';
import type { Session } from '../session';

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

interface Callback { code?: string; error?: AuthError; reply: (page: LoopbackResponse) => void }

export const pkceFlow: SignInFlow = {
  kind: 'pkce',
  label: 'Browser sign-in (Authorization Code + PKCE, loopback redirect)',
  capabilities: {
    needsClientId: true, needsClientSecret: false, usesBrowser: true, needsLoopback: true,
    worksRemote: false, userContext: true, onGenesys: true,
  },

  async unavailableReason(ctx, opts) {
    if (!opts.clientId) {
      return "Browser sign-in needs the client id of an OAuth client of grant type 'Code Authorization' " +
        'whose redirect URI is http://localhost (--client-id).';
    }
    if (!ctx.loopback) return 'Browser sign-in needs a local port for the redirect, which this host cannot open.';
    const ep = await endpointsFor(ctx);
    if (!ep.authorizationEndpoint) return `The login server ${ctx.env.loginBaseUrl} advertises no authorization_endpoint.`;
    return undefined;
  },

  async signIn(ctx, opts) {
    const reason = await this.unavailableReason(ctx, opts);
    if (reason) throw new AuthError('config', reason);
    const server = { current: undefined as LoopbackServer | undefined };
    try {
      return await run(ctx, opts, server);
    } catch (err) {
      throw asAuthError(err, ctx.signal);
    } finally {
      await server.current?.close(); // every outcome: success, error, timeout, cancellation
    }
  },
};

async function run(ctx: FlowContext, opts: SignInOptions, server: { current?: LoopbackServer }): Promise<Session> {
  const clientId = opts.clientId as string;
  const ep = await endpointsFor(ctx);
  const verifier = createVerifier();
  const challenge = await challengeS256(verifier);
  const state = createState();

  let deliver!: (cb: Callback) => void;
  const callback = new Promise<Callback>((resolve) => { deliver = resolve; });
  let delivered = false;
  const handler = (req: LoopbackRequest): Promise<LoopbackResponse> => {
    if (req.path !== '/' || (!req.query.has('code') && !req.query.has('error'))) {
      return Promise.resolve({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' });
    }
    if (delivered) return Promise.resolve(resultPage(false, 'Already handled', 'This sign-in has already been completed or failed. You can close this tab.'));
    return new Promise<LoopbackResponse>((reply) => {
      if (req.query.get('state') !== state) {
        reply(resultPage(false, 'Sign-in failed', 'The response did not carry the expected state, so it was ignored. Start the sign-in again.'));
        return; // not delivered: a forged or stale redirect must not end the real attempt
      }
      delivered = true;
      const error = req.query.get('error');
      if (error) {
        const desc = req.query.get('error_description');
        const code = error === 'access_denied' ? 'access_denied' : 'oauth';
        deliver({ error: new AuthError(code, `The login server refused the sign-in (${error}${desc ? `: ${desc}` : ''}).`, error), reply });
      } else {
        deliver({ code: req.query.get('code') ?? '', reply });
      }
    });
  };

  server.current = await ctx.loopback!.listen(opts.port ?? 0, handler);
  const local = `http://localhost:${server.current.port}`;
  const transformed = opts.transformRedirectUri ? await opts.transformRedirectUri(local) : local;
  // URI libraries (vscode.Uri) add a "/" path; keep the exact form registered as http://localhost.
  const redirectUri = transformed === `${local}/` ? local : transformed;

  const authorize = new URL(ep.authorizationEndpoint as string);
  const params: Record<string, string> = {
    ...opts.authorizeParams,
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri,
    code_challenge: challenge, code_challenge_method: 'S256', state,
  };
  if (opts.scopes?.length) params.scope = opts.scopes.join(' ');
  for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v);
  const url = authorize.toString();

  const opened = await ctx.prompt.openExternal(url);
  await ctx.prompt.show(
    opened ? 'Continue the sign-in in your browser.' : 'Open this address in a browser to sign in.',
    { url });

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = new AbortController();
  const onAbort = () => timer.abort();
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  if (ctx.signal?.aborted) timer.abort();
  let cb: Callback;
  try {
    cb = await Promise.race([
      callback,
      ctx.clock.sleep(timeoutMs, timer.signal).then(
        () => { throw new AuthError('timeout', `No sign-in completed within ${Math.round(timeoutMs / 1000)} s. Run the sign-in again.`); },
        () => { throw asAuthError(undefined, ctx.signal); }),
    ]);
  } finally {
    timer.abort(); // stops the timeout sleep
    ctx.signal?.removeEventListener('abort', onAbort);
  }

  if (cb.error) {
    cb.reply(resultPage(false, 'Sign-in failed', cb.error.message));
    throw cb.error;
  }
  try {
    const tokens = await requestTokenOrThrow({
      http: ctx.http, url: ep.tokenEndpoint, signal: ctx.signal,
      params: { grant_type: 'authorization_code', client_id: clientId, code: cb.code, redirect_uri: redirectUri, code_verifier: verifier },
    }, 'Exchanging the authorization code');
    cb.reply(resultPage(true, 'Signed in', 'Genesys Cloud Call Doctor is signed in. You can close this tab.'));
    return sessionFromTokens(ctx, tokens, 'pkce', clientId);
  } catch (err) {
    const e = asAuthError(err, ctx.signal);
    cb.reply(resultPage(false, 'Sign-in failed', e.message));
    throw e;
  }
}
