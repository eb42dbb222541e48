// Redaction for everything we show or store outside the secret store:
// evidence excerpts, log lines, reports. Known secrets (the session's token)
// are removed by value; everything that looks like a credential is removed by
// shape (Authorization headers, token/secret fields in JSON, forms and URLs).

export const REDACTED = '[REDACTED]';

const SECRET_KEYS = [
  'access_token', 'accessToken', 'refresh_token', 'refreshToken', 'id_token', 'client_secret', 'clientSecret',
  'code_verifier', 'password', 'assertion', 'secret', 'token', 'authorization', 'device_code',
];
const KEY_ALT = SECRET_KEYS.map((k) => k.replace(/_/g, '[_-]?')).join('|');

// "access_token": "value"  (JSON, also single-quoted and unquoted keys)
const JSON_FIELD = new RegExp(`(["']?(?:${KEY_ALT})["']?\\s*[:=]\\s*)(["'])((?:\\\\.|(?!\\2).)*)\\2`, 'gi');
// access_token=value in forms and query strings
const FORM_FIELD = new RegExp(`([?&;\\s]|^)((?:${KEY_ALT})=)([^&\\s"']+)`, 'gim');
// Authorization: Bearer xyz / Basic xyz  (header lines and free text). Not permission
// names of the authorization domain (authorization:grant:view) nor the
// authorization:readonly scope, which findings and token reports cite.
const AUTH_HEADER = /\b(authorization(?!:(?:readonly\b|[A-Za-z]+:[A-Za-z*]+\b))\s*[:=]\s*)(?:(bearer|basic)\s+)?([^\s"',}]+)/gi;
// Credentials are long; a minimum length keeps prose such as "bearer token" readable.
const BEARER = /\b(bearer\s+)([A-Za-z0-9\-._~+/]{12,}=*)/gi;

/** Removes credentials from free text. `secrets` are removed wherever they appear. */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join(REDACTED);
  }
  out = out.replace(JSON_FIELD, (_m, key: string, q: string) => `${key}${q}${REDACTED}${q}`);
  // Before the form rule: in "authorization=Basic user:pass" the form rule alone
  // would take only the scheme and leave the credentials.
  out = out.replace(AUTH_HEADER, (_m, key: string, scheme?: string) => `${key}${scheme ? scheme + ' ' : ''}${REDACTED}`);
  out = out.replace(FORM_FIELD, (_m, lead: string, key: string) => `${lead}${key}${REDACTED}`);
  out = out.replace(BEARER, (_m, lead: string) => `${lead}${REDACTED}`);
  return out;
}

/** Header map with Authorization/Cookie/secret-bearing values replaced. */
export function redactHeaders(headers: Record<string, string> | undefined, secrets: readonly (string | undefined)[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    out[name] = /^(authorization|proxy-authorization|cookie|set-cookie)$/i.test(name) || /token|secret/i.test(name)
      ? REDACTED
      : redactText(value, secrets);
  }
  return out;
}

/** A short, redacted excerpt of a response body for evidence. */
export function excerpt(body: string, secrets: readonly (string | undefined)[] = [], max = 300): string {
  const compact = body.replace(/\s+/g, ' ').trim();
  const red = redactText(compact, secrets);
  return red.length > max ? `${red.slice(0, max)}…` : red;
}
