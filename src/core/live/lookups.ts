// The lookups the checks need, as a memoised dependency graph. Each lookup
// starts as soon as what it depends on has answered, and carries its level
// (1 = needs nothing, n = one more than its deepest input) so the engine can
// report the critical path. Planned levels:
//   1: tokens/me · users/me?expand=authorization,station · subjects/me ·
//      docs/swagger · edges/sites · queues/{id} · users/{id} · users/{id}/station
//   2: stations/{id} · queues/{id}/members · authorization/roles/{id}
//   3: sites/{id}/outboundroutes · sites/{id}/numberplans
// (edges listing: only when the site listing does not name the station's Edge; +1 level)
import type { ApiAnswer, LiveApi } from '../http/api';

export interface Leveled<T = ApiAnswer> { answer: T; level: number }

const enc = encodeURIComponent;

export class Lookups {
  private readonly memo = new Map<string, Promise<Leveled>>();

  constructor(private readonly api: LiveApi) {}

  private at(path: string, level: number): Promise<Leveled> {
    let p = this.memo.get(path);
    if (!p) {
      // Questions about the caller themself must be answered with the caller's own token.
      const own = /^\/api\/v2\/(tokens\/me|users\/me|authorization\/subjects\/me|docs\/swagger)/.test(path);
      p = this.api.get(path, level, 'GET', !own).then((answer) => ({ answer, level: level + (answer.request.includes(' (as ') ? 1 : 0) }));
      this.memo.set(path, p);
    }
    return p;
  }

  /** A lookup that needs `deps` first: its level is one more than theirs. */
  after(deps: Leveled<unknown>[], path: string): Promise<Leveled> {
    return this.at(path, 1 + Math.max(0, ...deps.map((d) => d.level)));
  }

  tokenInfo() { return this.at('/api/v2/tokens/me', 1); }
  me() { return this.at('/api/v2/users/me?expand=authorization%2Cstation', 1); }
  subjects() { return this.at('/api/v2/authorization/subjects/me', 1); }
  swagger() { return this.at('/api/v2/docs/swagger', 1); }
  sites() { return this.at('/api/v2/telephony/providers/edges/sites?pageSize=100', 1); }
  queue(id: string) { return this.at(`/api/v2/routing/queues/${enc(id)}`, 1); }
  user(id: string) { return this.at(`/api/v2/users/${enc(id)}`, 1); }
  userStation(id: string) { return this.at(`/api/v2/users/${enc(id)}/station`, 1); }

  station(dep: Leveled<unknown>, id: string) { return this.after([dep], `/api/v2/stations/${enc(id)}`); }
  queueMembers(dep: Leveled<unknown>, queueId: string, page = 1) {
    return this.after([dep], `/api/v2/routing/queues/${enc(queueId)}/members?pageSize=100&pageNumber=${page}`);
  }
  role(dep: Leveled<unknown>, roleId: string) { return this.after([dep], `/api/v2/authorization/roles/${enc(roleId)}`); }
  edges(dep: Leveled<unknown>) { return this.after([dep], '/api/v2/telephony/providers/edges?pageSize=100'); }
  siteRoutes(deps: Leveled<unknown>[], siteId: string) {
    return this.after(deps, `/api/v2/telephony/providers/edges/sites/${enc(siteId)}/outboundroutes?pageSize=100`);
  }
  sitePlans(deps: Leveled<unknown>[], siteId: string) {
    return this.after(deps, `/api/v2/telephony/providers/edges/sites/${enc(siteId)}/numberplans`);
  }
}

/** Reads a JSON object answer; undefined when the answer is not a usable object. */
export function obj(a: ApiAnswer): Record<string, unknown> | undefined {
  return a.ok && a.json && typeof a.json === 'object' && !Array.isArray(a.json) ? a.json as Record<string, unknown> : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function rec(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : undefined;
}

export function entities(a: ApiAnswer): Record<string, unknown>[] | undefined {
  const o = obj(a);
  if (!o || !Array.isArray(o.entities)) return undefined;
  return o.entities.filter((e): e is Record<string, unknown> => !!rec(e));
}
