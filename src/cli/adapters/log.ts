// LogPort for the CLI: warnings and errors to stderr, debug only with --verbose.
import type { LogPort } from '../../core';

export function cliLog(write: (text: string) => void, verbose = false): LogPort {
  return {
    debug: (m) => { if (verbose) write(`debug: ${m}\n`); },
    info: (m) => write(`${m}\n`),
    warn: (m) => write(`warning: ${m}\n`),
    error: (m) => write(`error: ${m}\n`),
  };
}
