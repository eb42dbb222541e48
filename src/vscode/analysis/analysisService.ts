// One shared analysis per document version: the parsed requests (for hovers
// and lenses) and the lint result (for diagnostics and quick fixes). Every
// feature asks here, so a document is parsed and linted once per edit.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import { redactText } from '../../core/http';
import type { FileLintResult } from '../../core';
import { analyzeDocument, projectRootOf, type AnalysisContext, type DocumentAnalysis } from '../../core/pipeline';
import type { LogPort } from '../../core';
import type { ParsedDocument } from '../../core/sources';
import { createDocument, documentKindOf, type TextDocument as CoreDocument } from '../../core';
import { editorFiles, kindOf, toCoreDocument } from './documents';

export interface Analysis {
  version: number;
  parsed: ParsedDocument;
  result: FileLintResult;
  /** The core's analysis itself, for the core's check step. */
  core: DocumentAnalysis;
}

interface Entry { version: number; promise: Promise<Analysis | undefined>; abort: AbortController }

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  /** Project root per folder (a new .git is rare; invalidate() forgets them). */
  private readonly roots = new Map<string, Promise<string | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private reportedFailure = false;
  /** Fires when settings, workspace trust or an environment file changed: every document must be analysed again. */
  readonly onDidInvalidate = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  /** `log` is the redacting LogPort (ports.ts logPort), never the raw channel: a parse error may quote a token from the file. */
  constructor(readonly catalog: () => Catalog, private readonly log: LogPort) {
    this.listeners = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('genesysCloud') || e.affectsConfiguration('rest-client.environmentVariables')) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
    ];
  }

  /**
   * The analysis of the document's current version (undefined for documents
   * we do not check). A request for a newer version aborts the older run.
   */
  analyze(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.promise;
    hit?.abort.abort();
    const abort = new AbortController();
    const promise = this.run(doc, abort.signal);
    this.cache.set(key, { version: doc.version, promise, abort });
    return promise;
  }

  /** Every analysis is stale (settings or an environment file changed): drop them and tell the features. */
  invalidate(): void {
    this.clear();
    this.changed.fire();
  }

  forget(uri: vscode.Uri): void {
    this.cache.get(uri.toString())?.abort.abort();
    this.cache.delete(uri.toString());
  }

  /** Checks a file as saved on disk (workspace check, closed documents); not cached. */
  async analyzeFile(uri: vscode.Uri): Promise<Analysis | undefined> {
    const kind = documentKindOf(uri.fsPath);
    if (kind === 'unknown') return undefined;
    const text = await editorFiles.readText(uri.fsPath);
    if (text === undefined) return undefined;
    return this.check(uri, createDocument(uri.fsPath, text, kind), -1);
  }

  /** The core's analysis context for a document: the same options type the CLI fills in from its flags. */
  async context(uri: vscode.Uri, signal?: AbortSignal): Promise<AnalysisContext> {
    const config = vscode.workspace.getConfiguration('genesysCloud', uri);
    return {
      catalog: this.catalog(),
      files: editorFiles,
      rootDir: await this.rootFor(uri),
      httpEnvironment: config.get<string | null>('httpEnvironment') ?? undefined,
      // REST Client keeps its environments in settings; the core resolves {{variables}} from them.
      restClientEnvironments: vscode.workspace.getConfiguration('rest-client', uri).get<Record<string, Record<string, unknown>>>('environmentVariables'),
      payloadAssociations: config.get<{ glob: string; operationId: string }[]>('payloadAssociations') ?? [],
      // {{$processEnv X}} reads this machine's environment: only for workspaces the user trusts.
      processEnv: vscode.workspace.isTrusted ? process.env : {},
      signal,
    };
  }

  /** The project root env files are searched up to (the core's rule, as in the CLI), once per folder. */
  private rootFor(uri: vscode.Uri): Promise<string | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const fallback = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    if (uri.scheme !== 'file') return Promise.resolve(fallback);
    const key = path.dirname(uri.fsPath);
    let root = this.roots.get(key);
    if (!root) this.roots.set(key, root = projectRootOf(uri.fsPath, editorFiles, fallback));
    return root;
  }

  private run(doc: vscode.TextDocument, signal: AbortSignal): Promise<Analysis | undefined> {
    const kind = kindOf(doc);
    if (!kind) return Promise.resolve(undefined);
    return this.check(doc.uri, toCoreDocument(doc, kind), doc.version, signal);
  }

  private async check(uri: vscode.Uri, core: CoreDocument, version: number, signal?: AbortSignal): Promise<Analysis | undefined> {
    try {
      // Parsed once: the requests feed hovers and lenses, the findings diagnostics.
      const analysis = await analyzeDocument(core, await this.context(uri, signal));
      if (signal?.aborted) return undefined;
      return { version, parsed: analysis.parsed, result: analysis.lint, core: analysis };
    } catch (err) {
      if (signal?.aborted) return undefined;
      this.reportFailure(uri, err);
      return undefined;
    }
  }

  private clear(): void {
    this.roots.clear();
    for (const entry of this.cache.values()) entry.abort.abort();
    this.cache.clear();
  }

  private reportFailure(uri: vscode.Uri, err: unknown): void {
    const message = redactText(err instanceof Error ? err.message : String(err));
    this.log.error(`could not check ${uri.toString()}: ${message}`);
    if (this.reportedFailure) return;
    this.reportedFailure = true;
    void vscode.window.showErrorMessage(`Genesys Cloud Call Doctor could not check ${path.basename(uri.path)}: ${message}`);
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.changed.dispose();
    this.clear();
  }
}
