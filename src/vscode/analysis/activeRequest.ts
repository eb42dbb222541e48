// Which request the user is working on: the one under the cursor of the
// active .http/.rest editor, or the payload of a JSON payload file. Fires
// when that changes, so the token tree can mark what it needs.
import * as vscode from 'vscode';
import type { Operation } from '../../core/catalog';
import type { AnalysisService } from './analysisService';
import { Disposer } from '../disposer';

export interface ActiveRequest {
  uri: vscode.Uri;
  requestIndex: number;
  method: string;
  url: string;
  /** Undefined when the request is no known operation. */
  operation?: Operation;
}

const SETTLE_MS = 150;

export class ActiveRequestTracker extends Disposer {
  private current: ActiveRequest | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<ActiveRequest | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly analysis: AnalysisService) {
    super();
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.onDidChangeTextEditorSelection(() => this.schedule(SETTLE_MS)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === vscode.window.activeTextEditor?.document) this.schedule(SETTLE_MS); }),
      analysis.onDidInvalidate(() => this.schedule(0)),
      { dispose: () => clearTimeout(this.timer) },
    );
    this.schedule(0);
  }

  get request(): ActiveRequest | undefined { return this.current; }

  /** Recomputes now (tests and the tree's first render use it). */
  async update(): Promise<ActiveRequest | undefined> {
    const editor = vscode.window.activeTextEditor;
    const next = editor ? await this.requestAt(editor.document, editor.selection.active) : undefined;
    const same = next?.uri.toString() === this.current?.uri.toString() && next?.requestIndex === this.current?.requestIndex
      && next?.operation?.id === this.current?.operation?.id;
    this.current = next;
    if (!same) this.changed.fire(next);
    return next;
  }

  async requestAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<ActiveRequest | undefined> {
    const analysis = await this.analysis.analyze(doc);
    if (!analysis) return undefined;
    const reqs = analysis.parsed.requests;
    // A payload file holds one request: it counts wherever the cursor is.
    const req = reqs.find((r) => pos.line >= r.range.start.line && pos.line <= r.range.end.line) ?? (reqs.length === 1 && reqs[0].association ? reqs[0] : undefined);
    if (!req) return undefined;
    const id = analysis.result.requests.find((r) => r.index === req.index)?.operation?.id;
    return { uri: doc.uri, requestIndex: req.index, method: req.method, url: req.url, operation: id ? this.analysis.catalog().byId(id) : undefined };
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }
}
