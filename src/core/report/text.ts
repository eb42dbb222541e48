// Human-readable report (`--format text`): `path:line:col severity rule message`,
// grouped per file, 1-based positions (what editors and terminals expect).
import type { FileLintResult } from '../lintTypes';
import type { Severity } from '../types';
import { displayPath, plural, safeText, sortFiles, sortFindings, summarize } from './summary';

export interface TextOptions {
  /** ANSI colours. The CLI decides (NO_COLOR, TTY); the formatter only obeys. */
  color: boolean;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', green: '\x1b[32m' };

const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue };

export function formatText(files: readonly FileLintResult[], options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  for (const file of sortFiles(files)) {
    const problems = file.problems ?? [];
    if (file.findings.length === 0 && problems.length === 0) continue;
    const path = displayPath(file.path);
    out.push(paint(ANSI.bold, path));
    // Source problems (unreadable env file, missing include) explain missing findings; they are not findings.
    for (const p of problems) {
      const where = p.range ? `${path}:${p.range.start.line + 1}:${p.range.start.character + 1}` : path;
      out.push(`${where} ${paint(ANSI.dim, 'problem')} ${safeText(p.message)}`);
    }
    for (const f of sortFindings(file.findings)) {
      const where = `${path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const unverified = f.source.verified ? '' : ` ${paint(ANSI.dim, '(unverified)')}`;
      out.push(`${where} ${paint(SEVERITY_COLOUR[f.severity], f.severity)} ${paint(ANSI.dim, f.rule)} ${safeText(f.message)}${unverified}`);
    }
    out.push('');
  }
  const s = summarize(files);
  const total = s.errors + s.warnings + s.infos;
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`;
  const fileCount = plural(files.length, 'file');
  out.push(paint(total === 0 ? ANSI.green : s.errors > 0 ? ANSI.red : ANSI.yellow, `${counts} in ${fileCount}.`));
  return `${out.join('\n')}\n`;
}
