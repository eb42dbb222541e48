// Locates files shipped with the package (data/) at run time, whether running
// from src/ (ts), out/ (tests), or dist/ (bundles): walk up from __dirname to
// the package.json whose name is ours.
import * as fs from 'fs';
import * as path from 'path';

export const PACKAGE_NAME = 'genesys-cloud-call-doctor';

let cached: string | undefined;

export function packageRoot(start: string = __dirname): string {
  if (cached && start === __dirname) return cached;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
          if (start === __dirname) cached = dir;
          return dir;
        }
      } catch { /* unreadable package.json: keep walking */ }
    }
    if (path.dirname(dir) === dir) throw new Error(`could not find the ${PACKAGE_NAME} package root above ${start}`);
  }
}

/** data/<...parts> under the package root. */
export function dataPath(...parts: string[]): string {
  return path.join(packageRoot(), 'data', ...parts);
}
