// A small flag parser shared by login, logout and token:
// "--name value", "--name=value", boolean "--flag", "--no-flag".

export interface FlagSpec { values: readonly string[]; booleans: readonly string[] }

export type ParsedFlags = { values: Record<string, string>; booleans: Set<string>; rest: string[] } | { error: string };

export function parseFlags(args: readonly string[], spec: FlagSpec): ParsedFlags {
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
