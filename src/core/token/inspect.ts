// inspectToken: what a session's token is and what it may do: its Grants
// (readGrants: GET /api/v2/tokens/me, users/me, subjects/me, docs/facts.md#token-info, #user-me)
// plus the token's format, JWT claims and expiry.
import type { Clock, HttpPort, LogPort } from '../ports';
import type { Evidence, SourceRef } from '../types';
import { discoverEndpoints } from '../auth/metadata';
import type { Session } from '../auth/session';
import { decodeJwtToken, verifyJwt } from './jwt';
import { readSessionGrants } from './session';
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
  const grants = await readSessionGrants(session, ports.http, { clock: ports.clock, signal: ports.signal, evidence });
  const report: TokenReport = {
    environment: session.environment.name,
    grant: session.grant,
    format: 'opaque',
    active: grants.active,
    grants,
    expiry: session.expiresAt !== undefined ? { expiresAt: session.expiresAt, source: 'token-response' } : { source: 'unknown' },
    notes: [], evidence,
    sources: [TOKEN_SOURCES.tokenInfo],
  };
  if (grants.idlesAt) report.expiry.idlesAt = grants.idlesAt;
  await addJwt(session, report, ports);
  report.notes.push(...grants.notes);
  if (grants.account.kind === 'user' && grants.roles) report.sources.push(TOKEN_SOURCES.userMe);
  if (grants.permissions.from === 'subjects/me') report.sources.push(TOKEN_SOURCES.subject);
  if (grants.permissions.lines) report.sources.push(TOKEN_SOURCES.permissionFormat);
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
