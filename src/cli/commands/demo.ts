// `call-doctor demo` (= `npm run demo`): the product's main job, offline and
// without an account. Starts the sandbox org in-process, signs in once per
// documented cause (client credentials for the app; Authorization Code + PKCE
// for users, and the sandbox-only device flow for its one scenario, each
// approved over HTTP like a browser would), runs `check` on the examples, and
// prints each diagnosis with its rule id and fix.
import * as fs from 'fs';
import * as path from 'path';
import { clientCredentialsFlow } from '../../core/auth';
import { deviceFlow } from '../../core/auth';
import { pkceFlow } from '../../core/auth';
import type { FlowContext } from '../../core/auth';
import type { Session } from '../../core/auth';
import { parseEnvironment } from '../../core/env';
import type { RawOutcome } from '../../core/http';
import { LookupCache } from '../../core/http';
import { redactText } from '../../core/http';
import { packageRoot } from '../../node/paths';
import { silentLog, systemClock, type HttpPort, type HttpResponse, type PromptPort } from '../../core';
import { startSandbox, type FixtureScenario, type Sandbox } from '../../sandbox';
import { nodeHttp, nodeLoopback } from '../adapters';
import { checkFile, type CheckRun } from './check';
import type { CliCommand, CliIo } from './types';

/** The rule(s) each documented cause must produce (healthy ones: none). */
export const EXPECTED_RULES: Record<string, string[]> = {
  'healthy-agent': [],
  'healthy-agent-device': [],
  'no-station': ['station.none'],
  'station-without-edge': ['station.no-edge'],
  'station-edge-offline': ['station.no-edge'],
  'missing-permission': ['permission.missing'],
  'permission-other-division': ['permission.missing'],
  'client-credentials': ['grant.no-user-context'],
  'client-credentials-on-behalf': [],
  'missing-scope': ['scope.missing'],
  'unroutable-number': ['route.no-match'],
  'unclassified-number': ['route.no-match'],
  'queue-not-member': ['queue.not-member'],
  'too-many-destinations': ['payload.destination'],
  'folklore-body': ['payload.destination'],
  'on-behalf-healthy': [],
  'on-behalf-no-permission': ['permission.missing'],
};

export interface DemoOutcome {
  id: string;
  cause: string;
  file: string;
  /** Who signed in, and how ("Bob Nostation via Call Doctor (PKCE), pkce"). */
  signIn: string;
  expected: string[];
  /** Rule ids of error/warning findings (offline and live). */
  rules: string[];
  ok: boolean;
  run?: CheckRun;
  error?: string;
}

/** Opens the verification page and POSTs its form (to its action: the code, the chosen user, approve) as a browser would. */
async function approveForm(http: HttpPort, pageUrl: string, fields: Record<string, string>): Promise<HttpResponse> {
  const page = await http.send({ method: 'GET', url: pageUrl });
  const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
  if (page.status !== 200 || !action) throw new Error(`the sandbox verification page answered ${page.status}`);
  const form = new URLSearchParams(fields);
  form.set('decision', 'approve');
  return http.send({ method: 'POST', url: new URL(action, pageUrl).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
}

/** A "browser" that approves the sandbox's sign-in page (PKCE) or device verification page for one fixture user. */
function approvingBrowser(http: HttpPort, userId: string): PromptPort {
  return {
    async show(_message, detail) {
      // The device flow shows a code and the verification page: enter the code there and approve.
      if (!detail?.code || !detail.url) return;
      const res = await approveForm(http, detail.url, { user_code: detail.code, userId });
      if (res.status !== 200) throw new Error(`the sandbox verification page refused the code (${res.status})`);
    },
    async openExternal(url: string) {
      const u = new URL(url);
      const form = new URLSearchParams(u.searchParams);
      form.set('decision', 'approve');
      form.set('userId', userId);
      const res = await http.send({ method: 'POST', url: `${u.origin}${u.pathname}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      const location = res.headers.location;
      if (res.status !== 302 && res.status !== 303 || !location) throw new Error(`the sandbox sign-in page answered ${res.status}`);
      // Follow the redirect to the loopback server without waiting: it answers only once
      // the flow has exchanged the code, which happens after openExternal returns.
      http.send({ method: 'GET', url: location }).catch(() => { /* the flow reports its own errors */ });
      return true;
    },
  };
}

/** Signs in the way a scenario says (client credentials, or PKCE / device flow approved for its user). */
export async function signInFor(sandbox: Sandbox, s: FixtureScenario, http: HttpPort): Promise<Session> {
  const ctx: FlowContext = { env: parseEnvironment(sandbox.url), http, clock: systemClock, log: silentLog, prompt: approvingBrowser(http, 'userId' in s.login ? s.login.userId : ''), loopback: nodeLoopback };
  if (s.login.grant === 'client_credentials') {
    const client = sandbox.fixture.clients.find((c) => c.id === s.login.clientId);
    return clientCredentialsFlow.signIn(ctx, { clientId: s.login.clientId, clientSecret: client?.secret });
  }
  if (s.login.grant === 'device') return deviceFlow.signIn(ctx, { clientId: s.login.clientId });
  return pkceFlow.signIn(ctx, { clientId: s.login.clientId, timeoutMs: 15_000 });
}

/** The fixture's client-credentials app with telephony:plugin:all, signed in once. */
async function lookupHelper(sandbox: Sandbox, http: HttpPort): Promise<{ accessToken: string; label: string } | undefined> {
  const app = sandbox.fixture.clients.find((c) => c.authorizedGrantType === 'CLIENT-CREDENTIALS' && c.secret);
  if (!app) return undefined;
  const session = await signInFor(sandbox, { id: 'helper', cause: '', login: { grant: 'client_credentials', clientId: app.id }, request: { method: 'POST', path: '', body: {} }, expect: { status: 200 } }, http);
  return { accessToken: session.accessToken, label: `the ${app.name} app` };
}

/**
 * The example file for a scenario: examples/correct for the plain call and the on-behalf
 * call, examples/sandbox/<scenario id>.http for the others. A scenario without a file
 * (another fixture) gets a request built in memory, and the demo says so.
 */
function requestFor(s: FixtureScenario, root: string): { absPath: string; text?: string } {
  const correct = path.join(root, 'examples', 'correct');
  const body = s.request.body as Record<string, unknown>;
  // The fixture's default number; the examples dial an equally routable national number.
  const plain = body && Object.keys(body).length === 1 && body.phoneNumber === '+13175550199';
  if (plain && s.request.path === '/api/v2/conversations/calls') return { absPath: path.join(correct, 'call.http') };
  if (plain && /\/calls\/user\/d6d474da-07f5-541a-9657-07949181315a$/.test(s.request.path)) return { absPath: path.join(correct, 'on-behalf.http') };
  const own = path.join(root, 'examples', 'sandbox', `${s.id}.http`);
  if (fs.existsSync(own)) return { absPath: own };
  const text = `### ${s.cause}\n${s.request.method} {{baseUrl}}${s.request.path}\nAuthorization: Bearer {{accessToken}}\nContent-Type: application/json\n\n${JSON.stringify(s.request.body, null, 2)}\n`;
  return { absPath: path.join(root, 'examples', 'sandbox', `${s.id}.http`), text };
}

function describeSignIn(sandbox: Sandbox, s: FixtureScenario): string {
  const name = (id: string) => sandbox.fixture.users.find((u) => u.id === id)?.name ?? sandbox.fixture.clients.find((c) => c.id === id)?.name ?? id;
  if (s.login.grant === 'client_credentials') return `${name(s.login.clientId)} (client credentials)`;
  const client = name(s.login.clientId);
  if (s.login.grant === 'device') return `${name(s.login.userId)} via ${client}, RFC 8628 device flow (sandbox-only)`;
  // "via Call Doctor (PKCE)" already says how; "via Reporting Dashboard" does not.
  return `${name(s.login.userId)} via ${client}${/pkce/i.test(client) ? '' : ' (PKCE)'}`;
}

export async function runDemoCases(sandbox: Sandbox, options: { only?: string[]; http?: HttpPort } = {}): Promise<DemoOutcome[]> {
  const http = options.http ?? nodeHttp({ timeoutMs: 15_000 });
  const root = packageRoot();
  const outcomes: DemoOutcome[] = [];
  // Agents cannot read telephony configuration (telephony:plugin:all); like an admin
  // helping them, the demo answers those lookups with the integration app's token.
  const helper = await lookupHelper(sandbox, http);
  for (const s of sandbox.fixture.scenarios) {
    const expected = EXPECTED_RULES[s.id];
    if (!expected || (options.only && !options.only.includes(s.id))) continue; // a scenario of another fixture
    const { absPath, text } = requestFor(s, root);
    const shown = text ? 'request built in memory from the scenario (no example file)' : path.relative(root, absPath).split(path.sep).join('/');
    const signIn = describeSignIn(sandbox, s);
    try {
      const session = await signInFor(sandbox, s, http);
      const run = await checkFile({
        absPath, shownPath: shown, text: text ?? fs.readFileSync(absPath, 'utf8'), cwd: root, httpEnv: 'sandbox', processEnv: {},
        // The examples' `sandbox` HTTP environment names http://127.0.0.1:8787. On that port the
        // session serves the requests' host; on another (8787 was taken) the demo checks against
        // its sandbox explicitly, and every diagnosis says so.
        sessions: [session], explicitSession: session,
        ports: { http, clock: systemClock, log: silentLog }, cache: new LookupCache<RawOutcome>(systemClock),
        lookupToken: s.login.grant === 'client_credentials' ? undefined : helper,
      });
      if ('error' in run) { outcomes.push({ id: s.id, cause: s.cause, file: shown, signIn, expected, rules: [], ok: false, error: run.error }); continue; }
      const rules = [...new Set(run.file.findings.filter((f) => f.severity !== 'info').map((f) => f.rule))].sort();
      const ok = expected.length === 0 ? !run.file.findings.some((f) => f.severity === 'error') : expected.every((r) => rules.includes(r));
      outcomes.push({ id: s.id, cause: s.cause, file: shown, signIn, expected, rules, ok, run });
    } catch (err) {
      outcomes.push({ id: s.id, cause: s.cause, file: shown, signIn, expected, rules: [], ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return outcomes;
}

/** Word-wraps `text` to `width` columns, every line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** One block per cause: who signed in, which request, the checks, each finding (rule id + message with the fix), the verdict. */
export function formatDemo(outcomes: DemoOutcome[], width = 100): string {
  const out: string[] = [];
  const pad = ' '.repeat(12); // under the text after "   checks   "
  for (const o of outcomes) {
    out.push(`== ${o.id}: ${o.cause}`, `   sign-in  ${o.signIn}`, `   request  ${o.file}`);
    if (o.error) out.push(`   could not run: ${wrap(o.error, width, pad)}`);
    for (const r of o.run?.requests ?? []) {
      if (!r.result) continue;
      const checks = r.result.checks.map((c) => `${c.id} ${c.state === 'pass' || c.state === 'skipped' ? c.state : c.state.toUpperCase()}`).join(', ');
      if (r.basisNote) out.push(`   note     ${wrap(r.basisNote, width, pad)}`);
      out.push(`   checks   ${wrap(`${checks} (${r.result.calls.length} read-only lookups, ${r.result.criticalPath} round trip${r.result.criticalPath === 1 ? '' : 's'})`, width, pad)}`);
    }
    const all = o.run?.file.findings ?? [];
    if (!all.some((f) => f.severity !== 'info') && !o.error) out.push('   no problems found: this request should go through.');
    for (const f of all) {
      out.push(`   ${f.severity === 'info' ? 'note' : f.severity} ${f.rule} (${f.evidence ? 'live' : 'offline'})`, `${pad}${wrap(f.message, width, pad)}`);
    }
    out.push(`   ${o.ok ? 'OK' : 'MISMATCH'}: expected ${o.expected.length ? o.expected.join(', ') : 'no errors'}; got ${o.rules.length ? o.rules.join(', ') : 'none'}`, '');
  }
  const good = outcomes.filter((o) => o.ok).length;
  out.push(`${good}/${outcomes.length} documented causes diagnosed as expected.`, '');
  return out.join('\n');
}

export async function runDemo(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout('Usage: call-doctor demo\n\nStarts the sandbox org on 127.0.0.1, signs in as one fixture user per documented cause,\nruns `check` on the examples and prints each diagnosis. No account, no network.\n');
    return 0;
  }
  if (args.length) { io.stderr(`call-doctor demo: unexpected argument '${args[0]}'.\n`); return 2; }
  // A 1 s device polling interval (RFC 8628's default is 5 s) keeps the one device sign-in quick.
  const sandbox = await startDemoSandbox();
  try {
    io.stdout(`Sandbox org '${sandbox.fixture.org.name}' on ${sandbox.url} (in-process, loopback only; not Genesys).\n` +
      'For each documented cause: sign in as its fixture user, then `check` its request.\n' +
      '  Sign-in approves the sandbox\'s sign-in page over HTTP, as a browser would. Users sign in with\n' +
      '  Authorization Code + PKCE, as on real Genesys Cloud; one scenario uses the RFC 8628 device flow,\n' +
      '  which only the sandbox offers (real Genesys Cloud orgs have no device grant). The app uses client credentials.\n' +
      '  Lookups an agent may not make (telephony configuration) are answered with the integration app\'s token,\n' +
      '  as an admin helping them would (GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN in `check`).\n\n');
    const outcomes = await runDemoCases(sandbox);
    // Belt and braces: nothing printed may carry a token.
    io.stdout(redactText(formatDemo(outcomes)));
    return outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    await sandbox.close();
  }
}

/** The sandbox on the examples' port (8787) when it is free, else on any free port. */
async function startDemoSandbox(): Promise<Sandbox> {
  try {
    return await startSandbox({ port: EXAMPLES_SANDBOX_PORT, deviceInterval: 1 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return startSandbox({ port: 0, deviceInterval: 1 });
  }
}

/** The port of the examples' `sandbox` HTTP environment (the http-client.env.json files under examples). */
const EXAMPLES_SANDBOX_PORT = 8787;

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo',
  summary: 'Diagnose every documented cause against the built-in sandbox org',
  run: (args, io) => runDemo(args, io),
};
