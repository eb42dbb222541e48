// Which editor documents the core understands, and how they are handed to it.
import * as vscode from 'vscode';
import { createDocument } from '../../core';
import type { DocumentKind } from '../../core/sources';
import type { TextDocument as CoreDocument } from '../../core';
import type { FilesPort } from '../../core';

const KIND_BY_LANGUAGE: Record<string, DocumentKind> = {
  http: 'http',
  json: 'json', jsonc: 'json',
  javascript: 'js', typescript: 'js', javascriptreact: 'js', typescriptreact: 'js',
};

/** Languages we lint; also the document selector of every provider. */
export const LANGUAGES = Object.keys(KIND_BY_LANGUAGE);
export const SELECTOR: vscode.DocumentSelector = LANGUAGES.flatMap((language) =>
  [{ language, scheme: 'file' }, { language, scheme: 'untitled' }]);

export function kindOf(doc: vscode.TextDocument): DocumentKind | undefined {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return undefined;
  return KIND_BY_LANGUAGE[doc.languageId];
}

/** The path the core reports and resolves env files/includes against. */
export function corePath(doc: vscode.TextDocument): string {
  return doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString();
}

export function toCoreDocument(doc: vscode.TextDocument, kind: DocumentKind): CoreDocument {
  return createDocument(corePath(doc), doc.getText(), kind);
}

/**
 * FilesPort over the editor: unsaved edits in open documents win over the
 * disk, so env files and body includes are checked as the user sees them.
 */
export const editorFiles: FilesPort = {
  async readText(path: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    if (open) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(path)));
    } catch {
      return undefined;
    }
  },
};
