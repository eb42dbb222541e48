// Finds the files `call-doctor lint` should read: named files as given, and
// directories walked for request/payload/SDK sources, honouring .gitignore at
// every level (and above the walk root up to the repository root).
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';

export const LINTABLE_EXTENSIONS: readonly string[] = ['.http', '.rest', '.json', '.jsonc', '.js', '.ts'];
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export function isLintable(file: string): boolean {
  const lower = file.toLowerCase();
  return LINTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext)) && !lower.endsWith('.d.ts');
}

/** A .gitignore and the directory its patterns are relative to. */
interface IgnoreLayer { base: string; rules: Ignore }

export interface CollectResult {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Inputs that could not be used, each with what to do about it. */
  problems: string[];
}

function toPosix(p: string): string { return p.split(path.sep).join('/'); }

async function readIgnoreLayer(dir: string): Promise<IgnoreLayer | undefined> {
  try {
    const text = await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8');
    return { base: dir, rules: ignore().add(text) };
  } catch {
    return undefined;   // no .gitignore here (or unreadable: git would ignore it too)
  }
}

/** Later (deeper) layers override earlier ones, as git does with negations. */
function isIgnored(layers: readonly IgnoreLayer[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const rel = toPosix(path.relative(layer.base, abs));
    if (!rel || rel.startsWith('..')) continue;
    const verdict = layer.rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** .gitignore files between the repository root (the nearest ancestor with .git) and `dir`, outermost first. */
async function ancestorLayers(dir: string): Promise<IgnoreLayer[]> {
  if (fs.existsSync(path.join(dir, '.git'))) return [];
  const chain: string[] = [];
  let current = path.dirname(dir);
  while (true) {
    chain.unshift(current);
    if (fs.existsSync(path.join(current, '.git'))) break;
    const parent = path.dirname(current);
    if (parent === current) return [];   // not inside a repository: no outer .gitignore applies
    current = parent;
  }
  const layers = await Promise.all(chain.map(readIgnoreLayer));
  return layers.filter((l): l is IgnoreLayer => l !== undefined);
}

async function walk(dir: string, layers: readonly IgnoreLayer[], out: string[]): Promise<void> {
  const own = await readIgnoreLayer(dir);
  const active = own ? [...layers, own] : layers;
  const entries = await fs.promises.readdir(dir, { withFileTypes: true });
  await Promise.all(entries.map(async (entry) => {
    if (ALWAYS_SKIPPED.has(entry.name)) return;
    const abs = path.join(dir, entry.name);
    // Symlinked directories are not followed (no cycles); symlinked files are read.
    const isDir = entry.isDirectory();
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await fs.promises.stat(abs).then((s) => s.isFile(), () => false)));
    if (!isDir && !isFile) return;
    if (isIgnored(active, abs, isDir)) return;
    if (isDir) await walk(abs, active, out);
    else if (isLintable(entry.name)) out.push(abs);
  }));
}

/**
 * Resolves command-line inputs against `cwd`. A named file is linted even if
 * .gitignore lists it (the user asked for it), but it must have a lintable type.
 */
export async function collectFiles(inputs: readonly string[], cwd: string): Promise<CollectResult> {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(abs);
    } catch {
      problems.push(`${input}: no such file or directory. Check the path (it is resolved from ${cwd}).`);
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      try {
        await walk(abs, await ancestorLayers(abs), found);
      } catch (err) {
        problems.push(`${input}: cannot read the directory (${(err as NodeJS.ErrnoException).code ?? String(err)}). Check its permissions.`);
        continue;
      }
      found.forEach((f) => files.add(f));
    } else if (isLintable(abs)) {
      files.add(abs);
    } else {
      problems.push(`${input}: not a file type call-doctor lints (${LINTABLE_EXTENSIONS.join(', ')}).`);
    }
  }
  return { files: [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), problems };
}
