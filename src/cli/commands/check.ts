// `call-doctor check <file>[:line]`: the offline lint findings plus the live
// Call Doctor checks for the request(s) in the file, against the signed-in
// environment (stored session, or GENESYS_CLOUD_ACCESS_TOKEN + --env). Only
// GET/HEAD lookups are sent; `--send` sends the request itself, once.
import * as fs from 'fs';
import * as path from 'path';
import type { Session } from '../../core/auth';
import { defaultCatalog } from '../../core/catalog';
import { LookupCache } from '../../core/http';
import type { RawOutcome } from '../../core/http';
import { redactText } from '../../core/http';
import type { FileLintResult } from '../../core';
import type { DoctorResult } from '../../core/live';
import { formatDoctorText } from '../../core/live';
import { analyzeText, checkRequest, describeBasis, projectRootOf, type NoSession } from '../../core/pipeline';
import { formatReport, sarifOptions } from '../../core/report';
import { toJsonReport } from '../../core/report';
import { renderMarkdown } from '../../core/report';
import type { Finding } from '../../core';
import { nodeCliPorts, type CliPorts, type CliPortsFactory } from '../adapters';
import { commandFlags } from '../adapters/args';
import { loadCliSession, loadCliSessions, resolveCliEnvironment } from '../adapters/session';
import { nodeFiles } from '../../node/files';
import { packageInfo } from '../../node/packageInfo';
import type { CliCommand, CliIo } from './types';

const USAGE = 'check <file>[:line] [--request N] [--env ENV] [--http-env NAME] [--run-anyway] [--format text|json|sarif|markdown] [--send]';
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
  --env ENV          Genesys environment whose session to use (default: GENESYS_CLOUD_ENVIRONMENT,
                     else every stored session: each request is checked with the one serving its host)
  --http-env NAME    environment of http-client.env.json for {{variables}} (default: none; when the
                     request's host is unresolved and exactly one environment points it at a signed-in
                     environment, that one is used and the output says so)
  --run-anyway       check with the --env session even when the request targets another host
                     (the output says so: the verdict is then about that session's org)
  --format FORMAT    text (default), json (lint's shape + evidence), sarif, markdown (shareable, redacted)
  --send             also send the request itself, once, and explain the answer
  -h, --help         this help

Credentials: the stored session (\`call-doctor login\`), or GENESYS_CLOUD_ACCESS_TOKEN with --env.
GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN (optional, same environment): a second token, e.g. an admin's,
used only for read-only lookups your own token is refused (routes need telephony:plugin:all).
Only GET/HEAD lookups are sent unless --send is given. Tokens never appear in the output.
Exit codes: 0 no errors, 1 errors found (or a live verdict is fail), 2 usage, I/O or sign-in problem.
`;

export interface CheckedRequest {
  index: number; label: string; result?: DoctorResult; error?: string; live: Finding[]; offline: Finding[];
  /** Why this session checked it, when not by host (explicit, hostless). */
  basisNote?: string;
  /** No session serves the request's host: no verdict (error holds the words). */
  noSession?: NoSession;
}
export interface CheckRun { file: FileLintResult; requests: CheckedRequest[] }

export interface CheckOptions {
  absPath: string; shownPath: string; text: string; cwd: string;
  line?: number; requestNumber?: number; httpEnv?: string; send?: boolean;
  processEnv: Record<string, string | undefined>;
  /** Every usable session; the core's rule picks the one serving each request's host. */
  sessions: readonly Session[];
  /** The user asked to run against this session whatever the request's host (--run-anyway). */
  explicitSession?: Session;
  /** --env / GENESYS_CLOUD_ENVIRONMENT, for requests that name no host. */
  configuredEnvironment?: string;
  ports: Pick<CliPorts, 'http' | 'clock' | 'log'>;
  cache?: LookupCache<RawOutcome>; signal?: AbortSignal;
  /** Second token (same environment) for lookups the user's token is refused. */
  lookupToken?: { accessToken: string; label: string };
}

/** Analyses the file and checks the selected requests, through the core's one pipeline. */
export async function checkFile(o: CheckOptions): Promise<CheckRun | { error: string }> {
  const files = nodeFiles(path.dirname(o.absPath));
  const analysis = await analyzeText(o.absPath, o.text, {
    catalog: defaultCatalog(), files, rootDir: await projectRootOf(o.absPath, files, o.cwd),
    httpEnvironment: o.httpEnv, processEnv: o.processEnv,
  });
  const parsed = analysis.parsed;
  let selected = parsed.requests;
  if (o.requestNumber !== undefined) selected = selected.filter((r) => r.index === o.requestNumber! - 1);
  if (o.line !== undefined) selected = selected.filter((r) => r.range.start.line <= o.line! - 1 && o.line! - 1 <= r.range.end.line);
  if (parsed.requests.length === 0) return { error: `${o.shownPath} contains no request.` };
  if (selected.length === 0) return { error: `no request ${o.line !== undefined ? `at line ${o.line}` : `number ${o.requestNumber}`} in ${o.shownPath} (it has ${parsed.requests.length}).` };
  const cache = o.cache ?? new LookupCache<RawOutcome>(o.ports.clock);
  const requests: CheckedRequest[] = [];
  let offlineAll = analysis.lint.findings;
  for (const req of selected) {
    const label = `${o.shownPath} #${req.index + 1} ${req.method} ${req.rawUrl}`;
    const outcome = await checkRequest(analysis, req.index, {
      sessions: o.sessions, explicitSession: o.explicitSession, configuredEnvironment: o.configuredEnvironment,
      ports: o.ports, cacheFor: () => cache, send: o.send, lookupToken: o.lookupToken, signal: o.signal,
    });
    // The request's offline findings come from the analysis its verdict rests on.
    if (outcome.analysis !== analysis) offlineAll = [...offlineAll.filter((f) => f.request !== req.index), ...outcome.offline];
    const base = { index: req.index, label, live: [] as Finding[], offline: outcome.offline };
    if (outcome.status === 'not-checkable') { requests.push({ ...base, error: outcome.message }); continue; }
    if (outcome.status === 'no-session') { requests.push({ ...base, noSession: outcome.noSession, error: noSessionText(outcome.noSession) }); continue; }
    const basisNote = describeBasis({ ...outcome.choice, environment: outcome.choice.session.environment.name });
    requests.push({ ...base, result: outcome.result, live: outcome.live, error: outcome.notes.join(' ') || undefined, ...(basisNote ? { basisNote } : {}) });
  }
  const liveAll = requests.flatMap((r) => r.live);
  return { file: { ...analysis.lint, path: o.shownPath, findings: [...offlineAll, ...liveAll] }, requests };
}

/** The no-verdict answer in CLI words: what the request targets, and what to do. */
function noSessionText(n: NoSession): string {
  const steps = n.actions.map((a) => a.kind === 'sign-in' ? `sign in to it (\`call-doctor login${a.environment ? ` --env ${a.environment}` : ''}\`)`
    : a.kind === 'pick-http-environment' ? `choose the HTTP environment that names its host (--http-env ${a.environments.join('|')})`
      : `run against ${a.environment} anyway (--env ${a.environment} --run-anyway)`);
  return `${n.reason} To check it: ${steps.join('; or ')}.`;
}

export async function runCheck(args: readonly string[], io: CliIo, makePorts: CliPortsFactory = nodeCliPorts): Promise<number> {
  const parsed = commandFlags('check', HELP, args, { values: ['env', 'format', 'request', 'http-env'], booleans: ['help', 'send', 'verbose', 'run-anyway'] }, io);
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
  const found = await sessionsFor(parsed.values.env, io, ports);
  if ('error' in found) { io.stderr(`call-doctor check: ${found.error}\n`); return 2; }
  const runAnyway = parsed.booleans.has('run-anyway');
  if (runAnyway && found.sessions.length !== 1) return usage('--run-anyway needs one session: name it with --env.');
  const shownPath = path.relative(io.cwd, absPath).split(path.sep).join('/') || path.basename(absPath);
  const helper = io.env.GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN;
  const lookupToken = helper ? { accessToken: helper, label: 'GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN' } : undefined;
  const secrets = [...found.sessions.map((s) => s.accessToken), helper].filter((x): x is string => !!x);
  const run = await checkFile({
    absPath, shownPath, text, cwd: io.cwd, line: m[2] ? Number(m[2]) : undefined, requestNumber, httpEnv: parsed.values['http-env'],
    send: parsed.booleans.has('send'), processEnv: io.env, sessions: found.sessions, configuredEnvironment: found.configured,
    explicitSession: runAnyway ? found.sessions[0] : undefined, ports, lookupToken,
  });
  if ('error' in run) { io.stderr(`call-doctor check: ${redactText(run.error, secrets)}\n`); return 2; }
  io.stdout(formatCheck(format, run, io, secrets));
  for (const r of run.requests) if (r.error) io.stderr(`call-doctor check: ${redactText(r.error, secrets)}\n`);
  const failed = run.file.findings.some((f) => f.severity === 'error') || run.requests.some((r) => r.result?.verdict === 'fail');
  return failed ? 1 : run.requests.some((r) => r.error && !r.result) ? 2 : 0;
}

/**
 * The sessions the core's rule may choose from: GENESYS_CLOUD_ACCESS_TOKEN for
 * its environment; else the stored session of --env / GENESYS_CLOUD_ENVIRONMENT;
 * else every stored, still valid session.
 */
async function sessionsFor(envFlag: string | undefined, io: CliIo, ports: CliPorts): Promise<{ sessions: Session[]; configured?: string } | { error: string }> {
  const env = resolveCliEnvironment(envFlag, io.env);
  if (!env.ok) return { error: env.error };
  const token = io.env.GENESYS_CLOUD_ACCESS_TOKEN;
  if (token) {
    if (!env.value) return { error: 'GENESYS_CLOUD_ACCESS_TOKEN is set: also give the environment it belongs to with --env or GENESYS_CLOUD_ENVIRONMENT.' };
    return { sessions: [{ id: `env-token:${env.value.name}`, environment: env.value, accessToken: token, grant: 'token' }], configured: env.value.name };
  }
  if (env.value) {
    const loaded = await loadCliSession(envFlag, io, ports);
    if (!loaded.ok) return { error: `${loaded.error} (live checks need a signed-in session; \`call-doctor lint\` works offline.)` };
    return { sessions: [loaded.value], configured: env.value.name };
  }
  const sessions = await loadCliSessions(ports);
  if (!sessions.length) return { error: 'Not signed in. Run `call-doctor login --env <environment>` first (live checks need a signed-in session; `call-doctor lint` works offline.)' };
  return { sessions };
}

export function formatCheck(format: Format, run: CheckRun, io: Pick<CliIo, 'env' | 'cwd' | 'stdoutIsTTY'>, secrets: string[]): string {
  let out: string;
  if (format === 'json') out = JSON.stringify(jsonWithEvidence(run), null, 2) + '\n';
  else if (format === 'markdown') {
    out = run.requests.map((r) => r.result
      ? (r.basisNote ? `> ${r.basisNote}\n\n` : '') + renderMarkdown(r.result, { file: run.file.path, request: summary(run, r.index), offline: r.offline, secrets })
      : `# ${r.label}\n\nLive checks did not run: ${r.error}\n`).join('\n---\n\n');
  } else if (format === 'sarif') {
    const { root, version } = packageInfo();
    out = formatReport('sarif', [run.file], { color: false, sarif: sarifOptions({ toolVersion: version, packageRoot: root, cwd: io.cwd }) });
  } else {
    const offline = { ...run.file, findings: run.file.findings.filter((f) => !f.evidence) };
    out = 'Offline checks (lint):\n' + formatReport('text', [offline], { color: io.env.NO_COLOR === undefined && io.stdoutIsTTY === true, sarif: { toolVersion: '', docsBaseUri: '' } });
    for (const r of run.requests) {
      out += '\n' + (r.result ? formatDoctorText(r.result, { label: r.label, secrets }) : r.noSession ? `${r.label}: no verdict: ${r.error}\n` : `${r.label}: live checks did not run: ${r.error}\n`);
      if (r.basisNote) out += `  ${r.basisNote}\n`;
    }
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
    request: r.index, error: r.error ?? null, basis: r.basisNote ?? null,
    ...(r.noSession ? { noSession: { targetHost: r.noSession.targetHost ?? null, actions: r.noSession.actions } } : {}),
    ...(r.result ? {
      operation: r.result.operation, environment: r.result.environment, region: r.result.region ?? null, org: r.result.org ?? null,
      verdict: r.result.verdict, criticalPath: r.result.criticalPath, durationMs: r.result.durationMs,
      checks: r.result.checks.map((c) => ({ id: c.id, title: c.title, state: c.state, summary: c.summary, durationMs: c.durationMs })),
      calls: r.result.calls.map((c) => ({ request: c.request, status: c.status, durationMs: c.durationMs, level: c.level, cached: c.cached, ...(c.cached && c.ageMs !== undefined ? { ageMs: c.ageMs } : {}) })),
      unreachable: r.result.unreachable ?? null,
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
