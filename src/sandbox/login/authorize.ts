// GET/POST /oauth/authorize: authorization-code grant with PKCE (docs/facts.md#grant-types, #pkce-loopback).
// Errors before the redirect URI is trusted get an error page; later errors are
// sent to the redirect URI as error/error_description/state (RFC 6749 §4.1.2.1).
import { formBody, redirect, sendHtml, type Ctx } from '../http';
import type { FixtureClient } from '../fixtureTypes';
import { opaque } from './issue';
import { errorPage, loginPage } from './pages';

const CODE_TTL_MS = 60_000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Registered URIs match exactly; a registered loopback URI without a port also
 * matches any port at run time (docs/facts.md#pkce-loopback), and without a path any path (sandbox choice).
 */
export function redirectAllowed(client: FixtureClient, uri: string): boolean {
  let wanted: URL;
  try { wanted = new URL(uri); } catch { return false; }
  return (client.redirectUris ?? []).some((reg) => {
    if (reg === uri) return true;
    let r: URL;
    try { r = new URL(reg); } catch { return false; }
    if (!LOOPBACK.has(r.hostname) || r.port !== '' || r.protocol !== wanted.protocol || r.hostname !== wanted.hostname) return false;
    return r.pathname === '/' || r.pathname === wanted.pathname;
  });
}

function back(ctx: Ctx, redirectUri: string, params: Record<string, string | undefined>): void {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.set(k, v);
  redirect(ctx, url.toString());
}

const FIELDS = ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state'] as const;

export function handleAuthorize(ctx: Ctx): void {
  const input = ctx.method === 'POST' ? formBody(ctx) : ctx.query;
  const get = (k: string) => input.get(k) ?? undefined;
  const client = ctx.state.client(get('client_id') ?? '');
  const redirectUri = get('redirect_uri') ?? '';
  if (!client) return sendHtml(ctx, 400, errorPage(`Unknown client_id '${get('client_id') ?? ''}'.`));
  if (!redirectAllowed(client, redirectUri)) return sendHtml(ctx, 400, errorPage(`redirect_uri '${redirectUri}' is not registered for ${client.name}.`));
  const state = get('state');
  if (get('response_type') !== 'code') return back(ctx, redirectUri, { error: 'unsupported_response_type', error_description: 'Only response_type=code is supported.', state });
  if (client.authorizedGrantType !== 'CODE') return back(ctx, redirectUri, { error: 'unauthorized_client', error_description: `${client.name} is not a Code Authorization client.`, state });
  const challenge = get('code_challenge');
  if (challenge !== undefined && get('code_challenge_method') !== 'S256') return back(ctx, redirectUri, { error: 'invalid_request', error_description: 'code_challenge_method must be S256.', state });
  if (challenge === undefined && !client.secret) return back(ctx, redirectUri, { error: 'invalid_request', error_description: 'A public client must send a PKCE code_challenge.', state });

  if (ctx.method === 'GET') {
    const hidden: Record<string, string> = {};
    for (const f of FIELDS) { const v = get(f); if (v !== undefined) hidden[f] = v; }
    return sendHtml(ctx, 200, loginPage(client.name, ctx.state.fixture.org.name, hidden, ctx.state.fixture.users));
  }
  if (get('decision') !== 'approve') return back(ctx, redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state });
  const user = ctx.state.user(get('userId') ?? '');
  if (!user) return sendHtml(ctx, 400, errorPage('Pick a user of this org.'));
  const code = opaque(24);
  ctx.state.codes.set(code, { clientId: client.id, userId: user.id, redirectUri, codeChallenge: challenge ?? '', expiresAt: ctx.state.now() + CODE_TTL_MS });
  back(ctx, redirectUri, { code, state });
}
