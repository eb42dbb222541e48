// Parity between the CLI and the editor (issue 8): both answers reduced to
// comparable lines "<rule> <severity> <line>:<char>-<line>:<char>" (0-based),
// sorted, and a readable diff when they differ. Shared by the unit,
// integration and workbench parity tests (no vscode import here).
import * as fs from 'fs';
import * as path from 'path';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { analyzeDocument, projectRootOf, type AnalysisContext, type DocumentAnalysis } from '../../src/core/pipeline';
import { createDocument } from '../../src/core/text';
import type { Finding } from '../../src/core/types';
import { nodeFiles } from '../../src/node/files';

type Marked = Pick<Finding, 'rule' | 'severity' | 'range'>;

export function mark(f: Marked): string {
  const { start, end } = f.range;
  return `${f.rule} ${f.severity} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function marks(findings: readonly Marked[]): string[] {
  return findings.map(mark).sort();
}

/** What one side has and the other lacks (as multisets: a duplicate counts). */
export function difference(cli: readonly string[], editor: readonly string[]): { onlyCli: string[]; onlyEditor: string[] } {
  const rest = [...editor];
  const onlyCli: string[] = [];
  for (const m of cli) {
    const i = rest.indexOf(m);
    if (i >= 0) rest.splice(i, 1);
    else onlyCli.push(m);
  }
  return { onlyCli, onlyEditor: rest };
}

export interface ParityRow { file: string; cli: readonly string[]; editor: readonly string[] }

/** "" when every row agrees; else one block per differing file. */
export function parityReport(rows: readonly ParityRow[]): string {
  const blocks: string[] = [];
  for (const row of rows) {
    const { onlyCli, onlyEditor } = difference(row.cli, row.editor);
    if (onlyCli.length === 0 && onlyEditor.length === 0) continue;
    blocks.push([
      `${row.file}:`,
      ...onlyCli.map((m) => `  only CLI:    ${m}`),
      ...onlyEditor.map((m) => `  only editor: ${m}`),
    ].join('\n'));
  }
  return blocks.length ? `${blocks.length} of ${rows.length} file(s) differ between the CLI and the editor:\n${blocks.join('\n')}` : '';
}

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Fixture trees of the parity regression tests (relative to the repo root). */
export const ENV_TWO_UP = {
  dir: 'test/fixtures/parity/envTwoUp',
  /** The request, relative to `dir`: its env file sits two folders up. */
  request: 'a/b/request.http',
  environment: 'dev',
};
export const SESSION_TOKEN_REQUEST = 'test/fixtures/parity/sessionToken/request.http';

/** Files too big or synthetic to be a meaningful parity case. */
const SKIPPED = [/^test\/fixtures\/sarif\//];
const MAX_BYTES = 64 * 1024;

/** Of the repo-relative paths `files`, those a parity sweep should compare. */
export function paritySweepFiles(files: readonly string[]): string[] {
  return files.filter((f) => !SKIPPED.some((re) => re.test(f)) && fs.statSync(path.join(REPO_ROOT, f)).size <= MAX_BYTES);
}

/** The default of genesysCloud.payloadAssociations, as the manifest declares it (what the editor uses unless configured). */
export function defaultPayloadAssociations(): { glob: string; operationId: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } | { properties: Record<string, { default?: unknown }> }[] };
  };
  const sections = [manifest.contributes.configuration].flat();
  const setting = sections.map((s) => s.properties['genesysCloud.payloadAssociations']).find(Boolean);
  if (!setting) throw new Error('package.json declares no genesysCloud.payloadAssociations setting');
  return setting.default as { glob: string; operationId: string }[];
}

/**
 * The context the editor analyses a file with (AnalysisService.context), for
 * a window whose workspace folder is `workspaceFolder`, REST Client absent and
 * settings at their defaults but genesysCloud.httpEnvironment.
 */
export async function editorContext(file: string, o: { workspaceFolder: string; environment?: string }): Promise<AnalysisContext> {
  const files = nodeFiles(REPO_ROOT);
  return {
    catalog: defaultCatalog(),
    files,
    httpEnvironment: o.environment,
    payloadAssociations: defaultPayloadAssociations(),
    processEnv: {},
    rootDir: await projectRootOf(path.join(REPO_ROOT, file), files, o.workspaceFolder),
  };
}

/** The editor's analysis of a repo-relative file (AnalysisService.check). */
export async function editorAnalysis(file: string, o: { workspaceFolder: string; environment?: string }): Promise<DocumentAnalysis> {
  const abs = path.join(REPO_ROOT, file);
  return analyzeDocument(createDocument(abs, fs.readFileSync(abs, 'utf8')), await editorContext(file, o));
}
