// "Did you mean" helpers: closest names, by the catalog's edit distance (one
// implementation, so path and name suggestions agree on what "near" means).
import { editDistance } from '../../catalog/pathIndex';

/** Candidates within a distance scaled to the name's length, best first (case-insensitive compare). */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const n = name.toLowerCase();
  const max = Math.max(1, Math.min(4, Math.floor(n.length / 3)));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = editDistance(n, c.toLowerCase(), max);
    if (d <= max) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, limit).map(([c]) => c);
}
