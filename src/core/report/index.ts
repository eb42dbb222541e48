// The report formats the CLI offers. Pure: results in, text out.
import { pathToFileURL } from 'url';
import type { FileLintResult } from '../lintTypes';
import { formatJson } from './json';
import { formatSarif, type SarifOptions } from './sarif';
import { formatText } from './text';

export type { SarifOptions } from './sarif';

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

/**
 * SARIF options for a run of the CLI (`lint` or `check`): rule help links into
 * the installed package's docs/rules, result paths relative to `cwd`. Rule
 * descriptors come from the rule registry, so there is nothing else to pass.
 */
export function sarifOptions(where: { toolVersion: string; packageRoot: string; cwd: string }): SarifOptions {
  return { toolVersion: where.toolVersion, docsBaseUri: directoryUri(where.packageRoot), srcRootUri: directoryUri(where.cwd) };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export { summarize, type LintSummary } from './summary';
export { toJsonReport } from './json';
export { renderMarkdown, renderPartialMarkdown, type PartialDiagnosis } from './markdown';
