// `call-doctor check <file>[:line]`: the offline lint findings plus the live
// Call Doctor checks for the request(s) in the file, against the signed-in
// environment (stored session, or GENESYS_CLOUD_ACCESS_TOKEN + --env). Only
// GET/HEAD lookups are sent; `--send` sends the request itself, once.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { defaultCatalog } from '../../core/catalog/catalog';
import type { Environment } from '../../core/env/environment';
import { LookupCache } from '../../core/http/cache';
import type { RawOutcome } from '../../core/http/api';
import { redactText } from '../../core/http/redact';
import type { FileLintResult } from '../../core/lintTypes';
import { CHECKS, LIVE_RULES, runDoctor, type DoctorResult } from '../../core/live';
import { formatDoctorText } from '../../core/live/format';
import { placeLiveFindings, sendableRequest, SESSION_SUPPLIED_VARIABLES, targetOf } from '../../core/live/fromRequest';
import { lintParsed } from '../../core/lint';
import { formatReport } from '../../core/report';
import { toJsonReport } from '../../core/report/json';
import { renderMarkdown } from '../../core/report/markdown';
import { parseDocument } from '../../core/sources';
import { createDocument } from '../../core/text';
import type { Finding } from '../../core/types';
import { nodeCliPorts, type CliPorts, type CliPortsFactory } from '../adapters';
import { commandFlags } from '../adapters/args';
import { loadCliSession, resolveCliEnvironment } from '../adapters/session';
import { nodeFiles } from '../node/files';
import { packageInfo } from '../node/packageInfo';
import type { CliCommand, CliIo } from './types';

const USAGE = 'check <file>[:line] [--request N] [--env ENV] [--format text|json|sarif|markdown]';
const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = typeof FORMATS[number];
const HELP = `Usage: call-doctor ${USAGE}

Diagnoses the Genesys Cloud request(s) in a .http/.rest or JSON payload file:
the offline findings of \`lint\`, plus live checks against your org (user
context, OAuth scope, permissions and divisions, station and Edge, outbound
route, queue, user), each with the read-only API calls that prove it.

Options:
  <file>:LINE        the request at that line (1-based); default: every request
  --request N        the N-th request of the file (1-based)
  --env ENV          Genesys environment (default: GENESYS_CLOUD_ENVIRONMENT or the only stored session)
  --http-env NAME    environment of http-client.env.json for {{variables}} (default: sandbox
                     for a loopback environment, else none)
  --format FORMAT    text (default), json (lint's shape + evidence), sarif, markdown (shareable, redacted)
  --send             also send the request itself, once, and explain the answer
  -h, --help         this help

Credentials: the stored session (\`call-doctor login\`), or GENESYS_CLOUD_ACCESS_TOKEN with --env.
GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN (optional, same environment): a second token, e.g. an admin's,
used only for read-only lookups your own token is refused (routes need telephony:plugin:all).
Only GET/HEAD lookups are sent unless --send is given. Tokens never appear in the output.
Exit codes: 0 no errors, 1 errors found (or a live verdict is fail), 2 usage, I/O or sign-in problem.
`;

export interface Credentials { accessToken: string; environment: Environment; sessionId: string }

export interface CheckedRequest { index: number; label: string; result?: DoctorResult; error?: string; live: Finding[]; offline: Finding[] }
export interface CheckRun { file: FileLintResult; requests: CheckedRequest[] }

export interface CheckOptions {
  absPath: string; shownPath: string; text: string; cwd: string;
  line?: number; requestNumber?: number; httpEnv?: string; send?: boolean;
  processEnv: Record<string, string | undefined>;
  credentials: Credentials; ports: Pick<CliPorts, 'http' | 'clock' | 'log'>;
  cache?: LookupCache<RawOutcome>; signal?: AbortSignal;
  /** Second token (same environment) for lookups the user's token is refused. */
  lookupToken?: { accessToken: string; label: string };
}

/** Lints the file and runs the live doctor on the selected requests. */
export async function checkFile(o: CheckOptions): Promise<CheckRun | { error: string }> {
  const catalog = defaultCatalog();
  // Parsed once for the offline rules and the live checks. The session supplies the
  // token, so {{accessToken}} is a send-time value here, not an unresolved variable.
  const parsed = await parseDocument(createDocument(o.absPath, o.text), {
    files: nodeFiles(path.dirname(o.absPath)), environment: o.httpEnv, processEnv: o.processEnv, catalog,
    sendTimeNames: SESSION_SUPPLIED_VARIABLES,
  });
  const lint = lintParsed(parsed, { catalog });
  let selected = parsed.requests;
  if (o.requestNumber !== undefined) selected = selected.filter((r) => r.index === o.requestNumber! - 1);
  if (o.line !== undefined) selected = selected.filter((r) => r.range.start.line <= o.line! - 1 && o.line! - 1 <= r.range.end.line);
  if (parsed.requests.length === 0) return { error: `${o.shownPath} contains no request.` };
  if (selected.length === 0) return { error: `no request ${o.line !== undefined ? `at line ${o.line}` : `number ${o.requestNumber}`} in ${o.shownPath} (it has ${parsed.requests.length}).` };
  const cache = o.cache ?? new LookupCache<RawOutcome>(o.ports.clock);
  const requests: CheckedRequest[] = [];
  for (const req of selected) {
    const label = `${o.shownPath} #${req.index + 1} ${req.method} ${req.rawUrl}`;
    const offline = lint.findings.filter((f) => f.request === req.index);
    const target = targetOf(parsed, req, catalog);
    if ('error' in target) { requests.push({ index: req.index, label, error: target.error, live: [], offline }); continue; }
    const send = o.send ? sendableRequest(req) : undefined;
    if (send && 'error' in send) { requests.push({ index: req.index, label, error: send.error, live: [], offline }); continue; }
    const result = await runDoctor({
      operation: target.operation, body: target.body, pathParams: target.pathParams,
      accessToken: o.credentials.accessToken, environment: o.credentials.environment, catalog,
      ports: o.ports, signal: o.signal, cache, send, lookupToken: o.lookupToken,
    });
    const notes = target.unresolved.map((name) => `{${name}} is an unresolved variable, so checks that need it were skipped (pick an environment with --http-env).`);
    requests.push({ index: req.index, label, result, live: placeLiveFindings(parsed, target, result.findings), offline, error: notes.join(' ') || undefined });
  }
  const liveAll = requests.flatMap((r) => r.live);
  return { file: { ...lint, path: o.shownPath, findings: [...lint.findings, ...liveAll] }, requests };
}

export async function runCheck(args: readonly string[], io: CliIo, makePorts: CliPortsFactory = nodeCliPorts): Promise<number> {
  const parsed = commandFlags('check', HELP, args, { values: ['env', 'format', 'request', 'http-env'], booleans: ['help', 'send', 'verbose'] }, io);
  if (typeof parsed === 'number') return parsed;
  const { usage } = parsed;
  if (parsed.rest.length !== 1) return usage(parsed.rest.length ? 'give exactly one file.' : 'give a file, e.g. `call-doctor check examples/correct/call.http`.');
  const format = (parsed.values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) return usage(`unknown format '${format}'; use one of ${FORMATS.join(', ')}.`);
  const m = /^(.*?)(?::(\d+))?$/.exec(parsed.rest[0])!;
  const requestNumber = parsed.values.request !== undefined ? Number(parsed.values.request) : undefined;
  if (requestNumber !== undefined && !(Number.isInteger(requestNumber) && requestNumber >= 1)) return usage('--request needs a number from 1.');
  const absPath = path.resolve(io.cwd, m[1]);
  let text: string;
  try { text = await fs.promises.readFile(absPath, 'utf8'); } catch (err) {
    io.stderr(`call-doctor check: cannot read ${m[1]} (${(err as NodeJS.ErrnoException).code ?? String(err)}).\n`);
    return 2;
  }
  const ports = makePorts(io, { verbose: parsed.booleans.has('verbose') });
  const creds = await credentials(parsed.values.env, io, ports);
  if ('error' in creds) { io.stderr(`call-doctor check: ${creds.error}\n`); return 2; }
  const httpEnv = parsed.values['http-env'] ?? (creds.environment.custom && /\/\/(127\.|localhost|\[::1\])/.test(creds.environment.apiBaseUrl) ? 'sandbox' : undefined);
  const shownPath = path.relative(io.cwd, absPath).split(path.sep).join('/') || path.basename(absPath);
  const helper = io.env.GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN;
  const lookupToken = helper ? { accessToken: helper, label: 'GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN' } : undefined;
  const secrets = [creds.accessToken, helper].filter((x): x is string => !!x);
  const run = await checkFile({
    absPath, shownPath, text, cwd: io.cwd, line: m[2] ? Number(m[2]) : undefined, requestNumber, httpEnv,
    send: parsed.booleans.has('send'), processEnv: io.env, credentials: creds, ports, lookupToken,
  });
  if ('error' in run) { io.stderr(`call-doctor check: ${redactText(run.error, secrets)}\n`); return 2; }
  io.stdout(formatCheck(format, run, io, secrets));
  for (const r of run.requests) if (r.error) io.stderr(`call-doctor check: ${redactText(r.error, secrets)}\n`);
  const failed = run.file.findings.some((f) => f.severity === 'error') || run.requests.some((r) => r.result?.verdict === 'fail');
  return failed ? 1 : run.requests.some((r) => r.error && !r.result) ? 2 : 0;
}

async function credentials(envFlag: string | undefined, io: CliIo, ports: CliPorts): Promise<Credentials | { error: string }> {
  const token = io.env.GENESYS_CLOUD_ACCESS_TOKEN;
  if (token) {
    const env = resolveCliEnvironment(envFlag, io.env);
    if (!env.ok) return { error: env.error };
    if (!env.value) return { error: 'GENESYS_CLOUD_ACCESS_TOKEN is set: also give the environment it belongs to with --env or GENESYS_CLOUD_ENVIRONMENT.' };
    return { accessToken: token, environment: env.value, sessionId: `env-token:${env.value.name}` };
  }
  const loaded = await loadCliSession(envFlag, io, ports);
  if (!loaded.ok) return { error: `${loaded.error} (live checks need a signed-in session; \`call-doctor lint\` works offline.)` };
  return { accessToken: loaded.value.accessToken, environment: loaded.value.environment, sessionId: loaded.value.id };
}

export function formatCheck(format: Format, run: CheckRun, io: Pick<CliIo, 'env' | 'cwd' | 'stdoutIsTTY'>, secrets: string[]): string {
  let out: string;
  if (format === 'json') out = JSON.stringify(jsonWithEvidence(run), null, 2) + '\n';
  else if (format === 'markdown') {
    out = run.requests.map((r) => r.result
      ? renderMarkdown(r.result, { file: run.file.path, request: summary(run, r.index), offline: r.offline, secrets })
      : `# ${r.label}\n\nLive checks did not run: ${r.error}\n`).join('\n---\n\n');
  } else if (format === 'sarif') {
    const { root, version } = packageInfo();
    const rules = [...Object.values(LIVE_RULES).map((id) => ({ id, title: `Call Doctor live check (${CHECKS.find((c) => id.startsWith(c.id))?.title ?? 'lookup'})` }))];
    out = formatReport('sarif', [run.file], { color: false, sarif: { toolVersion: version, rules, docsBaseUri: `${pathToFileURL(root).href}/`, srcRootUri: `${pathToFileURL(io.cwd).href}/` } });
  } else {
    const offline = { ...run.file, findings: run.file.findings.filter((f) => !f.evidence) };
    out = 'Offline checks (lint):\n' + formatReport('text', [offline], { color: io.env.NO_COLOR === undefined && io.stdoutIsTTY === true, sarif: { toolVersion: '', docsBaseUri: '' } });
    for (const r of run.requests) out += '\n' + (r.result ? formatDoctorText(r.result, { label: r.label, secrets }) : `${r.label}: live checks did not run: ${r.error}\n`);
  }
  return redactText(out, secrets);
}

function summary(run: CheckRun, index: number) {
  const r = run.file.requests.find((x) => x.index === index);
  return r ? { index, name: r.name, method: r.method, url: r.url } : undefined;
}

/** lint's JSON shape, with `evidence` on each live finding and a `live` section per request. */
function jsonWithEvidence(run: CheckRun) {
  const report = toJsonReport([run.file]) as ReturnType<typeof toJsonReport> & { live?: unknown };
  const live = run.file.findings.filter((f) => f.evidence);
  for (const file of report.files) {
    for (const jf of file.findings as (typeof file.findings[number] & { evidence?: unknown })[]) {
      const src = live.find((f) => f.rule === jf.rule && f.message === jf.message && f.request === (jf.request ?? undefined));
      if (src) jf.evidence = src.evidence;
    }
  }
  report.live = run.requests.map((r) => ({
    request: r.index, error: r.error ?? null,
    ...(r.result ? {
      operation: r.result.operation, environment: r.result.environment, region: r.result.region ?? null, org: r.result.org ?? null,
      verdict: r.result.verdict, criticalPath: r.result.criticalPath, durationMs: r.result.durationMs,
      checks: r.result.checks.map((c) => ({ id: c.id, title: c.title, state: c.state, summary: c.summary, durationMs: c.durationMs })),
      calls: r.result.calls.map((c) => ({ request: c.request, status: c.status, durationMs: c.durationMs, level: c.level, cached: c.cached })),
      sent: r.result.sent ?? null,
    } : {}),
  }));
  return report;
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage: USAGE,
  summary: 'Diagnose a request live (read-only) plus the offline findings',
  run: (args, io) => runCheck(args, io),
};
