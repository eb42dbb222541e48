// inspectToken: what a session's token is and what it may do, asked of the API
// the way the official SDK and CLI do (GET /api/v2/tokens/me, docs/facts.md#token-info),
// plus the user's roles, permissions, station and divisions (docs/facts.md#user-me).
import type { Clock, HttpPort, HttpResponse, LogPort } from '../ports';
import type { Evidence, SourceRef } from '../types';
import { apiGet } from '../auth/apiClient';
import { discoverEndpoints } from '../auth/metadata';
import { excerpt } from '../http/redact';
import type { Session } from '../auth/session';
import { decodeJwtToken, verifyJwt } from './jwt';
import { readSubject, readTokenInfo, readUserMe, groupPermissions, isNoUserContext } from './read';
import type { TokenReport } from './types';

export interface InspectPorts { http: HttpPort; clock: Clock; log?: LogPort; signal?: AbortSignal }

export const TOKEN_SOURCES: Record<string, SourceRef> = {
  tokenInfo: { ref: 'docs/facts.md#token-info', verified: true },
  userMe: { ref: 'docs/facts.md#user-me', verified: true },
  subject: { ref: 'docs/facts.md#authz-subject', verified: true },
  permissionFormat: { ref: 'docs/facts.md#permission-format', verified: false },
  opaque: { ref: 'docs/facts.md#opaque-tokens', verified: false },
};

export async function inspectToken(session: Session, ports: InspectPorts): Promise<TokenReport> {
  const evidence: Evidence[] = [];
  const notes: string[] = [];
  const report: TokenReport = {
    environment: session.environment.name,
    grant: session.grant,
    format: 'opaque',
    userContext: 'unknown',
    expiry: session.expiresAt !== undefined ? { expiresAt: session.expiresAt, source: 'token-response' } : { source: 'unknown' },
    notes, evidence,
    sources: [TOKEN_SOURCES.tokenInfo],
  };

  const get = async (path: string): Promise<HttpResponse | undefined> => {
    const started = ports.clock.now();
    try {
      const res = await apiGet(session, ports.http, path, ports.signal);
      evidence.push({ request: `GET ${path}`, status: res.status, excerpt: excerpt(res.body, [session.accessToken, session.refreshToken], 200), durationMs: ports.clock.now() - started });
      return res;
    } catch (err) {
      if (ports.signal?.aborted) throw err;
      const msg = err instanceof Error ? err.message : String(err);
      evidence.push({ request: `GET ${path}`, status: 'error', excerpt: msg.slice(0, 160), durationMs: ports.clock.now() - started });
      notes.push(`GET ${path} could not be sent: ${msg}`);
      return undefined;
    }
  };

  await addJwt(session, report, ports);

  const tokenRes = await get('/api/v2/tokens/me');
  if (tokenRes?.status === 200) {
    report.active = true;
    const { idlesAt, ...info } = readTokenInfo(tokenRes.body);
    Object.assign(report, info);
    if (idlesAt) report.expiry.idlesAt = idlesAt;
  } else if (tokenRes?.status === 401) {
    report.active = false;
    notes.push('The API rejected the token (HTTP 401): it is expired or revoked. Sign in again.');
    return report;
  } else if (tokenRes) {
    notes.push(`Could not determine the token's organisation, client and scopes: GET /api/v2/tokens/me answered HTTP ${tokenRes.status}.`);
  }

  const clientCredentials = session.grant === 'client-credentials' || report.client?.authorizedGrantType === 'CLIENT-CREDENTIALS';
  if (clientCredentials) {
    report.userContext = 'none';
    notes.push('Client-credentials token: no user context, so there are no user roles, permissions or station; ' +
      "the OAuth client's own roles apply, and user-only APIs such as POST /api/v2/conversations/calls refuse it (docs/facts.md#client-credentials-no-user).");
    return report;
  }

  const [userRes, subjectRes] = await Promise.all([
    get('/api/v2/users/me?expand=authorization,station'),
    get('/api/v2/authorization/subjects/me'),
  ]);
  if (userRes?.status === 200) {
    const user = readUserMe(userRes.body);
    report.userContext = 'user';
    report.user = user.user;
    report.roles = user.roles;
    if (user.permissions) report.permissions = groupPermissions(user.permissions);
    if (user.station) report.station = user.station;
    else notes.push('Could not determine the station: GET /api/v2/users/me did not include UserMe.station although expand=station was asked for.');
    report.sources.push(TOKEN_SOURCES.userMe, TOKEN_SOURCES.permissionFormat);
  } else if (userRes && isNoUserContext(userRes)) {
    report.userContext = 'none';
    notes.push('The API says this token has no user context (GET /api/v2/users/me refused it), as for client credentials.');
  } else if (userRes) {
    notes.push(`Could not determine the user's roles and permissions: GET /api/v2/users/me answered HTTP ${userRes.status}` +
      (userRes.status === 403 ? ' (the token may lack a users scope).' : '.'));
  }
  if (subjectRes?.status === 200) {
    report.divisions = readSubject(subjectRes.body);
    report.sources.push(TOKEN_SOURCES.subject);
  } else if (subjectRes && !(report.userContext === 'none' && isNoUserContext(subjectRes))) {
    notes.push(`Could not determine the divisions of the user's grants: GET /api/v2/authorization/subjects/me answered HTTP ${subjectRes.status}` +
      (subjectRes.status === 403 ? ' (the token may lack an authorization scope).' : '.'));
  }
  return report;
}

async function addJwt(session: Session, report: TokenReport, ports: InspectPorts): Promise<void> {
  const decoded = decodeJwtToken(session.accessToken);
  if (!decoded) {
    report.sources.push(TOKEN_SOURCES.opaque);
    return;
  }
  report.format = 'jwt';
  report.jwt = { ...decoded };
  const exp = decoded.claims.exp;
  if (report.expiry.source === 'unknown' && typeof exp === 'number') report.expiry = { expiresAt: exp * 1000, source: 'jwt' };
  if (!session.environment.custom) return; // Genesys publishes no JWKS
  try {
    const ep = await discoverEndpoints(session.environment, ports.http, { signal: ports.signal, log: ports.log });
    if (!ep.jwksUri) {
      report.notes.push('The token is a JWT, but the login server publishes no jwks_uri, so its signature was not checked.');
      return;
    }
    const v = await verifyJwt(session.accessToken, ep.jwksUri, ports.http, ports.clock.now(), ports.signal);
    report.jwt.verified = v.verified;
    if (v.error) report.jwt.verifyError = v.error;
  } catch (err) {
    report.notes.push(`The JWT signature could not be checked: ${err instanceof Error ? err.message : String(err)}`);
  }
}
