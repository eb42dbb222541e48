// Hovers: the explanation of a finding under the cursor, the operation a
// request line calls (permissions, scopes, provenance; when signed in, ✓/✗
// for the current user from the cached token report), and the schema of a
// body field of a known model.
import * as jsonc from 'jsonc-parser';
import * as vscode from 'vscode';
import { OPEN_FACTS_COMMAND } from '../../shared/protocol';
import type { Session } from '../../core/auth';
import type { Operation } from '../../core/catalog';
import { markRequirements } from '../../core/token';
import type { ParsedRequest } from '../../core/sources';
import type { Range } from '../../core';
import type { Analysis, AnalysisService } from '../analysis/analysisService';
import { toRange } from '../diagnostics/convert';
import { Disposer } from '../disposer';
import { SELECTOR } from '../analysis/documents';
import { accessMarkdown, fieldMarkdown, findingMarkdown, operationMarkdown, schemaAt } from './hoverContent';
import type { TokenReports } from '../tree/tokenReports';

/** Who is signed in, for the ✓/✗ part; absent in hovers without sign-in support. */
export interface HoverAccess {
  reports: TokenReports;
  sessionFor(url: string): Promise<Session | undefined>;
}

function contains(r: Range, p: vscode.Position): boolean {
  return toRange(r).contains(p);
}

export class HoverProvider extends Disposer implements vscode.HoverProvider {
  constructor(private readonly analysis: AnalysisService, private readonly access?: HoverAccess) {
    super();
    this.subscriptions.push(vscode.languages.registerHoverProvider(SELECTOR, this));
  }

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const analysis = await this.analysis.analyze(doc);
    if (!analysis) return undefined;
    const sections: string[] = analysis.result.findings.filter((f) => contains(f.range, pos)).map(findingMarkdown);
    const req = analysis.parsed.requests.find((r) => contains(r.range, pos) || (r.body && contains(r.body.range, pos)));
    const op = req && this.operationOf(analysis, req);
    if (req && op && (contains(req.methodRange, pos) || contains(req.urlRange, pos) || (req.association && contains(req.association.range, pos)))) {
      sections.push(operationMarkdown(op));
      const mine = await this.accessSection(op, req.url);
      if (mine) sections.push(mine);
    } else if (req && op) {
      const field = this.fieldHover(analysis, req, op, pos);
      if (field) sections.push(field);
    }
    if (sections.length === 0) return undefined;
    const md = new vscode.MarkdownString(sections.join('\n\n---\n\n'));
    // Source links run "Open Facts Reference"; no other command is trusted.
    md.isTrusted = { enabledCommands: [OPEN_FACTS_COMMAND] };
    return new vscode.Hover(md);
  }

  /** The operation the core resolved the request to (same answer as the lint rules). */
  private operationOf(analysis: Analysis, req: ParsedRequest): Operation | undefined {
    const id = analysis.result.requests.find((r) => r.index === req.index)?.operation?.id;
    return id ? this.analysis.catalog().byId(id) : undefined;
  }

  /** ✓/✗ of what the operation needs, for the session the request would run with; undefined when signed out. */
  private async accessSection(op: Operation, url: string): Promise<string | undefined> {
    const session = await this.access?.sessionFor(url);
    if (!session || !this.access) return undefined;
    const who = `${session.account?.name ?? session.clientId ?? session.grant} @ ${session.environment.name}`;
    try {
      const [report, requiredScopes] = await Promise.all([this.access.reports.get(session), this.access.reports.requiredScopes(session, op)]);
      return accessMarkdown(markRequirements(op, report, { requiredScopes }), who);
    } catch (err) {
      return `**For ${who}:** could not determine (the token could not be read: ${err instanceof Error ? err.message : String(err)})`;
    }
  }

  private fieldHover(analysis: Analysis, req: ParsedRequest, op: Operation, pos: vscode.Position): string | undefined {
    const body = req.body;
    const model = op.bodyModel;
    if (!body || body.kind !== 'json' || !model || !contains(body.range, pos)) return undefined;
    const offset = analysis.parsed.doc.offsetAt({ line: pos.line, character: pos.character }) - body.offset;
    const location = jsonc.getLocation(body.text, offset);
    if (location.path.length === 0) return undefined;
    const catalog = this.analysis.catalog();
    const root = catalog.schema(model);
    const field = root && schemaAt(root, location.path);
    if (!field) return undefined;
    const m = catalog.manifest;
    return `${fieldMarkdown(model, location.path, field)}\n\nSchema: \`${m.sdkPackage ?? 'SDK'}@${m.sdkVersion}\``;
  }
}
