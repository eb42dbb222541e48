// Runs `call-doctor <args>` in-process, as the tests of the CLI do: output is
// captured instead of printed, and the environment is only what the test
// gives (nothing inherited from the machine running the tests).
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/commands/types';

export interface CliRun { code: number; out: string; err: string }

export interface CliRunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Called after each stderr write with all stderr so far (to react to prompts). */
  onStderr?: (all: string) => void;
}

export async function runCli(args: string[], options: CliRunOptions): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => { out += t; },
    stderr: (t) => { err += t; options.onStderr?.(err); },
    cwd: options.cwd, env: options.env ?? {}, readStdin: async () => options.stdin ?? '',
  };
  const code = await main(args, io);
  return { code, out, err };
}
