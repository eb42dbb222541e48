// Lints one document: parse it once (sources/*), run every rule over the
// parsed form, and return the findings sorted by position with a summary of
// each request and the operation it resolves to.
import { knowledgeFor } from './knowledge';
import type { FileLintResult, LintOptions, RequestSummary, Rule, RuleContext } from './lintTypes';
import { RULES } from './rules';
import { requestFacts } from './rules/support/request';
import { parseDocument } from './sources';
import type { ParsedDocument, SourceDocument } from './sources/types';
import { createDocument } from './text';
import type { Finding, Position } from './types';

export async function lintDocument(doc: SourceDocument, options: LintOptions): Promise<FileLintResult> {
  throwIfAborted(options.signal);
  const parsed = await parseDocument(doc, {
    files: options.files,
    environment: options.environment,
    processEnv: options.processEnv,
    payloadAssociations: options.payloadAssociations,
    catalog: options.catalog,
  });
  throwIfAborted(options.signal);
  return lintParsed(parsed, options);
}

export function lintText(path: string, text: string, options: LintOptions): Promise<FileLintResult> {
  return lintDocument(createDocument(path, text), options);
}

/** Runs the rules over an already parsed document (synchronous; tests and benches use it directly). */
export function lintParsed(parsed: ParsedDocument, options: Pick<LintOptions, 'catalog' | 'knowledge'>, rules: readonly Rule[] = RULES): FileLintResult {
  const ctx: RuleContext = { parsed, catalog: options.catalog, knowledge: knowledgeFor(options.catalog, options.knowledge) };
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      findings.push(...rule.check(ctx));
    } catch (e) {
      // A broken rule must not hide the others' findings; say it could not run.
      findings.push({
        rule: rule.id, severity: 'info', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [],
        message: `Could not determine (${rule.id} failed: ${(e as Error).message}).`,
        source: { ref: 'call-doctor', verified: false },
      });
    }
  }
  findings.sort(byPosition);
  return { path: parsed.doc.path, requests: summaries(ctx), findings, problems: parsed.problems ?? [] };
}

function summaries(ctx: RuleContext): RequestSummary[] {
  return ctx.parsed.requests.map((req) => {
    const op = requestFacts(req, ctx.catalog, ctx.parsed.doc).operation;
    return {
      index: req.index, name: req.name, method: req.method, url: req.url,
      operation: op ? { id: op.id, method: op.method, path: op.path } : null,
    };
  });
}

function cmp(a: Position, b: Position): number { return a.line - b.line || a.character - b.character; }

function byPosition(a: Finding, b: Finding): number {
  return cmp(a.range.start, b.range.start) || cmp(a.range.end, b.range.end) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new Error('lint cancelled');
}
