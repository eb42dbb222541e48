// Machine-readable report (`--format json`), version 1. Positions stay 0-based,
// exactly as in the core and the LSP; consumers convert if they need to.
import type { FileLintResult, RequestSummary } from '../lintTypes';
import type { Finding, Fix, Range } from '../types';
import { displayPath, safeText, sortFiles, sortFindings, summarize, type LintSummary } from './summary';

export interface JsonReport {
  version: 1;
  files: JsonFile[];
  summary: LintSummary;
}

export interface JsonFile {
  path: string;
  requests: RequestSummary[];
  findings: JsonFinding[];
  /** What could not be read or parsed around the file (env files, includes); not findings, not counted. */
  problems: { message: string; range?: Range; path?: string }[];
}

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  range: Range;
  request: number | null;
  pointer: string | null;
  fixes: Fix[];
  source: { ref: string; verified: boolean; url?: string };
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function toJsonFinding(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: safeText(f.message),
    range: copyRange(f.range),
    request: f.request ?? null,
    pointer: f.pointer ?? null,
    fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: copyRange(e.range), newText: e.newText })) })),
    source: { ref: f.source.ref, verified: f.source.verified, ...(f.source.url ? { url: f.source.url } : {}) },
  };
}

export function toJsonReport(files: readonly FileLintResult[]): JsonReport {
  return {
    version: 1,
    files: sortFiles(files).map((file) => ({
      path: displayPath(file.path),
      requests: file.requests.map((r) => ({
        index: r.index, name: r.name, method: r.method, url: safeText(r.url),
        operation: r.operation ? { id: r.operation.id, method: r.operation.method, path: r.operation.path } : null,
      })),
      findings: sortFindings(file.findings).map(toJsonFinding),
      problems: (file.problems ?? []).map((p) => ({
        message: safeText(p.message),
        ...(p.range ? { range: copyRange(p.range) } : {}),
        ...(p.path ? { path: displayPath(p.path) } : {}),
      })),
    })),
    summary: summarize(files),
  };
}

export function formatJson(files: readonly FileLintResult[]): string {
  return `${JSON.stringify(toJsonReport(files), null, 2)}\n`;
}
