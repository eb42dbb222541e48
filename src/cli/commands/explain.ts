// `call-doctor explain <file|->`: explains a Genesys error answer (a JSON
// ErrorBody, a raw HTTP response, or JSON with wrappers around the body).
import * as fs from 'fs';
import * as path from 'path';
import { explainError, formatExplanation } from '../../core/explain';
import { redactText } from '../../core/http';
import { commandFlags } from '../adapters/args';
import type { CliCommand, CliIo } from './types';

const USAGE = 'explain <file|-> [--status N] [--format text|json]';
const HELP = `Usage: call-doctor ${USAGE}

Explains a Genesys Cloud error answer: cause, fix, the permissions it names
and the correlation id (contextId) to quote to Genesys support. Accepts the
JSON error body, a raw HTTP response (status line, headers, body) or JSON
with wrappers around the body (SDK errors, logs). '-' reads standard input.

Options:
  --status N       the HTTP status, when the input does not carry it
  --format FORMAT  text (default) or json

Exit codes: 0 a known Genesys error was explained, 1 unknown or no Genesys error, 2 usage or I/O error.
`;

export async function runExplain(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandFlags('explain', HELP, args, { values: ['status', 'format'], booleans: ['help'] }, io);
  if (typeof parsed === 'number') return parsed;
  const { usage } = parsed;
  // '-' is not a flag here: parseFlags passes it through as a positional argument.
  if (parsed.rest.length !== 1) return usage('give one file, or - for standard input.');
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`unknown format '${format}'; use text or json.`);
  const status = parsed.values.status !== undefined ? Number(parsed.values.status) : undefined;
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) return usage('--status needs an HTTP status such as 403.');
  let input: string;
  try {
    input = parsed.rest[0] === '-' ? await io.readStdin() : await fs.promises.readFile(path.resolve(io.cwd, parsed.rest[0]), 'utf8');
  } catch (err) {
    io.stderr(`call-doctor explain: cannot read ${parsed.rest[0]} (${(err as NodeJS.ErrnoException).code ?? String(err)}).\n`);
    return 2;
  }
  if (!input.trim()) { io.stderr('call-doctor explain: the input is empty; paste the error answer (status, headers, JSON body).\n'); return 2; }
  const e = explainError(input, status);
  // A pasted response may carry a token (Authorization echoes, token fields): never print it.
  io.stdout(redactText(format === 'json' ? JSON.stringify(e, null, 2) + '\n' : formatExplanation(e)));
  return e.known ? 0 : 1;
}

export const explainCommand: CliCommand = {
  name: 'explain',
  usage: USAGE,
  summary: 'Explain a Genesys error answer: cause, fix, permissions, correlation id',
  run: (args, io) => runExplain(args, io),
};
