// The one analysis step: a document's text -> its parsed requests and offline
// findings. The CLI (lint, check), the editor (diagnostics, hovers, lenses,
// quick fixes), the demo and the tests all call this, with one options type,
// so the same file gets the same answer everywhere.
import type { Catalog } from '../catalog/api';
import type { Knowledge } from '../knowledge';
import { lintParsed } from '../lint';
import type { FileLintResult } from '../lintTypes';
import { SESSION_SUPPLIED_VARIABLES } from '../live/fromRequest';
import type { FilesPort } from '../ports';
import { parseDocument } from '../sources';
import { ancestorsUpTo, dirOf, isFilePath, joinPath } from '../sources/paths';
import type { ParsedDocument, SourceDocument } from '../sources/types';
import { createDocument } from '../text';
import * as nodePath from 'path';

export interface AnalysisContext {
  catalog: Catalog;
  /** Reads env files, `.env` and body includes (the editor's port prefers unsaved edits). */
  files?: FilesPort;
  /**
   * Env files (http-client.env.json, ...) are searched from the file's folder up
   * to here. Front ends pass projectRootOf(...), so CLI and editor search alike.
   */
  rootDir?: string;
  /** Selected HTTP environment of http-client.env.json / REST Client settings. */
  httpEnvironment?: string;
  /** VS Code setting `rest-client.environmentVariables`. */
  restClientEnvironments?: Record<string, Record<string, unknown>>;
  /** For {{$processEnv X}} (the editor passes none in untrusted workspaces). */
  processEnv?: Record<string, string | undefined>;
  /** Ties JSON payload files to operations (setting genesysCloud.payloadAssociations); default DEFAULT_PAYLOAD_ASSOCIATIONS. */
  payloadAssociations?: { glob: string; operationId: string }[];
  knowledge?: Partial<Knowledge>;
  signal?: AbortSignal;
}

/**
 * The default of genesysCloud.payloadAssociations (the manifest declares the
 * same; a test keeps them equal): `*.call.json` files are CreateCallRequest bodies.
 */
export const DEFAULT_PAYLOAD_ASSOCIATIONS: readonly { glob: string; operationId: string }[] = [
  { glob: '**/*.call.json', operationId: 'postConversationsCalls' },
];

export interface DocumentAnalysis {
  parsed: ParsedDocument;
  /** Offline findings, request summaries and source problems. */
  lint: FileLintResult;
  /** What produced it (checkRequest re-analyses with another HTTP environment when it must). */
  doc: SourceDocument;
  context: AnalysisContext;
}

/**
 * Parses the document once and runs every offline rule over it. Variables the
 * signed-in session supplies at send time ({{accessToken}}) are never
 * "unresolved": the Call Doctor fills them in when it checks or sends.
 */
export async function analyzeDocument(doc: SourceDocument, context: AnalysisContext): Promise<DocumentAnalysis> {
  throwIfAborted(context.signal);
  const parsed = await parseDocument(doc, {
    catalog: context.catalog,
    files: context.files,
    rootDir: context.rootDir,
    environment: context.httpEnvironment,
    restClientEnvironments: context.restClientEnvironments,
    processEnv: context.processEnv,
    payloadAssociations: context.payloadAssociations ?? [...DEFAULT_PAYLOAD_ASSOCIATIONS],
    sendTimeNames: SESSION_SUPPLIED_VARIABLES,
  });
  throwIfAborted(context.signal);
  const lint = lintParsed(parsed, { catalog: context.catalog, knowledge: context.knowledge });
  return { parsed, lint, doc, context };
}

/** analyzeDocument for a path and its text (kind from the extension). */
export function analyzeText(path: string, text: string, context: AnalysisContext): Promise<DocumentAnalysis> {
  return analyzeDocument(createDocument(path, text), context);
}

/**
 * The project root a file's env files are searched up to: the nearest folder
 * holding `.git` (a directory, or a worktree's file), else `fallback` (the
 * editor's workspace folder, the CLI's working directory) when it contains the
 * file, else the file's own folder. Both front ends call this, so a
 * http-client.env.json two folders up is found by both or by neither.
 */
export async function projectRootOf(filePath: string, files: FilesPort | undefined, fallback?: string): Promise<string | undefined> {
  if (!isFilePath(filePath)) return fallback;
  const start = dirOf(filePath);
  if (files) {
    for (const dir of ancestorsUpTo(start, nodePath.parse(nodePath.resolve(start)).root)) {
      if (await readable(files, joinPath(dir, '.git/HEAD')) || await readable(files, joinPath(dir, '.git'))) return dir;
    }
  }
  if (fallback && ancestorsUpTo(start, fallback).length > 1) return fallback;
  if (fallback && joinPath(fallback, '.') === joinPath(start, '.')) return fallback;
  return start;
}

async function readable(files: FilesPort, path: string): Promise<boolean> {
  try { return (await files.readText(path)) !== undefined; } catch { return false; }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new Error('analysis cancelled');
}
