// Path helpers for files reached through FilesPort (native paths, as the
// CLI and the VS Code adapter pass `fsPath`).
import * as nodePath from 'path';

export function dirOf(path: string): string { return nodePath.dirname(path); }

/** `rel` against `dir`; an absolute `rel` stays as it is. */
export function joinPath(dir: string, rel: string): string {
  return nodePath.isAbsolute(rel) ? nodePath.normalize(rel) : nodePath.join(dir, rel);
}

/** `start`, then its parents up to and including `root`. Only `start` when root is absent or not an ancestor. */
export function ancestorsUpTo(start: string, root: string | undefined): string[] {
  const dirs = [nodePath.normalize(start)];
  if (!root) return dirs;
  const stop = nodePath.resolve(root);
  const rel = nodePath.relative(stop, nodePath.resolve(start));
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return dirs;
  let dir = dirs[0];
  while (nodePath.resolve(dir) !== stop) {
    const parent = nodePath.dirname(dir);
    if (parent === dir) break;
    dirs.push(parent);
    dir = parent;
  }
  return dirs;
}

/** `path` relative to `root` with forward slashes (for globs); the path itself when outside root. */
export function relativeForGlob(path: string, root: string | undefined): string {
  const p = root ? nodePath.relative(root, path) : path;
  const usable = root && !p.startsWith('..') && !nodePath.isAbsolute(p) ? p : path;
  return usable.split(nodePath.sep).join('/');
}

/** False for unsaved documents ("untitled:Untitled-1") and other non-file paths: nothing is read beside them. */
export function isFilePath(path: string): boolean { return nodePath.isAbsolute(path); }
