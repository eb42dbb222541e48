// Plain-text rendering of a TokenReport (CLI `token`). The token itself is not
// part of the report; the CLI adds it only with --show-token.
import { stationInUse } from './read';
import type { NamedRef, TokenReport } from './types';

const name = (r?: NamedRef) => (r ? (r.name && r.id ? `${r.name} (${r.id})` : r.name ?? r.id ?? '') : '');

export function formatTokenReport(r: TokenReport, now: number): string {
  const out: string[] = [];
  const line = (label: string, value: string | undefined) => { if (value) out.push(`${label.padEnd(14)} ${value}`); };
  line('Environment', r.environment);
  line('Sign-in', r.grant);
  line('Status', r.active === true ? 'active' : r.active === false ? 'REJECTED by the API (401)' : 'could not determine');
  line('Format', r.format === 'jwt' ? `JWT${r.jwt?.verified === true ? ' (signature verified)' : r.jwt?.verified === false ? ` (signature NOT verified: ${r.jwt.verifyError ?? 'unknown'})` : ''}` : 'opaque');
  line('Expires', expiry(r, now));
  line('Idles at', r.expiry.idlesAt);
  line('Organization', name(r.organization));
  if (r.homeOrganization && r.homeOrganization.id !== r.organization?.id) line('Home org', name(r.homeOrganization));
  if (r.client) line('OAuth client', `${name(r.client)}${r.client.authorizedGrantType ? `, grant ${r.client.authorizedGrantType}` : ''}`);
  line('User', r.userContext === 'none' ? 'none (no user context)' : r.user ? `${name(r.user)}${r.user.email ? ` <${r.user.email}>` : ''}` : undefined);
  if (r.scopes) line('Scopes', r.scopes.length ? r.scopes.join(' ') : '(none listed)');
  if (r.jwt?.scopes && !r.scopes) line('JWT scopes', r.jwt.scopes.join(' '));
  if (r.roles) line('Roles', r.roles.length ? r.roles.map(name).join(', ') : '(none)');
  if (r.divisions) {
    out.push('Divisions');
    for (const d of r.divisions) out.push(`  ${name(d)}: ${d.roles.join(', ') || '(no roles)'}`);
  }
  if (r.station) {
    const st = stationInUse(r.station);
    line('Station', st ? `${name(st)}${st.type ? `, type ${st.type}` : ''}${r.station.effective && r.station.associated && r.station.effective.id !== r.station.associated.id ? ` (associated: ${name(r.station.associated)})` : ''}`
      : `(none associated)${r.station.default ? `; default station ${name(r.station.default)}` : ''}`);
  } else if (r.userContext === 'user') line('Station', 'could not determine');
  if (r.permissions) {
    const total = r.permissions.reduce((n, g) => n + g.permissions.length, 0);
    out.push(`Permissions    ${total} in ${r.permissions.length} domain(s)`);
    for (const g of r.permissions) out.push(`  ${g.domain}: ${g.permissions.map((p) => p.slice(g.domain.length + 1) || p).join(', ')}`);
  }
  for (const n of r.notes) out.push(`Note: ${n}`);
  return out.join('\n') + '\n';
}

function expiry(r: TokenReport, now: number): string {
  if (r.expiry.expiresAt === undefined) return 'unknown (the server did not say)';
  const mins = Math.round((r.expiry.expiresAt - now) / 60000);
  const when = new Date(r.expiry.expiresAt).toISOString();
  const rel = mins < 0 ? `expired ${-mins} min ago` : mins < 120 ? `in ${mins} min` : `in ${Math.round(mins / 60)} h`;
  return `${when} (${rel}${r.expiry.source === 'jwt' ? ', from the JWT' : ''})`;
}
