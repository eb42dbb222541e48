// `call-doctor lint <paths...>`: checks .http/.rest request files, JSON payloads
// and SDK code against the catalog, offline. Exit 0 = no errors, 1 = errors
// found, 2 = usage or I/O problem (nothing is reported as clean that was not read).
import * as fs from 'fs';
import * as path from 'path';
import type { FileLintResult } from '../../core';
import { formatReport, isReportFormat, REPORT_FORMATS, summarize, sarifOptions, type ReportFormat } from '../../core/report';
import { createLintEngine, type LintEngine, type LintEngineOptions } from '../engine';
import { packageInfo } from '../../node/packageInfo';
import { collectFiles, LINTABLE_EXTENSIONS } from '../../node/walk';
import type { CliCommand, CliIo } from './types';

const USAGE = 'lint <paths...> [--format text|json|sarif] [--env NAME]';
const HELP = `Usage: call-doctor ${USAGE}

Checks Genesys Cloud API requests without sending them: .http/.rest files,
JSON payloads and JS/TS code using the official SDK. Directories are walked
for ${LINTABLE_EXTENSIONS.join(', ')} files (node_modules, .git and .gitignore'd files are skipped).

Options:
  --format text|json|sarif   output format (default: text)
  --env NAME                 environment of http-client.env.json / rest-client to resolve {{variables}}
  -h, --help                 this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.
`;

export interface LintArgs { paths: string[]; format: ReportFormat; environment?: string; help: boolean }

export function parseLintArgs(args: readonly string[]): LintArgs | { error: string } {
  const parsed: LintArgs = { paths: [], format: 'text', help: false };
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') { parsed.paths.push(arg); continue; }
    if (arg === '--') { onlyPaths = true; continue; }
    if (arg === '-h' || arg === '--help') { parsed.help = true; continue; }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag !== '--format' && flag !== '--env') return { error: `unknown option '${flag}'.` };
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { error: `${flag} needs a value.` };
    if (flag === '--format') {
      if (!isReportFormat(value)) return { error: `unknown format '${value}'; use one of ${REPORT_FORMATS.join(', ')}.` };
      parsed.format = value;
    } else {
      parsed.environment = value;
    }
  }
  if (!parsed.help && parsed.paths.length === 0) return { error: 'give at least one file or directory, e.g. `call-doctor lint examples`.' };
  return parsed;
}

/** Forward-slash path relative to the working directory, as every report shows it. */
export function displayPathFor(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? path.basename(abs) : rel).split(path.sep).join('/');
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; results[i] = await task(items[i]); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export type EngineFactory = (options: LintEngineOptions) => Promise<LintEngine>;

export async function runLint(args: readonly string[], io: CliIo, makeEngine: EngineFactory = createLintEngine): Promise<number> {
  const parsed = parseLintArgs(args);
  if ('error' in parsed) {
    io.stderr(`call-doctor lint: ${parsed.error}\n\n${HELP}`);
    return 2;
  }
  if (parsed.help) { io.stdout(HELP); return 0; }

  const { files, problems } = await collectFiles(parsed.paths, io.cwd);
  if (problems.length > 0) {
    io.stderr(problems.map((p) => `call-doctor lint: ${p}\n`).join(''));
    return 2;
  }
  if (files.length === 0) {
    io.stderr(`call-doctor lint: no ${LINTABLE_EXTENSIONS.join('/')} files found in ${parsed.paths.join(', ')} (after .gitignore). Name a file or another directory.\n`);
    return 2;
  }

  let engine: LintEngine;
  try {
    engine = await makeEngine({ cwd: io.cwd, environment: parsed.environment, processEnv: io.env });
  } catch (err) {
    io.stderr(`call-doctor lint: cannot load the API catalog: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }

  const ioErrors: string[] = [];
  const outcomes = await mapLimited(files, 16, async (abs): Promise<FileLintResult | undefined> => {
    const shown = displayPathFor(abs, io.cwd);
    let text: string;
    try {
      text = await fs.promises.readFile(abs, 'utf8');
    } catch (err) {
      ioErrors.push(`${shown}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)}). Check that it exists and is readable.`);
      return undefined;
    }
    try {
      const result = await engine.lintFile(abs, text);
      const problems = result.problems?.map((p) => (p.path ? { ...p, path: displayPathFor(path.resolve(io.cwd, p.path), io.cwd) } : p));
      return { ...result, path: shown, ...(problems ? { problems } : {}) };
    } catch (err) {
      ioErrors.push(`${shown}: internal error while linting (${err instanceof Error ? err.message : String(err)}). Please report it with this file.`);
      return undefined;
    }
  });
  const results = outcomes.filter((r): r is FileLintResult => r !== undefined);

  const { root, version } = packageInfo();
  io.stdout(formatReport(parsed.format, results, {
    color: io.env.NO_COLOR === undefined && io.stdoutIsTTY === true,
    sarif: sarifOptions({ toolVersion: version, packageRoot: root, cwd: io.cwd }),
  }));
  if (ioErrors.length > 0) {
    io.stderr(ioErrors.sort().map((e) => `call-doctor lint: ${e}\n`).join(''));
    return 2;
  }
  return summarize(results).errors > 0 ? 1 : 0;
}

export const lintCommand: CliCommand = {
  name: 'lint',
  usage: USAGE,
  summary: 'Check .http/.rest files, JSON payloads and SDK code offline',
  run: (args, io) => runLint(args, io),
};
