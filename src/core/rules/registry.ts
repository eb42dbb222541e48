// The one registry of every rule id a finding can carry: the lint rules
// (each declares its entry in its own file) and the live checks' rules
// (declared next to LIVE_RULES in src/core/live/finding.ts). Reports read
// rule titles, help, default severities and sources from here only.
import type { Rule, RuleKind, RuleMeta } from '../lintTypes';
import { LIVE_RULE_INFO, SHARED_LIVE_RULES } from '../live/finding';

export type { RuleKind, RuleMeta } from '../lintTypes';

export interface RuleInfo extends RuleMeta {
  id: string;
  kind: RuleKind;
  /** Repository-relative path of the rule's page. */
  docs: string;
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** Every rule, lint rules first (in their order), then the live-only rules. Throws on a duplicate or a dangling shared id. */
export function buildRegistry(offline: readonly Rule[]): readonly RuleInfo[] {
  const shared = new Set<string>(SHARED_LIVE_RULES);
  const out: RuleInfo[] = offline.map((r) => ({
    id: r.id, title: r.title, defaultSeverity: r.defaultSeverity, help: r.help, source: r.source,
    kind: shared.has(r.id) ? 'both' : 'offline', docs: docsPath(r.id),
  }));
  for (const id of shared) {
    if (!offline.some((r) => r.id === id)) throw new Error(`live rule ${id} is declared as shared with a lint rule that does not exist`);
  }
  for (const [id, meta] of Object.entries(LIVE_RULE_INFO)) out.push({ id, ...meta, kind: 'live', docs: docsPath(id) });
  const seen = new Set<string>();
  for (const r of out) {
    if (seen.has(r.id)) throw new Error(`rule id ${r.id} is registered twice`);
    seen.add(r.id);
  }
  return out;
}
