// Environments for .http files, read through FilesPort:
// - REST Client: the `rest-client.environmentVariables` setting (passed in options).
// - JetBrains/httpYac: http-client.env.json, then http-client.private.env.json
//   (private wins), the nearest of each from the file's folder up to rootDir.
// Layers apply in that order; within the result a selected environment's value
// wins over any `$shared` value. Malformed files become problems, never throws.
import * as jsonc from 'jsonc-parser';
import type { FilesPort } from '../../ports';
import type { ParseOptions, SourceProblem } from '../types';
import { ancestorsUpTo, dirOf, isFilePath, joinPath } from '../paths';

export const ENV_FILE = 'http-client.env.json';
export const PRIVATE_ENV_FILE = 'http-client.private.env.json';

export interface LoadedEnvironment {
  envVars: Map<string, string>;
  sharedVars: Map<string, string>;
  envOnlyIn: Map<string, string[]>;
  /** Every environment name offered by any layer. */
  available: string[];
  /** Env files that were found and read. */
  files: string[];
  /** Names with a value from http-client.private.env.json (meant to be secret). */
  privateNames: Set<string>;
  problems: SourceProblem[];
}

type Layer = { label: string; envs: Record<string, Record<string, unknown>>; private?: boolean };

export async function loadEnvironment(docPath: string, options: ParseOptions): Promise<LoadedEnvironment> {
  const problems: SourceProblem[] = [];
  const layers: Layer[] = [];
  const files: string[] = [];
  if (options.restClientEnvironments) {
    layers.push({ label: 'rest-client.environmentVariables', envs: objectsOnly(options.restClientEnvironments) });
  }
  for (const name of isFilePath(docPath) ? [ENV_FILE, PRIVATE_ENV_FILE] : []) {
    const found = await findUp(options.files, dirOf(docPath), options.rootDir, name);
    if (!found) continue;
    files.push(found.path);
    const parsed = parseEnvFile(found.path, found.text);
    if ('problem' in parsed) problems.push(parsed.problem);
    else layers.push({ label: found.path, envs: parsed.envs, private: name === PRIVATE_ENV_FILE });
  }

  const envVars = new Map<string, string>();
  const sharedVars = new Map<string, string>();
  const envOnlyIn = new Map<string, string[]>();
  const available = new Set<string>();
  const privateNames = new Set<string>();
  const selected = options.environment;
  for (const layer of layers) {
    for (const [envName, vars] of Object.entries(layer.envs)) {
      if (envName !== '$shared') available.add(envName);
      for (const [k, v] of Object.entries(vars)) {
        const value = scalar(v);
        if (value === undefined) continue;    // JetBrains auth/SSL objects are not variables
        if (layer.private && (envName === '$shared' || envName === selected)) privateNames.add(k);
        if (envName === '$shared') sharedVars.set(k, value);
        else if (envName === selected) envVars.set(k, value);
        else envOnlyIn.set(k, [...new Set([...(envOnlyIn.get(k) ?? []), envName])]);
      }
    }
  }
  if (selected && !available.has(selected)) {
    const where = layers.length ? `available: ${[...available].join(', ') || '(none)'}` : `no ${ENV_FILE} or rest-client environments were found`;
    problems.push({ message: `Environment "${selected}" is not defined (${where}).` });
  }
  return { envVars, sharedVars, envOnlyIn, available: [...available], files, problems, privateNames };
}

async function findUp(files: FilesPort | undefined, start: string, rootDir: string | undefined, name: string) {
  if (!files) return undefined;
  for (const dir of ancestorsUpTo(start, rootDir)) {
    const path = joinPath(dir, name);
    let text: string | undefined;
    try { text = await files.readText(path); } catch { text = undefined; }
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

export function parseEnvFile(path: string, text: string): { envs: Record<string, Record<string, unknown>> } | { problem: SourceProblem } {
  const errors: jsonc.ParseError[] = [];
  const value = jsonc.parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    const before = text.slice(0, e.offset).split(/\r\n|\r|\n/);
    const where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
    return { problem: { path, message: `${path} is not valid JSON (${jsonc.printParseErrorCode(e.error)} at ${where}); its environments were ignored.` } };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { problem: { path, message: `${path} must contain an object of environments, e.g. { "dev": { "host": "..." } }; it was ignored.` } };
  }
  return { envs: objectsOnly(value as Record<string, unknown>) };
}

function objectsOnly(o: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = v as Record<string, unknown>;
  return out;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** `.env` next to the http file, for {{$dotenv X}}. A string result says why it is unavailable. */
export async function loadDotenv(docPath: string, files: FilesPort | undefined): Promise<Map<string, string> | string> {
  if (!isFilePath(docPath)) return `cannot read a .env file for ${docPath}: the document is not saved as a file`;
  const path = joinPath(dirOf(docPath), '.env');
  if (!files) return `cannot read ${path}: no file access in this context`;
  let text: string | undefined;
  try { text = await files.readText(path); } catch { text = undefined; }
  if (text === undefined) return `no .env file next to this file (${path})`;
  return parseDotenv(text);
}

/** KEY=VALUE lines; `export ` prefix, quotes and `#` comments as dotenv does. */
export function parseDotenv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2].trim();
    const q = /^(['"`])([\s\S]*)\1$/.exec(v);
    if (q) v = q[1] === '"' ? q[2].replace(/\\n/g, '\n') : q[2];
    else v = v.replace(/\s+#.*$/, '');
    out.set(m[1], v);
  }
  return out;
}
