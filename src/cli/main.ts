// call-doctor: command-line entry point. Each command lives in its own file
// under src/cli/commands and shares the core with the VS Code extension.
import { ensureNodeData } from '../node/data';
import { COMMANDS } from './commands';
import type { CliIo } from './commands/types';

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return `Usage: call-doctor <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  ensureNodeData();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`call-doctor: unknown command '${name}'.\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, io);
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { text += chunk; });
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

/** Exit status of a run cut off by a closed pipe: what the shell reports for a tool ended by SIGPIPE (128 + 13). */
export const EXIT_CLOSED_PIPE = 141;

/**
 * `call-doctor … | head`: once the reader is gone there is no one to tell anything,
 * so the run ends at once without a stack trace, as a SIGPIPE ends other tools
 * (Node ignores SIGPIPE, so the write fails with EPIPE instead).
 */
function exitOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT_CLOSED_PIPE);
    throw err;
  });
}

/** Runs the CLI in this process with its arguments and standard streams; sets the exit code. */
export function runProcess(): void {
  exitOnClosedPipe(process.stdout);
  exitOnClosedPipe(process.stderr);
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    readStdin,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
  main(process.argv.slice(2), io).then((code) => { process.exitCode = code; }, (err) => {
    io.stderr(`call-doctor: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
}

// `node dist/cli.js`; bin/call-doctor.js calls runProcess() itself, because npm's
// bin link (`call-doctor`, no .js) is what argv[1] names then.
if (require.main === module) runProcess();
