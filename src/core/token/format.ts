// Plain-text rendering of a TokenReport (CLI `token`). The token itself is not
// part of the report; the CLI adds it only with --show-token.
import { allPermissions, divisionsOf } from './grants';
import { groupPermissions, stationInUse } from './read';
import type { NamedRef, TokenReport } from './types';

const name = (r?: NamedRef) => (r ? (r.name && r.id ? `${r.name} (${r.id})` : r.name ?? r.id ?? '') : '');

export function formatTokenReport(r: TokenReport, now: number): string {
  const g = r.grants;
  const out: string[] = [];
  const line = (label: string, value: string | undefined) => { if (value) out.push(`${label.padEnd(14)} ${value}`); };
  line('Environment', r.environment);
  line('Sign-in', r.grant);
  line('Status', r.active === true ? 'active' : r.active === false ? 'REJECTED by the API (401)' : 'could not determine');
  line('Format', r.format === 'jwt' ? `JWT${r.jwt?.verified === true ? ' (signature verified)' : r.jwt?.verified === false ? ` (signature NOT verified: ${r.jwt.verifyError ?? 'unknown'})` : ''}` : 'opaque');
  line('Expires', expiry(r, now));
  line('Idles at', r.expiry.idlesAt);
  line('Organization', name(g.org));
  if (g.homeOrg && g.homeOrg.id !== g.org?.id) line('Home org', name(g.homeOrg));
  if (g.client) line('OAuth client', `${name(g.client)}${g.client.authorizedGrantType ? `, grant ${g.client.authorizedGrantType}` : ''}`);
  const a = g.account;
  line('User', a.kind === 'client' ? 'none (no user context)' : a.kind === 'user' && (a.id || a.name) ? `${name(a)}${a.email ? ` <${a.email}>` : ''}` : undefined);
  if (a.division && a.kind === 'user') line('Division', name(a.division));
  if (g.scopes.list) line('Scopes', g.scopes.list.length ? g.scopes.list.join(' ') : '(none listed)');
  if (r.jwt?.scopes && !g.scopes.list) line('JWT scopes', r.jwt.scopes.join(' '));
  if (g.roles) line('Roles', g.roles.length ? g.roles.map(name).join(', ') : '(none)');
  const divisions = divisionsOf(g);
  if (divisions) {
    out.push(`Divisions      (from ${g.permissions.from})`);
    for (const d of divisions) out.push(`  ${name(d)}: ${d.roles.join(', ') || '(no roles)'}`);
  }
  if (g.station) {
    const st = stationInUse(g.station);
    line('Station', st ? `${name(st)}${st.type ? `, type ${st.type}` : ''}${g.station.effective && g.station.associated && g.station.effective.id !== g.station.associated.id ? ` (associated: ${name(g.station.associated)})` : ''}`
      : `(none associated)${g.station.default ? `; default station ${name(g.station.default)}` : ''}`);
  } else if (a.kind === 'user') line('Station', 'could not determine');
  const perms = allPermissions(g);
  if (perms) {
    const groups = groupPermissions(perms);
    out.push(`Permissions    ${perms.length} in ${groups.length} domain(s), from ${g.permissions.from}${g.permissions.divisions ? '' : ' (no divisions)'}`);
    for (const x of groups) out.push(`  ${x.domain}: ${x.permissions.map((p) => p.slice(x.domain.length + 1) || p).join(', ')}`);
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
