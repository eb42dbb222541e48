// "Did you mean" helpers: edit distance with an early exit, and closest names.

export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

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
