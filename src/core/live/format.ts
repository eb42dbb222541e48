// Plain-text rendering of a Call Doctor run, for the CLI and the demo.
import { cachedLabel } from '../http/cache';
import { redactText } from '../http/redact';
import type { Evidence } from '../types';
import type { DoctorResult } from './types';

const MARK: Record<string, string> = { pass: 'PASS   ', fail: 'FAIL   ', unknown: 'UNKNOWN', skipped: 'skipped' };

/** "(3 ms)" for an answer asked now, "(cached, 2 min old)" for one from the session's cache. */
export function evidenceTiming(e: Pick<Evidence, 'durationMs' | 'cached' | 'ageMs'>): string {
  if (e.cached) return ` (${cachedLabel(e.ageMs ?? 0)})`;
  return e.durationMs !== undefined ? ` (${e.durationMs} ms)` : '';
}

/** ", 5 from cache (up to 2 min old)" when some lookups were not asked now. */
export function cachedCallsNote(r: Pick<DoctorResult, 'calls'>): string {
  const cached = r.calls.filter((c) => c.cached);
  if (!cached.length) return '';
  const oldest = Math.max(...cached.map((c) => c.ageMs ?? 0));
  return `, ${cached.length} from cache (up to ${cachedLabel(oldest).replace(/^cached, /, '')})`;
}

export function formatDoctorText(r: DoctorResult, o: { label?: string; evidence?: boolean; secrets?: string[] } = {}): string {
  const lines: string[] = [];
  const where = [r.org?.name ? `org ${r.org.name}` : undefined, `environment ${r.environment}${r.region ? ` (${r.region})` : ''}`,
    r.account?.name ? `as ${r.account.name}${r.account.grant ? ` [${r.account.grant}]` : ''}` : undefined].filter(Boolean).join(', ');
  lines.push(`Call Doctor: ${o.label ?? `${r.operation.method} ${r.operation.path}`} (${r.operation.id})`);
  lines.push(`  ${where}`);
  if (r.unreachable) {
    lines.push('', `  could not reach ${r.unreachable.host}: ${r.unreachable.message}`,
      '  No check ran: the API did not answer the first lookups (who you are, your grants).');
    if (r.sent) lines.push(`  Your request was not sent: ${r.sent.excerpt}`);
    lines.push('', `  Verdict: UNKNOWN  (${r.calls.length} lookups got no answer, ${r.durationMs} ms)`, '');
    return redactText(lines.join('\n'), o.secrets ?? []);
  }
  for (const c of r.checks) lines.push(`  ${MARK[c.state]}  ${c.title.padEnd(17)} ${String(c.durationMs).padStart(5)} ms  ${c.summary}`);
  for (const f of r.findings) {
    lines.push('', `  ${f.severity} ${f.rule}: ${f.message}`);
    lines.push(`    source: ${f.source.ref}${f.source.verified ? '' : ' (UNVERIFIED)'}`);
    if (o.evidence !== false) for (const e of f.evidence ?? []) lines.push(`    evidence: ${e.request} -> ${e.status}${evidenceTiming(e)}: ${e.excerpt}`);
  }
  if (r.sent) {
    lines.push('', r.sent.status === 'error' ? `  Your request was not sent or got no answer: ${r.sent.excerpt}` : `  Your request was sent once: ${r.sent.status}`);
    if (r.sent.explanation) lines.push(`    cause: ${r.sent.explanation.cause}`, `    fix: ${r.sent.explanation.fix}`);
  }
  lines.push('', `  Verdict: ${r.verdict.toUpperCase()}  (${r.calls.length} read-only lookups${cachedCallsNote(r)}, ${r.criticalPath} sequential round trips, ${r.durationMs} ms)`, '');
  return redactText(lines.join('\n'), o.secrets ?? []);
}
