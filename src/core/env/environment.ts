// Which Genesys Cloud environment (or Genesys-shaped server) we talk to.
//
// One string syntax is shared by `--env`, GENESYS_CLOUD_ENVIRONMENT and the
// VS Code setting:
//   - a region by SDK key:         eu_west_1   (also eu-west-1)
//   - a region by host:            mypurecloud.ie, api.mypurecloud.ie,
//                                  login.mypurecloud.ie, https://api.mypurecloud.ie/
//   - one custom base URL serving both login and API paths:
//                                  http://127.0.0.1:8787
//   - separate custom login and API base URLs:
//                                  login=https://login.example.test,api=https://api.example.test
// Plain http is accepted only for loopback hosts (127.0.0.0/8, ::1, localhost),
// so a token never crosses a network in clear text.
import { REGIONS, regionOfHost, type Region } from './regions';

export interface Environment {
  /** Canonical name; parseEnvironment(name) gives the same environment back. */
  name: string;
  /** Serves /oauth/token, /oauth/authorize and (custom servers) discovery metadata. */
  loginBaseUrl: string;
  /** Serves /api/v2/... */
  apiBaseUrl: string;
  /** Set for the 18 Genesys regions (docs/facts.md#regions). */
  region?: Region;
  /** True for anything that is not one of the Genesys regions. */
  custom: boolean;
}

export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

export const ENVIRONMENT_SYNTAX =
  'a region key (eu_west_1), a region host (mypurecloud.ie), a base URL (http://127.0.0.1:8787) ' +
  'or login=<url>,api=<url>';

export function regionEnvironment(region: Region): Environment {
  return {
    name: region.env,
    loginBaseUrl: `https://login.${region.env}`,
    apiBaseUrl: `https://api.${region.env}`,
    region,
    custom: false,
  };
}

export function parseEnvironment(value: string): Environment {
  const text = (value ?? '').trim();
  if (!text) throw new EnvironmentError(`No environment given. Use ${ENVIRONMENT_SYNTAX}.`);

  if (/^(login|api)\s*=/i.test(text)) return parseSplit(text);

  const byKey = REGIONS.find((r) => r.key === text.toLowerCase().replace(/-/g, '_'));
  if (byKey) return regionEnvironment(byKey);

  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    // A bare host: only Genesys hosts make sense without a scheme.
    const host = text.replace(/\/+$/, '');
    const region = genesysRegion(host, text);
    if (region) return regionEnvironment(region);
    const knownKeys = REGIONS.map((r) => r.key).join(', ');
    throw new EnvironmentError(
      `Unknown environment '${text}'. Use ${ENVIRONMENT_SYNTAX}. Region keys: ${knownKeys}.`);
  }

  const url = parseBaseUrl(text, 'environment');
  const region = genesysRegion(url.hostname, text);
  if (region) {
    if (url.protocol !== 'https:') throw new EnvironmentError(`Genesys Cloud hosts are only reachable over https: '${text}'.`);
    return regionEnvironment(region);
  }
  const base = baseString(url);
  return { name: base, loginBaseUrl: base, apiBaseUrl: base, custom: true };
}

/** Like parseEnvironment, but returns the error message instead of throwing. */
export function tryParseEnvironment(value: string): { env?: Environment; error?: string } {
  try {
    return { env: parseEnvironment(value) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** "eu_west_1 (mypurecloud.ie)" or the custom URL(s), for messages. */
export function describeEnvironment(env: Environment): string {
  if (env.region) return `${env.region.key} (${env.region.env})`;
  return env.loginBaseUrl === env.apiBaseUrl ? env.apiBaseUrl : `login ${env.loginBaseUrl}, API ${env.apiBaseUrl}`;
}

/**
 * True when `url` belongs to the environment's login or API base URL (same
 * scheme, host, port and path prefix). Tokens are only ever sent to such URLs.
 */
export function isEnvironmentHost(env: Environment, url: string): boolean {
  return isUnderBase(url, [env.apiBaseUrl, env.loginBaseUrl]);
}

/** True when `url` is under one of `bases` (same origin and path prefix). */
export function isUnderBase(url: string, bases: readonly string[]): boolean {
  let target: URL;
  try { target = new URL(url); } catch { return false; }
  return bases.some((b) => {
    let base: URL;
    try { base = new URL(b); } catch { return false; }
    if (base.origin !== target.origin) return false;
    const prefix = base.pathname.replace(/\/+$/, '');
    return prefix === '' || target.pathname === prefix || target.pathname.startsWith(prefix + '/');
  });
}

/** True for 127.0.0.0/8, ::1 and localhost (the only hosts allowed over plain http). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return !!m && m.slice(1).every((n) => Number(n) <= 255);
}

function parseSplit(text: string): Environment {
  const parts: Record<string, string> = {};
  for (const piece of text.split(',')) {
    const m = /^\s*(login|api)\s*=\s*(\S+)\s*$/i.exec(piece);
    if (!m) throw new EnvironmentError(`Cannot read '${piece.trim()}' in '${text}'. Expected login=<url>,api=<url>.`);
    const key = m[1].toLowerCase();
    if (parts[key]) throw new EnvironmentError(`'${key}=' appears twice in '${text}'.`);
    parts[key] = m[2];
  }
  if (!parts.login || !parts.api) {
    throw new EnvironmentError(`Both login=<url> and api=<url> are needed in '${text}'.`);
  }
  const login = baseString(parseBaseUrl(parts.login, 'login URL'));
  const api = baseString(parseBaseUrl(parts.api, 'API URL'));
  if (login === api) return { name: api, loginBaseUrl: api, apiBaseUrl: api, custom: true };
  return { name: `login=${login},api=${api}`, loginBaseUrl: login, apiBaseUrl: api, custom: true };
}

function parseBaseUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EnvironmentError(`The ${what} '${text}' is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EnvironmentError(`The ${what} '${text}' must use https (or http on a loopback host).`);
  }
  if (url.username || url.password) throw new EnvironmentError(`The ${what} '${text}' must not contain credentials.`);
  if (url.search || url.hash) throw new EnvironmentError(`The ${what} '${text}' must not have a query or fragment.`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new EnvironmentError(
      `Refusing plain http for '${text}': tokens would travel unencrypted. ` +
      'Use https, or http only on a loopback host (127.0.0.1, ::1, localhost).');
  }
  return url;
}

function baseString(url: URL): string {
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** A Genesys host (login./api./bare environment) -> its region; other subdomains are an error. */
function genesysRegion(host: string, original: string): Region | undefined {
  const hit = regionOfHost(host);
  if (!hit) return undefined;
  if (hit.service === '' || hit.service === 'api' || hit.service === 'login') return hit.region;
  throw new EnvironmentError(
    `'${original}' is a ${hit.region.env} host but not its login or API host. Use '${hit.region.env}' or '${hit.region.key}'.`);
}
