// Resolves a method + URL/path as a user wrote it to a catalog operation.
// A trie of path segments: literal segments are tried before parameter
// segments (so /calls/user/{userId} beats /calls/{conversationId} for
// ".../calls/user/abc"), with backtracking when a literal branch dead-ends.
import type { Operation } from './types';
import type { LookupResult, PathMatch } from './api';

interface Route { op: Operation; paramNames: (string | undefined)[] }

const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

class Node {
  literal = new Map<string, Node>();
  param?: Node;
  /** method -> route, for templates ending at this node. */
  routes?: Map<string, Route>;
}

/**
 * A segment standing for a value: `{{var}}` (Postman/.http variable), `{name}`
 * (a template copied from docs) or `:name` (Postman path variable).
 */
function isVariable(seg: string): boolean {
  const first = seg.charCodeAt(0);
  if (first === 58 /* : */) return seg.length > 1;
  return first === 123 /* { */ && seg.charCodeAt(seg.length - 1) === 125 /* } */ && seg.length > 2;
}

/** Length of a leading URL scheme plus "://" ("https://" -> 8), else 0. */
function schemeLength(s: string, from: number): number {
  const sep = s.indexOf('://', from);
  if (sep <= from || sep - from > 10) return 0;
  for (let i = from; i < sep; i++) {
    const c = s.charCodeAt(i) | 0x20; // ASCII lower-case
    const ok = (c >= 97 && c <= 122) || (i > from && ((c >= 48 && c <= 57) || c === 0x2b || c === 0x2d || c === 0x2e));
    if (!ok) return 0;
  }
  return sep - from + 3;
}

/**
 * Path segments of a URL or path as written: drops scheme+host, a leading
 * `{{baseUrl}}`-style variable, query string, fragment, empty segments
 * (trailing or doubled slashes), and percent-decodes each segment.
 * Hand-written scanning: this runs on every lookup (goal <= 2 us).
 */
export function pathSegments(urlOrPath: string): string[] {
  const s = urlOrPath.trim();
  let i = 0;
  // Leading {{baseUrl}} / {{host}} variables, when a path follows them.
  let j = i;
  while (s.startsWith('{{', j)) {
    const close = s.indexOf('}}', j + 2);
    if (close < 0) break;
    j = close + 2;
  }
  if (j > i && s.charCodeAt(j) === 47 /* / */) i = j;
  const scheme = schemeLength(s, i);
  if (scheme) {
    const slash = s.indexOf('/', i + scheme);
    i = slash < 0 ? s.length : slash;
  } else if (s.startsWith('//', i)) {
    const slash = s.indexOf('/', i + 2);
    i = slash < 0 ? s.length : slash;
  } else if (s.charCodeAt(i) !== 47) {
    const api = s.indexOf('/api/', i);
    if (api > 0 && s.lastIndexOf('?', api) < 0) i = api; // "api.mypurecloud.com/api/v2/..."
  }
  const out: string[] = [];
  let segStart = i;
  let hasPercent = false;
  for (; ; i++) {
    const c = i < s.length ? s.charCodeAt(i) : -1;
    if (c === -1 || c === 47 || c === 63 /* ? */ || c === 35 /* # */) {
      if (i > segStart) {
        const seg = s.slice(segStart, i);
        if (hasPercent) {
          try { out.push(decodeURIComponent(seg)); } catch { out.push(seg); }
        } else out.push(seg);
      }
      if (c !== 47) break;
      segStart = i + 1;
      hasPercent = false;
    } else if (c === 37 /* % */) hasPercent = true;
  }
  return out;
}

export class PathIndex {
  private readonly root = new Node();
  private readonly templates: { segs: string[]; routes: Map<string, Route> }[] = [];

  constructor(operations: readonly Operation[]) {
    for (const op of operations) this.add(op);
  }

  private add(op: Operation): void {
    const segs = op.path.split('/').filter(Boolean);
    let node = this.root;
    const paramNames: (string | undefined)[] = [];
    for (const seg of segs) {
      if (seg.startsWith('{') && seg.endsWith('}')) {
        node = node.param ??= new Node();
        paramNames.push(seg.slice(1, -1));
      } else {
        let next = node.literal.get(seg);
        if (!next) { next = new Node(); node.literal.set(seg, next); }
        node = next;
        paramNames.push(undefined);
      }
    }
    if (!node.routes) {
      node.routes = new Map();
      this.templates.push({ segs, routes: node.routes });
    }
    // First one wins: the catalog adds operations in overlay order.
    if (!node.routes.has(op.method)) node.routes.set(op.method, { op, paramNames });
  }

  lookup(method: string, urlOrPath: string): LookupResult {
    const m = KNOWN_METHODS.has(method) ? method : method.toUpperCase();
    let segs = pathSegments(urlOrPath);
    let found = this.find(segs, m);
    if (!found.withMethod && !found.anyRoute && segs[0] !== 'api') {
      // A path relative to a base URL that already ends in /api/v2.
      const prefixed = ['api', 'v2', ...segs];
      const retry = this.find(prefixed, m);
      if (retry.withMethod || retry.anyRoute) { segs = prefixed; found = retry; }
    }
    if (found.withMethod) {
      const route = found.withMethod.get(m)!;
      return {
        match: toMatch(route, segs),
        otherMethods: otherThan(found.withMethod, m),
        suggestions: [],
      };
    }
    if (found.anyRoute) return { otherMethods: otherThan(found.anyRoute, m), suggestions: [] };
    return this.miss(m, segs);
  }

  /**
   * A miss whose "did you mean" suggestions are scored over every template only
   * when first read (milliseconds each): most callers only ask whether it matched.
   */
  private miss(method: string, segs: string[]): LookupResult {
    const index = this;
    let suggestions: Operation[] | undefined;
    return {
      otherMethods: [],
      get suggestions(): Operation[] { return (suggestions ??= index.suggest(method, segs)); },
    };
  }

  // Results of the last find(); fields rather than a result object, to keep lookups allocation-free.
  private foundWithMethod?: Map<string, Route>;
  private foundAny?: Map<string, Route>;

  /** First (by literal-before-parameter priority) node with `method`, and the first node with any route. */
  private find(segs: string[], method: string): { withMethod?: Map<string, Route>; anyRoute?: Map<string, Route> } {
    this.foundWithMethod = undefined;
    this.foundAny = undefined;
    this.visit(this.root, segs, 0, method);
    return { withMethod: this.foundWithMethod, anyRoute: this.foundAny };
  }

  private visit(node: Node, segs: string[], i: number, method: string): boolean {
    if (i === segs.length) {
      if (!node.routes) return false;
      this.foundAny ??= node.routes;
      if (node.routes.has(method)) { this.foundWithMethod = node.routes; return true; }
      return false;
    }
    const seg = segs[i];
    if (!isVariable(seg)) {
      const lit = node.literal.get(seg);
      if (lit !== undefined && this.visit(lit, segs, i + 1, method)) return true;
    }
    return node.param !== undefined && this.visit(node.param, segs, i + 1, method);
  }

  /** Closest templates by segment similarity (only computed on a miss). */
  private suggest(method: string, segs: string[], limit = 5): Operation[] {
    const scored: { score: number; op: Operation; path: string }[] = [];
    // Templates share most segments ("api", "v2", "users"...): score each pair once.
    const memo = segs.map(() => new Map<string, number>());
    for (const t of this.templates) {
      let score = -2 * Math.abs(t.segs.length - segs.length);
      const n = Math.min(t.segs.length, segs.length);
      for (let i = 0; i < n; i++) {
        let v = memo[i].get(t.segs[i]);
        if (v === undefined) { v = segmentScore(t.segs[i], segs[i]); memo[i].set(t.segs[i], v); }
        score += v;
      }
      const route = t.routes.get(method) ?? t.routes.values().next().value!;
      if (t.routes.has(method)) score += 1;
      if (score > 0) scored.push({ score, op: route.op, path: route.op.path });
    }
    scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    // Only the near-best: a distant fifth suggestion is noise.
    const best = scored.length ? scored[0].score : 0;
    return scored.filter((s) => s.score >= best - 2).slice(0, limit).map((s) => s.op);
  }
}

function segmentScore(template: string, seg: string): number {
  const tParam = template.startsWith('{');
  if (tParam) return isVariable(seg) ? 3 : 1;
  if (template === seg) return 3;
  if (isVariable(seg)) return 0;
  // Near-miss spelling ("conversation" for "conversations"): up to a quarter of the length, at most 3 edits.
  const allowed = Math.min(3, Math.max(1, Math.floor(template.length / 4)));
  return editDistance(template.toLowerCase(), seg.toLowerCase(), allowed) <= allowed ? 2 : -1;
}

/** Levenshtein distance, giving up (returning max+1) beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

function toMatch(route: Route, segs: string[]): PathMatch {
  const params: Record<string, string> = {};
  const names = route.paramNames;
  for (let i = 0; i < names.length; i++) { const name = names[i]; if (name !== undefined) params[name] = segs[i]; }
  return { operation: route.op, params };
}

function otherThan(routes: Map<string, Route>, method: string): Operation[] {
  const out: Operation[] = [];
  for (const [m, r] of routes) if (m !== method) out.push(r.op);
  return out;
}
