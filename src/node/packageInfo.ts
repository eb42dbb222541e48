// The installed package's root and version (for reports and rule links).
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from './paths';

export interface PackageInfo { root: string; version: string }

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  const root = packageRoot();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string };
  return (cached = { root, version: pkg.version ?? '0.0.0' });
}
