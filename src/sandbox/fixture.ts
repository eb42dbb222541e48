// Loads and validates a sandbox org fixture. Every error names the JSON path
// of the bad value (e.g. "users[2].stationId") so a fixture author can fix it.
import * as fs from 'fs';
import * as path from 'path';
import { dataPath } from '../node/paths';
import { GRANT_TYPES, type OrgFixture } from './fixtureTypes';

export class FixtureError extends Error {
  constructor(readonly problems: string[], source: string) {
    super(`invalid sandbox fixture ${source}:\n  - ${problems.join('\n  - ')}`);
  }
}

export function defaultFixturePath(): string { return dataPath('sandbox', 'default-org.json'); }

/** Reads a fixture file (default: data/sandbox/default-org.json) or validates an object. */
export function loadFixture(source?: OrgFixture | string): OrgFixture {
  if (source && typeof source === 'object') return validateFixture(source, '(object)');
  const file = path.resolve(source ?? defaultFixturePath());
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
    throw new Error(`cannot read sandbox fixture ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) {
    throw new Error(`sandbox fixture ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return validateFixture(json, file);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateFixture(input: unknown, source = '(object)'): OrgFixture {
  const p: string[] = [];
  if (!isObj(input)) throw new FixtureError(['(root): must be an object'], source);
  const str = (o: Obj, k: string, at: string, optional = false) => {
    if (o[k] === undefined && optional) return;
    if (typeof o[k] !== 'string' || o[k] === '') p.push(`${at}.${k}: must be a non-empty string`);
  };
  const bool = (o: Obj, k: string, at: string, optional = false) => {
    if (o[k] === undefined && optional) return;
    if (typeof o[k] !== 'boolean') p.push(`${at}.${k}: must be true or false`);
  };
  const strArr = (o: Obj, k: string, at: string, optional = false) => {
    if (o[k] === undefined && optional) return;
    if (!Array.isArray(o[k]) || !(o[k] as unknown[]).every((s) => typeof s === 'string')) p.push(`${at}.${k}: must be an array of strings`);
  };
  const list = (k: string): Obj[] => {
    const v = input[k];
    if (!Array.isArray(v)) { p.push(`${k}: must be an array`); return []; }
    return v.map((e, i) => { if (!isObj(e)) p.push(`${k}[${i}]: must be an object`); return isObj(e) ? e : {}; });
  };

  const org = isObj(input.org) ? input.org : (p.push('org: must be an object'), {} as Obj);
  str(org, 'id', 'org'); str(org, 'name', 'org'); bool(org, 'scopeEnforcement', 'org');
  if (org.rateLimit !== undefined) {
    const r = org.rateLimit as Obj;
    if (!isObj(r) || !(Number(r.requests) > 0) || !(Number(r.windowSeconds) > 0)) p.push('org.rateLimit: must be {requests > 0, windowSeconds > 0}');
  }

  const ids = new Map<string, Set<string>>();
  const collect = (k: string, items: Obj[], idKey = 'id') => {
    const set = new Set<string>();
    items.forEach((e, i) => {
      str(e, idKey, `${k}[${i}]`);
      if (set.has(e[idKey] as string)) p.push(`${k}[${i}].${idKey}: duplicate id '${e[idKey]}'`);
      set.add(e[idKey] as string);
    });
    ids.set(k, set);
    return items;
  };
  const ref = (o: Obj, k: string, at: string, kind: string, optional = false) => {
    if (o[k] === undefined && optional) return;
    if (!ids.get(kind)?.has(o[k] as string)) p.push(`${at}.${k}: '${String(o[k])}' is not the id of any entry in ${kind}`);
  };

  const divisions = collect('divisions', list('divisions'));
  divisions.forEach((d, i) => str(d, 'name', `divisions[${i}]`));
  const roles = collect('roles', list('roles'));
  roles.forEach((r, i) => {
    str(r, 'name', `roles[${i}]`);
    if (!Array.isArray(r.policies)) p.push(`roles[${i}].policies: must be an array`);
    else (r.policies as Obj[]).forEach((pol, j) => {
      const at = `roles[${i}].policies[${j}]`;
      str(pol, 'domain', at); str(pol, 'entityName', at); strArr(pol, 'actions', at);
    });
  });
  const sites = collect('sites', list('sites'));
  const edges = collect('edges', list('edges'));
  const stations = collect('stations', list('stations'));
  const users = collect('users', list('users'));
  const clients = collect('clients', list('clients'));
  const queues = collect('queues', list('queues'));

  sites.forEach((s, i) => str(s, 'name', `sites[${i}]`));
  edges.forEach((e, i) => { str(e, 'name', `edges[${i}]`); ref(e, 'siteId', `edges[${i}]`, 'sites'); bool(e, 'online', `edges[${i}]`); });
  stations.forEach((s, i) => {
    const at = `stations[${i}]`;
    str(s, 'name', at); str(s, 'type', at);
    ref(s, 'primaryEdgeId', at, 'edges', true); ref(s, 'secondaryEdgeId', at, 'edges', true);
  });
  users.forEach((u, i) => {
    const at = `users[${i}]`;
    str(u, 'name', at); str(u, 'email', at); ref(u, 'divisionId', at, 'divisions'); ref(u, 'stationId', at, 'stations', true);
  });
  list('grants').forEach((g, i) => {
    const at = `grants[${i}]`;
    ref(g, 'subjectId', at, 'users'); ref(g, 'roleId', at, 'roles'); ref(g, 'divisionId', at, 'divisions');
  });
  clients.forEach((c, i) => {
    const at = `clients[${i}]`;
    str(c, 'name', at); str(c, 'secret', at, true); strArr(c, 'scope', at, true); strArr(c, 'redirectUris', at, true);
    bool(c, 'deviceGrant', at, true);
    if (!(GRANT_TYPES as readonly unknown[]).includes(c.authorizedGrantType)) p.push(`${at}.authorizedGrantType: must be one of ${GRANT_TYPES.join(', ')}`);
    const cc = c.authorizedGrantType === 'CLIENT-CREDENTIALS';
    // docs/facts.md#grant-types: roles for client-credentials clients, scopes for all others.
    if (cc && !c.secret) p.push(`${at}.secret: a CLIENT-CREDENTIALS client needs a secret`);
    if (cc && !Array.isArray(c.roleDivisions)) p.push(`${at}.roleDivisions: roles must be set for CLIENT-CREDENTIALS clients`);
    if (!cc && !Array.isArray(c.scope)) p.push(`${at}.scope: scopes must be set for clients not using CLIENT-CREDENTIALS`);
    if (!cc && c.roleDivisions !== undefined) p.push(`${at}.roleDivisions: only CLIENT-CREDENTIALS clients have roleDivisions`);
    if (Array.isArray(c.roleDivisions)) (c.roleDivisions as Obj[]).forEach((rd, j) => {
      ref(rd, 'roleId', `${at}.roleDivisions[${j}]`, 'roles'); ref(rd, 'divisionId', `${at}.roleDivisions[${j}]`, 'divisions');
    });
  });
  collect('outboundRoutes', list('outboundRoutes')).forEach((r, i) => {
    const at = `outboundRoutes[${i}]`;
    str(r, 'name', at); ref(r, 'siteId', at, 'sites'); strArr(r, 'classificationTypes', at); bool(r, 'enabled', at);
  });
  collect('numberPlans', list('numberPlans')).forEach((n, i) => {
    const at = `numberPlans[${i}]`;
    str(n, 'name', at); ref(n, 'siteId', at, 'sites'); str(n, 'match', at); str(n, 'classification', at);
    if (n.matchType !== 'regex') p.push(`${at}.matchType: only "regex" is supported`);
    else try { new RegExp(n.match as string); } catch { p.push(`${at}.match: not a valid regular expression`); }
    if (typeof n.priority !== 'number') p.push(`${at}.priority: must be a number`);
  });
  queues.forEach((q, i) => {
    const at = `queues[${i}]`;
    str(q, 'name', at); ref(q, 'divisionId', at, 'divisions');
    if (!Array.isArray(q.members)) p.push(`${at}.members: must be an array`);
    else (q.members as Obj[]).forEach((m, j) => { ref(m, 'userId', `${at}.members[${j}]`, 'users'); bool(m, 'joined', `${at}.members[${j}]`); });
  });
  list('dids').forEach((d, i) => {
    str(d, 'number', `dids[${i}]`); ref(d, 'userId', `dids[${i}]`, 'users', true); ref(d, 'queueId', `dids[${i}]`, 'queues', true);
  });
  strArr(input, 'scopes', '(root)');
  collect('scenarios', list('scenarios')).forEach((s, i) => {
    const at = `scenarios[${i}]`;
    str(s, 'cause', at);
    const login = isObj(s.login) ? s.login : (p.push(`${at}.login: must be an object`), {} as Obj);
    if (!['client_credentials', 'pkce', 'device'].includes(login.grant as string)) p.push(`${at}.login.grant: must be client_credentials, pkce or device`);
    ref(login, 'clientId', `${at}.login`, 'clients');
    if (login.grant !== 'client_credentials') ref(login, 'userId', `${at}.login`, 'users');
    const req = isObj(s.request) ? s.request : (p.push(`${at}.request: must be an object`), {} as Obj);
    str(req, 'path', `${at}.request`);
    const exp = isObj(s.expect) ? s.expect : (p.push(`${at}.expect: must be an object`), {} as Obj);
    if (typeof exp.status !== 'number') p.push(`${at}.expect.status: must be a number`);
  });
  if (p.length) throw new FixtureError(p, source);
  return input as unknown as OrgFixture;
}
