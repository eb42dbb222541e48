// Token endpoint requests and responses (RFC 6749 §5). Shared by every flow.
import type { HttpPort } from '../ports';
import { AuthError, asAuthError } from './errors';
import { base64Utf8 } from './pkce';

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Seconds, as sent by the server. */
  expiresIn?: number;
  scope?: string[];
  tokenType?: string;
}

/** An OAuth error response (`error`, `error_description`); Genesys also uses `description`. */
export interface OAuthErrorBody { error: string; description?: string; status: number }

export type TokenResult = { ok: true; tokens: TokenSet } | { ok: false; error: OAuthErrorBody };

export interface TokenRequest {
  http: HttpPort;
  url: string;
  params: Record<string, string | undefined>;
  /** HTTP Basic client authentication (client credentials). */
  basic?: { clientId: string; clientSecret: string };
  signal?: AbortSignal;
}

export function formBody(params: Record<string, string | undefined>): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) usp.set(k, v);
  return usp.toString();
}

/** POSTs a form to an OAuth endpoint and returns its JSON body with the status. */
export async function postForm(req: TokenRequest): Promise<{ status: number; json: Record<string, unknown> | undefined; text: string }> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (req.basic) headers.authorization = 'Basic ' + base64Utf8(`${req.basic.clientId}:${req.basic.clientSecret}`);
  let res;
  try {
    res = await req.http.send({ method: 'POST', url: req.url, headers, body: formBody(req.params), signal: req.signal });
  } catch (err) {
    throw asAuthError(err, req.signal);
  }
  let json: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(res.body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch { /* not JSON: handled by callers */ }
  return { status: res.status, json, text: res.body };
}

/** Requests tokens; OAuth errors come back as values so polling loops can inspect them. */
export async function requestToken(req: TokenRequest): Promise<TokenResult> {
  const { status, json, text } = await postForm(req);
  if (json && typeof json.error === 'string') {
    const description = str(json.error_description) ?? str(json.description) ?? str(json.message);
    return { ok: false, error: { error: json.error, description, status } };
  }
  if (status >= 200 && status < 300 && json && typeof json.access_token === 'string' && json.access_token) {
    return { ok: true, tokens: toTokenSet(json) };
  }
  const snippet = text.replace(/\s+/g, ' ').slice(0, 160);
  throw new AuthError('http', `The token endpoint ${req.url} answered HTTP ${status} without a token${snippet ? `: ${snippet}` : ''}.`);
}

/** requestToken for one-shot grants: an OAuth error becomes an AuthError. */
export async function requestTokenOrThrow(req: TokenRequest, what: string): Promise<TokenSet> {
  const r = await requestToken(req);
  if (r.ok) return r.tokens;
  throw oauthFailure(r.error, what);
}

export function oauthFailure(e: OAuthErrorBody, what: string): AuthError {
  const detail = e.description ? `: ${e.description}` : '';
  const hint = HINTS[e.error] ? ` ${HINTS[e.error]}` : '';
  const code = e.error === 'access_denied' ? 'access_denied' : 'oauth';
  return new AuthError(code, `${what} failed (HTTP ${e.status}, ${e.error}${detail}).${hint}`, e.error);
}

const HINTS: Record<string, string> = {
  invalid_client: 'Check the client id (and secret), and that the OAuth client exists in this environment/region.',
  unauthorized_client: 'The OAuth client is not allowed this grant type; check its Grant Type in Admin > OAuth.',
  invalid_grant: 'The code or refresh token is invalid or expired, or the redirect URI does not match the one registered; sign in again.',
  unsupported_grant_type: 'The server does not support this grant type.',
  invalid_scope: 'One of the requested scopes is not allowed for this client.',
};

function toTokenSet(json: Record<string, unknown>): TokenSet {
  const expires = typeof json.expires_in === 'number' ? json.expires_in
    : typeof json.expires_in === 'string' && /^\d+$/.test(json.expires_in) ? Number(json.expires_in) : undefined;
  const scope = str(json.scope);
  return {
    accessToken: json.access_token as string,
    refreshToken: str(json.refresh_token),
    expiresIn: expires,
    scope: scope ? scope.split(/\s+/).filter(Boolean) : undefined,
    tokenType: str(json.token_type),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
