// Serves genesys-call-doctor://schemas/<Model>.json, so a payload file's
// "$schema" id resolves in VS Code's JSON language features to the body-model
// schema generated from the SDK (completion and validation for free).
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import { modelFromSchemaRef, SCHEMA_SCHEME } from '../../core/catalog';
import { Disposer } from '../disposer';

export class SchemaContentProvider extends Disposer implements vscode.TextDocumentContentProvider {
  constructor(private readonly catalog: () => Catalog) {
    super();
    this.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEMA_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const model = modelFromSchemaRef(uri.toString());
    const schema = model ? this.catalog().schema(model) : undefined;
    if (!schema) {
      throw new Error(`${uri.toString()} names no body model of the Genesys Cloud catalog (expected ${SCHEMA_SCHEME}://schemas/<Model>.json, e.g. CreateCallRequest.json)`);
    }
    return JSON.stringify(schema, null, 2);
  }
}
