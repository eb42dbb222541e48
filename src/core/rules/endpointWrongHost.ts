// endpoint.wrong-host: Genesys serves tokens and sign-in on login.<env>
// (POST https://login.<env>/oauth/token) and the Platform API on api.<env>
// (SDK configuration.js; docs/facts.md#hosts). Flags token requests sent to the API
// host or to /api/v2/oauth/token, API paths sent to login.<env>, and hosts
// that look like Genesys but are none of the 18 region environments.
import { REGIONS, REGION_SOURCE } from '../env/regions';
import type { Rule } from '../lintTypes';
import type { Finding, Fix, Range, SourceRef } from '../types';
import { classifyHost, requestFacts, splitUrl, TOKEN_PATH, type HostKind } from './support/request';
import { closest } from './support/similar';

const ID = 'endpoint.wrong-host';
const HOSTS: SourceRef = {
  ref: 'docs/facts.md#hosts',
  verified: true,
};

interface Problem { severity: 'error' | 'warning'; message: string; replacement?: string; source: SourceRef }

export const endpointWrongHost: Rule = {
  id: ID,
  title: 'Token or API request sent to the wrong Genesys host',
  defaultSeverity: 'error',
  help: 'Token requests belong on https://login.<env>/oauth/token and Platform API paths on https://api.<env>; another host or an unknown environment does not serve them. Use the host the message names (a quick fix rewrites a literal URL).',
  source: { ref: 'docs/facts.md#hosts', verified: true },
  check(ctx) {
    const out: Finding[] = [];
    const doc = ctx.parsed.doc;
    for (const req of ctx.parsed.requests) {
      if (req.association) continue;
      const facts = requestFacts(req, ctx.catalog, doc);
      if (!facts.genesys) continue;
      const p = diagnose(facts.url.host, facts.host, facts.url.path, facts.url.query, facts.isTokenRequest);
      // A fix rewrites the URL only when it is written literally (no {{variables}}).
      if (p) out.push(make(p, req.urlRange, req.index, !req.rawUrl.includes('{{')));
    }
    for (const t of ctx.parsed.code?.tokenUrls ?? []) {
      const u = splitUrl(t.url);
      const host = u.host.includes('${') ? { kind: 'unresolved' } as HostKind : classifyHost(u.host);
      const p = diagnose(u.host, host, u.path, u.query, true);
      if (p) out.push(make(p, t.range, undefined, !t.url.includes('${')));
    }
    return out;
  },
};

function make(p: Problem, range: Range, request: number | undefined, literal: boolean): Finding {
  const fixes: Fix[] = p.replacement && literal ? [{ title: `Use ${p.replacement}`, edits: [{ range, newText: p.replacement }] }] : [];
  return { rule: ID, severity: p.severity, message: p.message, range, request, fixes, source: p.source };
}

function withQuery(url: string, query: string): string { return query ? `${url}?${query}` : url; }

/** What is wrong with host+path, and the certain replacement URL when there is one. */
export function diagnose(hostText: string, host: HostKind, path: string, query: string, tokenRequest: boolean): Problem | undefined {
  const isToken = TOKEN_PATH.test(path);
  const isOauth = /^\/oauth\//i.test(path) || isToken;
  const isApi = /^\/api\/v2(\/|$)/i.test(path) && !isToken;
  if (host.kind === 'genesys-like') {
    const envs = REGIONS.map((r) => r.env);
    const guess = closest(hostText.replace(/^(api|login|apps)\./, ''), envs, 2);
    return {
      severity: 'error',
      message: `\`${hostText}\` is not a Genesys Cloud environment${guess.length ? `; did you mean ${guess.map((g) => `\`${g}\``).join(' or ')}?` : '.'} The environments are ${envs.join(', ')}; the API is api.<env> and sign-in is login.<env>.`,
      source: REGION_SOURCE,
    };
  }
  if (host.kind === 'unresolved' || host.kind === 'loopback' || host.kind === 'other') {
    if (host.kind === 'unresolved' && /^\/api\/v2\/oauth\/token\/?$/i.test(path) && /^api\./.test(hostText)) {
      return { severity: 'error', message: 'The token endpoint is POST https://login.<env>/oauth/token, not api.<env>/api/v2/oauth/token: tokens come from the login host, without /api/v2.', source: HOSTS };
    }
    return undefined;
  }
  const env = host.region.env;
  const service = host.service;
  if (isToken && (service !== 'login' || !/^\/oauth\/token\/?$/i.test(path))) {
    const url = withQuery(`https://login.${env}/oauth/token`, query);
    return {
      severity: 'error',
      message: `The token endpoint is POST https://login.${env}/oauth/token, not ${hostText}${path}: tokens come from the login host, without /api/v2.`,
      replacement: url, source: HOSTS,
    };
  }
  if (isOauth && service !== 'login') {
    return {
      severity: 'error',
      message: `OAuth endpoints are on login.${env}, not ${hostText}: use https://login.${env}${path}.`,
      replacement: withQuery(`https://login.${env}${path}`, query), source: HOSTS,
    };
  }
  if (isApi && service !== 'api') {
    return {
      severity: 'error',
      message: `Platform API calls go to https://api.${env}, not ${hostText || env}: use https://api.${env}${path}.`,
      replacement: withQuery(`https://api.${env}${path}`, query), source: HOSTS,
    };
  }
  if (tokenRequest && !isToken && !isApi && service !== 'login') {
    return {
      severity: 'warning',
      message: `This looks like a token request (grant_type=...), but the token endpoint is POST https://login.${env}/oauth/token.`,
      source: HOSTS,
    };
  }
  return undefined;
}
