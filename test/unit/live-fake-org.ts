// A tiny in-memory Genesys-shaped org for the live-check unit tests: an
// HttpPort that answers the doctor's lookups from a mutable description, and
// records every request. Shapes follow index.d.ts (TokenInfo, UserMe, AuthzSubject…).
import type { HttpPort, HttpRequest, HttpResponse } from '../../src/core/ports';

export interface FakeOrg {
  grant: 'CODE' | 'CLIENT-CREDENTIALS';
  scopes: string[];
  /** Scopes the swagger declares for POST /api/v2/conversations/calls; null = none. */
  callScopes: string[] | null;
  user: { id: string; name: string; divisionId: string };
  grants: { role: string; divisionId: string; perms: string[] }[];
  stationId?: string;
  stations: Record<string, { name: string; edges: string[] }>;
  edges: Record<string, { name: string; online: boolean; siteId: string }>;
  plans: Record<string, { name: string; match: string; priority: number; classification: string }[]>;
  routes: Record<string, { name: string; classificationTypes: string[]; enabled: boolean }[]>;
  queues: Record<string, { name: string; members: string[] }>;
  users: Record<string, { name: string; divisionId: string; stationId?: string }>;
  sitesWithoutEdges?: boolean;
  /** path prefix -> forced answer (faults, forbidden lookups). */
  override: Record<string, { status: number; body: string; headers?: Record<string, string> }>;
}

export function healthyOrg(): FakeOrg {
  return {
    grant: 'CODE', scopes: ['conversations', 'users:readonly'], callScopes: ['conversations'],
    user: { id: 'u-agent', name: 'Ada Agent', divisionId: 'd-home' },
    grants: [{ role: 'Agent', divisionId: 'd-home', perms: ['conversation:conference:add', 'conversation:call:add'] }],
    stationId: 'st-1',
    stations: { 'st-1': { name: 'WebRTC Ada', edges: ['e-1'] }, 'st-noedge': { name: 'Orphan', edges: [] }, 'st-off': { name: 'Offline', edges: ['e-off'] } },
    edges: { 'e-1': { name: 'Edge 1', online: true, siteId: 's-1' }, 'e-off': { name: 'Edge Off', online: false, siteId: 's-1' } },
    plans: { 's-1': [{ name: 'National', match: '^\\+1\\d{10}$', priority: 1, classification: 'National' }, { name: 'Intl', match: '^\\+44\\d+$', priority: 2, classification: 'International' }] },
    routes: { 's-1': [{ name: 'Default route', classificationTypes: ['National'], enabled: true }] },
    queues: { 'q-sales': { name: 'Sales', members: ['u-agent'] }, 'q-other': { name: 'Other', members: [] } },
    users: { 'u-agent': { name: 'Ada Agent', divisionId: 'd-home', stationId: 'st-1' }, 'u-bob': { name: 'Bob', divisionId: 'd-home' } },
    override: {},
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse =>
  ({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const err = (status: number, code: string, message: string) => json(status, { status, code, message, contextId: `ctx-${code}` });
const div = (id: string) => ({ id, name: id === 'd-home' ? 'Home' : id });

export class FakeGenesys implements HttpPort {
  readonly requests: HttpRequest[] = [];
  constructor(public org: FakeOrg, private readonly base = 'https://api.mypurecloud.com') {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    this.requests.push(req);
    await new Promise((r) => setImmediate(r));
    const url = new URL(req.url);
    const path = url.pathname + url.search;
    for (const [prefix, answer] of Object.entries(this.org.override)) {
      if (path.startsWith(prefix)) return { status: answer.status, headers: answer.headers ?? {}, body: answer.body };
    }
    if (!req.url.startsWith(this.base)) return err(404, 'not.found', 'wrong host');
    if (req.headers?.Authorization !== 'Bearer tok-secret-123456') return err(401, 'bad.credentials', 'Invalid login credentials.');
    return this.route(req.method, url.pathname, url.searchParams);
  }

  private route(method: string, p: string, q: URLSearchParams): HttpResponse {
    const o = this.org;
    const m = (re: RegExp) => re.exec(p);
    let x: RegExpExecArray | null;
    if (method !== 'GET') return json(200, { id: 'conv-1' });
    if (p === '/api/v2/tokens/me') {
      return json(200, { organization: { id: 'org-1', name: 'Fake Org' }, authorizedScope: o.grant === 'CODE' ? o.scopes : [], OAuthClient: { id: 'c-1', name: 'App', authorizedGrantType: o.grant, roleDivisions: o.grant === 'CODE' ? undefined : [{ roleId: 'r-cc', divisionId: 'd-home' }] } });
    }
    if (p === '/api/v2/users/me') {
      if (o.grant !== 'CODE') return err(400, 'not.a.user', 'This request requires a user context. Client credentials cannot be used for requests to this resource.');
      const st = o.stationId ? { id: o.stationId, name: o.stations[o.stationId]?.name } : undefined;
      return json(200, { id: o.user.id, name: o.user.name, division: div(o.user.divisionId), station: st ? { associatedStation: st, effectiveStation: st } : {}, authorization: { permissions: o.grants.flatMap((g) => g.perms) } });
    }
    if (p === '/api/v2/authorization/subjects/me') {
      return json(200, { id: o.user.id, grants: o.grants.map((g) => ({ division: div(g.divisionId), role: { id: g.role, name: g.role, policies: g.perms.map((perm) => { const [domain, entityName, action] = perm.split(':'); return { domain, entityName, actions: [action] }; }) } })) });
    }
    if (p === '/api/v2/docs/swagger') {
      return json(200, { swagger: '2.0', paths: { '/api/v2/conversations/calls': { post: o.callScopes ? { security: [{ 'PureCloud OAuth': o.callScopes }] } : {} }, '/api/v2/conversations/calls/user/{userId}': { post: o.callScopes ? { security: [{ 'PureCloud OAuth': o.callScopes }] } : {} } } });
    }
    if (p === '/api/v2/telephony/providers/edges') {
      return json(200, { entities: Object.entries(o.edges).map(([id, e]) => ({ id, name: e.name, onlineStatus: e.online ? 'ONLINE' : 'OFFLINE', site: { id: e.siteId } })), pageCount: 1 });
    }
    if (p === '/api/v2/telephony/providers/edges/sites') {
      // Site.edges (index.d.ts); `sitesWithoutEdges` exercises the Edge-API fallback.
      return json(200, { entities: Object.keys(o.plans).map((id) => ({ id, name: id, edges: o.sitesWithoutEdges ? undefined : Object.entries(o.edges).filter(([, e]) => e.siteId === id).map(([eid, e]) => ({ id: eid, name: e.name, onlineStatus: e.online ? 'ONLINE' : 'OFFLINE' })) })), pageCount: 1 });
    }
    if ((x = m(/^\/api\/v2\/stations\/([^/]+)$/))) {
      const s = o.stations[x[1]];
      if (!s) return err(404, 'not.found', 'no station');
      return json(200, { id: x[1], name: s.name, primaryEdge: s.edges[0] ? { id: s.edges[0] } : undefined, secondaryEdge: s.edges[1] ? { id: s.edges[1] } : undefined });
    }
    if ((x = m(/^\/api\/v2\/telephony\/providers\/edges\/sites\/([^/]+)\/outboundroutes$/))) return json(200, { entities: (o.routes[x[1]] ?? []).map((r) => ({ ...r, id: r.name })), pageCount: 1 });
    if ((x = m(/^\/api\/v2\/telephony\/providers\/edges\/sites\/([^/]+)\/numberplans$/))) return json(200, (o.plans[x[1]] ?? []).map((pl) => ({ ...pl, matchType: 'regex' })));
    if ((x = m(/^\/api\/v2\/routing\/queues\/([^/]+)\/members$/))) {
      const qu = o.queues[x[1]];
      if (!qu) return err(404, 'not.found', 'no queue');
      return json(200, { entities: qu.members.map((id) => ({ id, name: id, joined: true })), pageNumber: Number(q.get('pageNumber') ?? 1), pageCount: 1 });
    }
    if ((x = m(/^\/api\/v2\/routing\/queues\/([^/]+)$/))) {
      const qu = o.queues[x[1]];
      return qu ? json(200, { id: x[1], name: qu.name }) : err(404, 'not.found', 'The requested resource was not found.');
    }
    if ((x = m(/^\/api\/v2\/users\/([^/]+)\/station$/))) {
      const u = o.users[x[1]];
      if (!u) return err(404, 'not.found', 'no user');
      const st = u.stationId ? { id: u.stationId, name: o.stations[u.stationId]?.name } : undefined;
      return json(200, st ? { associatedStation: st, effectiveStation: st } : {});
    }
    if ((x = m(/^\/api\/v2\/users\/([^/]+)$/))) {
      const u = o.users[x[1]];
      return u ? json(200, { id: x[1], name: u.name, division: div(u.divisionId) }) : err(404, 'not.found', 'The requested resource was not found.');
    }
    if ((x = m(/^\/api\/v2\/authorization\/roles\/([^/]+)$/))) return json(200, { id: x[1], name: 'CC role', permissionPolicies: [{ domain: 'conversation', entityName: 'call', actionSet: ['add'] }] });
    return err(404, 'not.found', `no route ${p}`);
  }
}

export const TOKEN = 'tok-secret-123456';
