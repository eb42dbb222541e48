// What a command gets and gives: its I/O as functions (so tests can run
// commands in-process and read what they print) and an exit code.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Standard input as text (for `explain -`); undefined when not available. */
  readStdin: () => Promise<string>;
  /** True when stdout is a terminal (colours only then); absent = not a terminal. */
  stdoutIsTTY?: boolean;
}

export interface CliCommand {
  name: string;
  /** One usage line, e.g. "lint <paths...> [--format text|json|sarif]". */
  usage: string;
  summary: string;
  /** Returns the process exit code: 0 ok, 1 problems found, 2 usage or I/O error. */
  run(args: string[], io: CliIo): Promise<number>;
}
