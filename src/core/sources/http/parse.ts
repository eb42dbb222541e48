// Entry point for .http/.rest files. Never throws for bad input: problems
// (malformed env files, missing includes, unknown environment) are returned.
import { asTextDocument } from '../../text';
import { dirOf, isFilePath, joinPath } from '../paths';
import type { HttpParseOptions, ParsedDocument, SourceDocument, SourceProblem } from '../types';
import { buildRequest, refsIn, type BuildContext } from './build';
import { loadDotenv, loadEnvironment } from './env';
import { lexHttp } from './lexer';
import { Resolver } from './variables';

/** Names a response-handler or pre-request script sets (JetBrains `client.global.set`, httpYac `$global`). */
function scriptSetNames(scripts: string[]): Set<string> {
  const names = new Set<string>();
  const re = /(?:client\.global\.set|request\.variables\.set|\$global\.set)\(\s*["'`]([\w.-]+)["'`]|\$global\.([\w]+)\s*=|exports\.([\w]+)\s*=/g;
  for (const s of scripts) for (let m = re.exec(s); m; m = re.exec(s)) names.add(m[1] ?? m[2] ?? m[3]);
  return names;
}

export async function parseHttpDocument(source: SourceDocument, options: HttpParseOptions = {}): Promise<ParsedDocument> {
  const doc = asTextDocument(source);
  const problems: SourceProblem[] = [];
  const lex = lexHttp(doc);

  const env = await loadEnvironment(doc.path, options);
  problems.push(...env.problems);
  const usesDotenv = (doc.text.includes('$dotenv') && /\{\{\s*\$dotenv\b/.test(doc.text)) || [...env.envVars.values(), ...env.sharedVars.values()].some((v) => v.includes('$dotenv'));
  const dotenv = usesDotenv ? await loadDotenv(doc.path, options.files) : new Map<string, string>();

  // Names set by handler/pre-request script files count as dynamic too (unreadable files are simply skipped).
  const scripts = [...lex.scripts];
  if (options.files && isFilePath(doc.path)) {
    for (const f of new Set(lex.scriptFiles)) {
      try { scripts.push((await options.files.readText(joinPath(dirOf(doc.path), f))) ?? ''); } catch { /* not readable: no names */ }
    }
  }

  const fileVars = new Map<string, string>();
  for (const v of lex.fileVariables) fileVars.set(doc.text.slice(v.name.start, v.name.end), doc.text.slice(v.value.start, v.value.end));
  const resolver = new Resolver({
    fileVars,
    envVars: env.envVars,
    sharedVars: env.sharedVars,
    envOnlyIn: env.envOnlyIn,
    environment: options.environment,
    dotenv,
    processEnv: options.processEnv,
    requestNames: new Set(lex.requests.flatMap((r) => (r.name ? [r.name.text] : []))),
    scriptNames: scriptSetNames(scripts),
    promptNames: new Set(lex.prompts),
    sendTimeNames: new Set((options.sendTimeNames ?? []).map((n) => n.toLowerCase())),
    privateNames: env.privateNames,
  });

  const ctx: BuildContext = { doc, resolver, files: options.files, problems };
  const requests = [];
  for (const raw of lex.requests) {
    const built = buildRequest(ctx, raw, requests.length);
    requests.push(built instanceof Promise ? await built : built);
  }

  const fileVariables = lex.fileVariables.map((v) => {
    const name = doc.text.slice(v.name.start, v.name.end);
    const rawValue = doc.text.slice(v.value.start, v.value.end);
    const r = resolver.resolve(name);
    return {
      name, rawValue, value: r.resolved ? r.value ?? '' : resolver.substitute(rawValue),
      range: doc.rangeAt(v.line.start, v.line.end), nameRange: doc.rangeAt(v.name.start, v.name.end),
    };
  });
  const variables = lex.fileVariables.flatMap((v) => refsIn(ctx, v.value));
  const result: ParsedDocument = { doc, requests, fileVariables, problems, variables, environments: env.available };
  if (options.environment) result.environment = options.environment;
  return result;
}
