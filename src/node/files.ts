// FilesPort over the local file system, for env files and `< ./body.json` includes.
import * as fs from 'fs';
import * as path from 'path';
import type { FilesPort } from '../core';

/** Relative paths are resolved from `cwd`; a missing or unreadable file reads as undefined (the rules report it). */
export function nodeFiles(cwd: string): FilesPort {
  return {
    async readText(p: string): Promise<string | undefined> {
      try {
        return await fs.promises.readFile(path.resolve(cwd, p), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
