// Shared helpers for the report formatters: counting, ordering, display paths.
// Pure functions: the formatters must give the same output for the same input.
import type { FileLintResult } from '../lintTypes';
import { redactText } from '../http/redact';
import type { Finding, Severity } from '../types';

export interface LintSummary { errors: number; warnings: number; infos: number }

export function summarize(files: readonly FileLintResult[]): LintSummary {
  const summary: LintSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const f of file.findings) {
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

/** Forward slashes everywhere, so reports read the same on Windows and in CI. */
export function displayPath(p: string): string {
  return p.replace(/\\/g, '/');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order: by position, then severity, then rule id. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || compareStrings(a.rule, b.rule)
    || compareStrings(a.message, b.message));
}

/** Files by display path (code-point order, so the order never depends on the locale). */
export function sortFiles(files: readonly FileLintResult[]): FileLintResult[] {
  return [...files].sort((a, b) => compareStrings(displayPath(a.path), displayPath(b.path)));
}

/** Code-point order: unlike localeCompare, the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Reports are pasted into CI logs and issues: strip anything shaped like a credential. */
export function safeText(text: string): string {
  return redactText(text);
}
