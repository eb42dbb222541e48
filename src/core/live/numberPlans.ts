// Classifying a dialed number with a site's number plans, and finding an
// outbound route for that classification (docs/facts.md#route-evaluation). This approximates
// Genesys' own evaluation (plans in priority order, first match wins), so the
// route verdict carries verified: false.
import { rec, str } from './lookups';

export interface Plan { name: string; matchType: string; match?: string; priority: number; classification?: string; digitLength?: { start?: string; end?: string }; numbers?: { start?: string; end?: string }[] }
export interface Route { name: string; enabled: boolean; state?: string; classificationTypes: string[]; siteId?: string }

export function toPlans(list: Record<string, unknown>[]): Plan[] {
  return list.map((p) => ({
    name: str(p.name) ?? str(p.id) ?? 'unnamed plan',
    matchType: str(p.matchType) ?? '',
    match: str(p.match),
    priority: typeof p.priority === 'number' ? p.priority : Number.MAX_SAFE_INTEGER,
    classification: str(p.classification),
    digitLength: rec(p.digitLength) as Plan['digitLength'],
    numbers: Array.isArray(p.numbers) ? p.numbers.map((n) => rec(n) ?? {}) as Plan['numbers'] : undefined,
  })).sort((a, b) => a.priority - b.priority);
}

export function toRoutes(list: Record<string, unknown>[]): Route[] {
  return list.map((r) => ({
    name: str(r.name) ?? str(r.id) ?? 'unnamed route',
    enabled: r.enabled !== false,
    state: str(r.state),
    classificationTypes: Array.isArray(r.classificationTypes) ? r.classificationTypes.filter((c): c is string => typeof c === 'string') : [],
    siteId: str(rec(r.site)?.id),
  }));
}

/** `true`/`false` when the plan type is understood; undefined when we cannot evaluate it. */
export function planMatches(plan: Plan, number: string): boolean | undefined {
  const digits = number.replace(/[^\d]/g, '');
  switch (plan.matchType) {
    case 'regex': {
      if (!plan.match) return false;
      let re: RegExp;
      try { re = new RegExp(plan.match); } catch { return undefined; }
      return re.test(number) || re.test(digits) || re.test(`+${digits}`);
    }
    case 'digitLength': {
      const lo = Number(plan.digitLength?.start);
      const hi = Number(plan.digitLength?.end);
      if (Number.isNaN(lo) || Number.isNaN(hi)) return undefined;
      return digits.length >= lo && digits.length <= hi;
    }
    case 'numberList':
    case 'e164NumberList':
      return (plan.numbers ?? []).some((n) => {
        const s = (n.start ?? '').replace(/[^\d]/g, '');
        const e = (n.end ?? n.start ?? '').replace(/[^\d]/g, '');
        return s.length === digits.length && digits >= s && digits <= e;
      });
    default:
      return undefined; // interCountryCode, intraCountryCode: need the site's country; not evaluated
  }
}

export interface Classification { classification?: string; plan?: string; unevaluated: string[] }

export function classify(plans: Plan[], number: string): Classification {
  const unevaluated: string[] = [];
  for (const plan of plans) {
    const m = planMatches(plan, number);
    if (m === undefined) { unevaluated.push(plan.name); continue; }
    if (m) return { classification: plan.classification, plan: plan.name, unevaluated };
  }
  return { unevaluated };
}

export function routesFor(routes: Route[], classification: string): Route[] {
  return routes.filter((r) => r.enabled && r.state !== 'deleted' && r.state !== 'inactive' && r.classificationTypes.includes(classification));
}
