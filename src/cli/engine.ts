// The lint engine as the CLI uses it: the package's catalog, every rule, and
// file access on the local disk. Kept apart from the command so tests can
// drive `runLint` with a fake engine.
import { defaultCatalog } from '../core/catalog';
import { analyzeText, projectRootOf } from '../core/pipeline';
import type { FileLintResult } from '../core';
import { nodeFiles } from '../node/files';
import * as path from 'path';

export interface LintEngineOptions {
  cwd: string;
  environment?: string;
  processEnv?: Record<string, string | undefined>;
}

export interface LintEngine {
  /** Lints one file; `absPath` is used to find env files and body includes next to it. */
  lintFile(absPath: string, text: string): Promise<FileLintResult>;
}

export async function createLintEngine(options: LintEngineOptions): Promise<LintEngine> {
  const catalog = defaultCatalog();
  // Touch the data now so a missing catalog is one clear error, not one per file.
  void catalog.manifest;
  catalog.operations();
  const files = nodeFiles(options.cwd);
  // Env files are searched up to the project root, as in the editor; one lookup per folder.
  const roots = new Map<string, Promise<string | undefined>>();
  const rootFor = (absPath: string) => {
    const dir = path.dirname(absPath);
    let root = roots.get(dir);
    if (!root) roots.set(dir, root = projectRootOf(absPath, files, options.cwd));
    return root;
  };
  return {
    lintFile: async (absPath, text) => (await analyzeText(absPath, text, {
      catalog, files, rootDir: await rootFor(absPath), httpEnvironment: options.environment, processEnv: options.processEnv,
    })).lint,
  };
}
