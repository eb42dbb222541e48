// Runs every offline rule over a parsed document and returns the findings
// sorted by position with a summary of each request and the operation it
// resolves to. Front ends do not call this directly: they call the
// pipeline's analyzeDocument (src/core/pipeline), which parses and lints once.
import { knowledgeFor } from './knowledge';
import type { FileLintResult, LintOptions, RequestSummary, Rule, RuleContext } from './lintTypes';
import { RULES } from './rules';
import { requestFacts } from './rules/support/request';
import type { ParsedDocument } from './sources/types';
import type { Finding, Position } from './types';

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
