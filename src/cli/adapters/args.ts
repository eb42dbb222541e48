// A small flag parser shared by the commands (check, explain, login, logout,
// token): "--name value", "--name=value", boolean "--flag", "--no-flag".

export interface FlagSpec { values: readonly string[]; booleans: readonly string[] }

type ParsedFlags = { values: Record<string, string>; booleans: Set<string>; rest: string[] } | { error: string };

function parseFlags(args: readonly string[], spec: FlagSpec): ParsedFlags {
  const values: Record<string, string> = {};
  const booleans = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h') { booleans.add('help'); continue; }
    if (!arg.startsWith('--')) { rest.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    if (spec.booleans.includes(name)) {
      if (eq > 0) return { error: `--${name} takes no value.` };
      booleans.add(name);
      continue;
    }
    if (!spec.values.includes(name)) return { error: `unknown option '--${name}'.` };
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { error: `--${name} needs a value.` };
    values[name] = value;
  }
  return { values, booleans, rest };
}

export type CommandFlags = { values: Record<string, string>; booleans: Set<string>; rest: string[]; usage: (msg: string) => number };

/**
 * parseFlags as every command starts: a usage error prints the message and the
 * help to stderr (exit code 2), --help / -h prints the help to stdout (0). Either
 * way the command is done and gets the exit code; otherwise it gets the flags and
 * `usage` for its own checks.
 */
export function commandFlags(
  command: string, help: string, args: readonly string[], spec: FlagSpec, io: { stdout: (t: string) => void; stderr: (t: string) => void },
): CommandFlags | number {
  const usage = (msg: string) => { io.stderr(`call-doctor ${command}: ${msg}\n\n${help}`); return 2; };
  const parsed = parseFlags(args, spec);
  if ('error' in parsed) return usage(parsed.error);
  if (parsed.booleans.has('help')) { io.stdout(help); return 0; }
  return { ...parsed, usage };
}
