// The report formats the CLI offers. Pure: results in, text out.
import type { FileLintResult } from '../lintTypes';
import { formatJson } from './json';
import { formatSarif, type SarifOptions } from './sarif';
import { formatText } from './text';

export const REPORT_FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

export interface ReportOptions {
  color: boolean;
  sarif: SarifOptions;
}

export function formatReport(format: ReportFormat, files: readonly FileLintResult[], options: ReportOptions): string {
  switch (format) {
    case 'json': return formatJson(files);
    case 'sarif': return formatSarif(files, options.sarif);
    case 'text': return formatText(files, { color: options.color });
  }
}

export { summarize, type LintSummary } from './summary';
