// The lint engine as the CLI uses it: the package's catalog, every rule, and
// file access on the local disk. Kept apart from the command so tests can
// drive `runLint` with a fake engine.
import { defaultCatalog } from '../../core/catalog/catalog';
import { lintText } from '../../core/lint';
import type { FileLintResult } from '../../core/lintTypes';
import { nodeFiles } from './files';

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
  return {
    lintFile: (absPath, text) => lintText(absPath, text, {
      catalog, files, environment: options.environment, processEnv: options.processEnv,
    }),
  };
}
