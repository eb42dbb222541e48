// call-doctor: command-line entry point. Each command lives in its own file
// under src/cli/commands and shares the core with the VS Code extension.
const USAGE = `Usage: call-doctor <command> [options]

Commands:
  lint <paths...> [--format text|json|sarif]   offline checks of .http/.rest/.json/.jsonc/.js/.ts files
`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  process.stderr.write(`call-doctor: unknown command '${command}'.\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`call-doctor: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
