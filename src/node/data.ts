// The core's DataPort over the installed package's data/ folder (found from
// this file's location, so it works from src/, out/ and dist/ alike).
import * as fs from 'fs';
import * as path from 'path';
import { hasDataPort, installDataPort, type DataPort } from '../core';
import { packageRoot } from './paths';

/** Reads data files below `dataDir` (default: <package root>/data); absolute paths as they are. */
export function nodeDataPort(dataDir: string = path.join(packageRoot(), 'data')): DataPort {
  const abs = (p: string) => path.resolve(dataDir, p);
  return {
    readText(p) {
      try {
        return fs.readFileSync(abs(p), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    where: (p) => abs(p),
  };
}

/** Installs the package's data as the core's data source, unless one is installed already. */
export function ensureNodeData(): void {
  if (!hasDataPort()) installDataPort(nodeDataPort());
}
