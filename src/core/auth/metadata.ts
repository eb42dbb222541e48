// Where the login server's endpoints are. Genesys regions use the fixed
// login.<env>/oauth/{authorize,token} paths (docs/facts.md#hosts) and publish no
// metadata; custom servers are asked for RFC 8414 metadata (then OIDC
// discovery), falling back to the same Genesys paths.
import type { HttpPort, LogPort } from '../ports';
import { isEnvironmentHost, isLoopbackHost, type Environment } from '../env/environment';
import { AuthError, asAuthError } from './errors';

export interface AuthEndpoints {
  tokenEndpoint: string;
  authorizationEndpoint?: string;
  /** RFC 8628; only known from metadata (Genesys has none, docs/facts.md#no-device-grant). */
  deviceAuthorizationEndpoint?: string;
  jwksUri?: string;
  issuer?: string;
  /** 'genesys': fixed region paths; 'metadata': discovered; 'default': Genesys paths on a custom server without metadata. */
  source: 'genesys' | 'metadata' | 'default';
  metadataUrl?: string;
}

export function genesysEndpoints(env: Environment, source: 'genesys' | 'default' = 'genesys'): AuthEndpoints {
  return {
    tokenEndpoint: `${env.loginBaseUrl}/oauth/token`,
    authorizationEndpoint: `${env.loginBaseUrl}/oauth/authorize`,
    source,
  };
}

/** RFC 8414 §3 locations for a login base URL (path-inserted form when it has a path), then OIDC discovery. */
export function metadataUrls(loginBaseUrl: string): string[] {
  const u = new URL(loginBaseUrl);
  const path = u.pathname.replace(/\/+$/, '');
  const urls = [`${u.origin}/.well-known/oauth-authorization-server${path}`];
  if (path) urls.push(`${loginBaseUrl}/.well-known/oauth-authorization-server`);
  urls.push(`${loginBaseUrl}/.well-known/openid-configuration`);
  return urls;
}

export async function discoverEndpoints(
  env: Environment,
  http: HttpPort,
  opts: { signal?: AbortSignal; log?: LogPort } = {},
): Promise<AuthEndpoints> {
  if (!env.custom) return genesysEndpoints(env);
  for (const url of metadataUrls(env.loginBaseUrl)) {
    let res;
    try {
      res = await http.send({ method: 'GET', url, headers: { accept: 'application/json' }, signal: opts.signal });
    } catch (err) {
      if (opts.signal?.aborted) throw asAuthError(err, opts.signal);
      opts.log?.debug(`metadata: ${url} unreachable (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    if (res.status !== 200) {
      opts.log?.debug(`metadata: ${url} -> HTTP ${res.status}`);
      continue;
    }
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(res.body);
    } catch {
      throw new AuthError('discovery', `The metadata at ${url} is not JSON.`);
    }
    return fromMetadata(env, doc, url);
  }
  opts.log?.debug(`metadata: none at ${env.loginBaseUrl}; using /oauth/token and /oauth/authorize`);
  return genesysEndpoints(env, 'default');
}

function fromMetadata(env: Environment, doc: Record<string, unknown>, url: string): AuthEndpoints {
  const pick = (k: string) => (typeof doc[k] === 'string' && doc[k] ? (doc[k] as string) : undefined);
  const token = pick('token_endpoint');
  if (!token) throw new AuthError('discovery', `The metadata at ${url} has no token_endpoint.`);
  const device = pick('device_authorization_endpoint');
  // Secrets, codes and device codes go to these two: keep them on the environment's own hosts.
  for (const [name, value] of [['token_endpoint', token], ['device_authorization_endpoint', device]] as const) {
    if (value && !isEnvironmentHost(env, value)) {
      throw new AuthError('discovery',
        `The metadata at ${url} points ${name} to ${value}, outside ${env.loginBaseUrl} / ${env.apiBaseUrl}. ` +
        'Refusing to send credentials there; use login=<url>,api=<url> if that host is really yours.');
    }
  }
  const authorize = pick('authorization_endpoint');
  const jwks = pick('jwks_uri');
  return {
    tokenEndpoint: token,
    authorizationEndpoint: authorize && isSafeUrl(authorize) ? authorize : undefined,
    deviceAuthorizationEndpoint: device,
    jwksUri: jwks && isSafeUrl(jwks) ? jwks : undefined,
    issuer: pick('issuer'),
    source: 'metadata',
    metadataUrl: url,
  };
}

function isSafeUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
  } catch {
    return false;
  }
}
