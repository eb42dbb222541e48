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

if (require.main === module || process.argv[1]?.endsWith('call-doctor.js')) {
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
