// Sign-in flows driven over HTTP exactly as a browser or CLI would: used by
// the integration and workbench tests to log in to a running sandbox. The
// authorize and device steps post the sandbox's own HTML forms.
import { createHash, randomBytes } from 'crypto';
import type { OrgFixture, ScenarioLogin } from '../fixtureTypes';

export interface TokenSet { access_token: string; token_type: string; expires_in: number; refresh_token?: string }

async function tokenRequest(base: string, form: Record<string, string>, basic?: string): Promise<TokenSet> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  const res = await fetch(`${base}/oauth/token`, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
  const json = await res.json() as TokenSet & { error?: string; error_description?: string };
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${json.error}: ${json.error_description}`);
  return json;
}

export function clientCredentials(base: string, clientId: string, secret: string): Promise<TokenSet> {
  return tokenRequest(base, { grant_type: 'client_credentials' }, `${clientId}:${secret}`);
}

/** The hidden inputs of the first form on a page. */
export function formFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) out[unescape(m[1])] = unescape(m[2]);
  return out;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Authorization code + PKCE: open the login page, submit it as `userId`, exchange the code. */
export async function pkceLogin(base: string, clientId: string, userId: string, redirectUri = 'http://localhost:53682/callback'): Promise<TokenSet> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(8).toString('hex');
  const q = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state });
  const page = await fetch(`${base}/oauth/authorize?${q}`);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`authorize page: ${page.status} ${html.slice(0, 200)}`);
  const form = new URLSearchParams({ ...formFields(html), userId, decision: 'approve' });
  const post = await fetch(`${base}/oauth/authorize`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  const location = new URL(post.headers.get('location') ?? 'about:blank');
  const code = location.searchParams.get('code');
  if (!code || location.searchParams.get('state') !== state) throw new Error(`authorize did not redirect with code+state: ${post.status} ${location}`);
  return tokenRequest(base, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier });
}

/** RFC 8628: request codes, approve on the verification page as `userId`, then poll once. */
export async function deviceLogin(base: string, clientId: string, userId: string): Promise<TokenSet> {
  const res = await fetch(`${base}/oauth/device/authorize`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: clientId }).toString() });
  const d = await res.json() as { device_code: string; user_code: string; verification_uri_complete: string };
  if (res.status !== 200) throw new Error(`device authorization failed: ${res.status} ${JSON.stringify(d)}`);
  const page = await fetch(d.verification_uri_complete);
  if (page.status !== 200) throw new Error(`verification page: ${page.status}`);
  const approve = await fetch(`${base}/oauth/device`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user_code: d.user_code, userId, decision: 'approve' }).toString() });
  if (approve.status !== 200) throw new Error(`device approval failed: ${approve.status}`);
  return tokenRequest(base, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: d.device_code, client_id: clientId });
}

/** Signs in the way a fixture scenario says. */
export function login(base: string, fixture: OrgFixture, how: ScenarioLogin): Promise<TokenSet> {
  if (how.grant === 'client_credentials') {
    const client = fixture.clients.find((c) => c.id === how.clientId);
    if (!client?.secret) throw new Error(`client ${how.clientId} has no secret in the fixture`);
    return clientCredentials(base, client.id, client.secret);
  }
  return how.grant === 'pkce' ? pkceLogin(base, how.clientId, how.userId) : deviceLogin(base, how.clientId, how.userId);
}
