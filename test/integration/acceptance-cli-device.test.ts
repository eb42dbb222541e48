// Acceptance, end to end through the CLI entry (`main`): the sandbox org, then per
// fixture user `call-doctor login --flow device` approved on the verification page
// like a browser would, then `call-doctor check <example> --format json`. Every
// documented cause must give its rule id (with evidence on live findings); the
// healthy users must give no errors.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { MiniBrowser } from './auth-browser';
import { runCli, type CliRun as Run } from '../unit/cliRun';

const root = path.resolve(__dirname, '../../..');
const CALL = 'examples/correct/call.http';
const ON_BEHALF = 'examples/correct/on-behalf.http';

type Severity = 'error' | 'warning';
interface Case {
  scenario: string;                 // the fixture scenario (docs/sandbox.md "Causes") this case demonstrates
  as: string;                       // fixture user name, or the client-credentials app's name
  file: string;                     // the example request, relative to the repo root
  expect: [string, Severity][];     // documented rule ids and severities; [] = no errors
}

// The documented severities: docs/rules/<id>.md. permission.missing is a warning when
// the verdict rests on an UNVERIFIED fact (whether a plain call enforces conference:add).
const CASES: Case[] = [
  { scenario: 'healthy-agent-device', as: 'Alice Healthy', file: CALL, expect: [] },
  { scenario: 'no-station', as: 'Bob Nostation', file: CALL, expect: [['station.none', 'error']] },
  { scenario: 'station-without-edge', as: 'Carol Edgeless', file: CALL, expect: [['station.no-edge', 'error']] },
  { scenario: 'station-edge-offline', as: 'Dan Offline', file: CALL, expect: [['station.no-edge', 'error']] },
  { scenario: 'missing-permission', as: 'Erin Nopermission', file: CALL, expect: [['permission.missing', 'warning']] },
  { scenario: 'permission-other-division', as: 'Frank Otherdivision', file: CALL, expect: [['permission.missing', 'warning']] },
  { scenario: 'on-behalf-healthy', as: 'Grace Supervisor', file: ON_BEHALF, expect: [] },
  { scenario: 'on-behalf-no-permission', as: 'Erin Nopermission', file: ON_BEHALF, expect: [['permission.missing', 'error']] },
  { scenario: 'unroutable-number', as: 'Alice Healthy', file: 'examples/sandbox/unroutable-number.http', expect: [['route.no-match', 'error']] },
  { scenario: 'unclassified-number', as: 'Alice Healthy', file: 'examples/sandbox/unclassified-number.http', expect: [['route.no-match', 'error'], ['payload.phone-format', 'warning']] },
  { scenario: 'queue-not-member', as: 'Alice Healthy', file: 'examples/sandbox/queue-not-member.http', expect: [['queue.not-member', 'error']] },
  { scenario: 'too-many-destinations', as: 'Alice Healthy', file: 'examples/sandbox/too-many-destinations.http', expect: [['payload.destination', 'error']] },
  { scenario: 'folklore-body', as: 'Alice Healthy', file: 'examples/sandbox/folklore-body.http', expect: [['payload.destination', 'error'], ['payload.unknown-field', 'error']] },
  { scenario: 'client-credentials', as: 'Dialer Integration', file: CALL, expect: [['grant.no-user-context', 'error']] },
  { scenario: 'client-credentials-on-behalf', as: 'Dialer Integration', file: ON_BEHALF, expect: [] },
];

interface JsonFinding { rule: string; severity: string; message: string; evidence?: { request: string; status: number | string }[] }
interface JsonReport { version: number; files: { path: string; requests: unknown[]; findings: JsonFinding[] }[]; summary: { errors: number } }

describe('acceptance: sandbox + login --flow device + check --format json (CLI)', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let tmp: string;
  let lookupToken: string;
  const reports = new Map<string, { run: Run; report: JsonReport }>();

  const user = (name: string) => sandbox.fixture.users.find((u) => u.name === name);
  const client = (name: string) => sandbox.fixture.clients.find((c) => c.name === name)!;
  const configFor = (who: string) => path.join(tmp, who.split(' ')[0].toLowerCase());

  /** `call-doctor <args>` in-process, with its own config dir and no inherited environment. */
  function cli(args: string[], who: string, env: Record<string, string> = {}, onStderr?: (all: string) => void, stdin = ''): Promise<Run> {
    return runCli(args, { cwd: root, stdin, onStderr, env: { CALL_DOCTOR_CONFIG_DIR: configFor(who), NO_COLOR: '1', ...env } });
  }

  /** The user in front of the browser: opens the verification page, enters the code, picks the user, approves. */
  async function approveOnVerificationPage(url: string, userCode: string, userName: string): Promise<void> {
    const browser = new MiniBrowser();
    const page = await browser.open(url);
    assert.strictEqual(page.status, 200, page.body.slice(0, 300));
    assert.match(page.body, /<form method="post" action="\/oauth\/device">/);
    const option = [...page.body.matchAll(/<option value="([^"]+)">([^<]*)/g)].find((m) => m[2].startsWith(`${userName} `));
    assert.ok(option, `the verification page offers ${userName}`);
    assert.match(page.body, /<button type="submit" name="decision" value="approve">/);
    const done = await browser.submit(page, { user_code: userCode, userId: option[1], decision: 'approve' });
    assert.strictEqual(done.status, 200, done.body.slice(0, 300));
    assert.match(done.body, /Device connected/);
  }

  /** `call-doctor login --flow device`: read the code and URL it prints, approve, wait for it to finish. */
  async function deviceLogin(userName: string, base = sandbox.url): Promise<void> {
    let shown: (text: string) => void = () => undefined;
    const prompted = new Promise<string>((resolve) => { shown = resolve; });
    const login = cli(['login', '--flow', 'device', '--env', base, '--client-id', client('Call Doctor (device)').id, '--no-browser', '--format', 'json'],
      userName, {}, (err) => { if (/enter the code \S+\.[\s\S]*URL:\s+\S+/.test(err)) shown(err); });
    const text = await Promise.race([prompted, login.then((r) => { throw new Error(`login ended (${r.code}) before showing a code: ${r.err}`); })]);
    const m = /open (\S+) and enter the code ([A-Z]{4}-[A-Z]{4})\./.exec(text);
    assert.ok(m, text);
    assert.strictEqual(m[1], `${base}/oauth/device`);
    const complete = /URL:\s+(\S+)/.exec(text)![1];
    assert.strictEqual(complete, `${m[1]}?user_code=${m[2]}`);
    await approveOnVerificationPage(complete, m[2], userName);
    const r = await login;
    assert.strictEqual(r.code, 0, r.err);
    const session = JSON.parse(r.out);
    assert.strictEqual(session.grant, 'device');
    assert.strictEqual(session.account.name, userName);
  }

  async function check(c: Case, env: Record<string, string> = {}, base = sandbox.url): Promise<{ run: Run; report: JsonReport }> {
    // The example files name the sandbox's default port (8787); this sandbox listens on a free
    // port, so each check runs against it explicitly, as the core's session rule requires.
    const run = await cli(['check', c.file, '--format', 'json', '--env', base, '--http-env', 'sandbox', '--run-anyway'], c.as, env);
    assert.ok(run.code === 0 || run.code === 1, `${c.scenario}: exit ${run.code}: ${run.err}`);
    return { run, report: JSON.parse(run.out) as JsonReport };
  }

  before(async () => {
    // A 1 s device polling interval keeps nine sign-ins quick; everything else is the default org.
    sandbox = await startSandbox({ port: 0, deviceInterval: 1 });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-accept-device-'));

    const app = client('Dialer Integration');
    const cc = await cli(['login', '--flow', 'client-credentials', '--env', sandbox.url, '--client-id', app.id, '--client-secret-stdin'], app.name, {}, undefined, `${app.secret}\n`);
    assert.strictEqual(cc.code, 0, cc.err);
    // Agents may not read telephony configuration (telephony:plugin:all); the app's token answers
    // those lookups, as an admin's would (GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN, see `check --help`).
    const shown = await cli(['token', '--show-token', '--env', sandbox.url], app.name);
    lookupToken = /^Access token\s+(\S+)$/m.exec(shown.out)![1];

    // Each user signs in on their own "device" (own config dir), all at once.
    await Promise.all([...new Set(CASES.map((c) => c.as).filter((n) => user(n)))].map((name) => deviceLogin(name)));
    for (const c of CASES) {
      reports.set(c.scenario, await check(c, user(c.as) ? { GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN: lookupToken } : {}));
    }
  });

  after(async () => {
    await sandbox?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('covers every fixture user and every documented cause a device sign-in can show', () => {
    const covered = new Set(CASES.map((c) => c.as));
    assert.deepStrictEqual(sandbox.fixture.users.map((u) => u.name).filter((n) => !covered.has(n)), []);
    // missing-scope needs the Reporting Dashboard client, which has no device grant (see the PKCE test below);
    // healthy-agent is healthy-agent-device with PKCE.
    const elsewhere = ['missing-scope', 'healthy-agent'];
    assert.deepStrictEqual(sandbox.fixture.scenarios.map((s) => s.id).filter((id) => !CASES.some((c) => c.scenario === id) && !elsewhere.includes(id)), []);
  });

  it('each case signs in as the scenario\'s user and checks the scenario\'s request', () => {
    const device = client('Call Doctor (device)');
    for (const c of CASES) {
      const s = sandbox.fixture.scenarios.find((x) => x.id === c.scenario)!;
      assert.ok(s, c.scenario);
      const login = s.login;
      if (login.grant === 'client_credentials') assert.strictEqual(client(c.as).id, login.clientId, c.scenario);
      else {
        assert.strictEqual(user(c.as)?.id, login.userId, c.scenario);
        // The device client stands in for the scenario's client: same scopes, so the same diagnosis.
        assert.deepStrictEqual(device.scope, sandbox.fixture.clients.find((x) => x.id === login.clientId)!.scope, c.scenario);
      }
      const r = reports.get(c.scenario)!.report;
      assert.strictEqual(r.files.length, 1);
      assert.strictEqual(r.files[0].path, c.file);
      const req = r.files[0].requests[0] as { method: string; operation: { path: string } | null };
      assert.strictEqual(req.method, s.request.method, c.scenario);
      assert.strictEqual(req.operation?.path.replace(/\{userId\}/, 'd6d474da-07f5-541a-9657-07949181315a'), s.request.path, c.scenario);
      if (c.file.startsWith('examples/sandbox/')) {
        // The sandbox examples carry exactly the scenario's body.
        const text = fs.readFileSync(path.join(root, c.file), 'utf8');
        assert.deepStrictEqual(JSON.parse(text.slice(text.indexOf('\n{') + 1)), s.request.body, c.file);
      }
    }
  });

  for (const c of CASES) {
    const title = c.expect.length ? c.expect.map(([r, s]) => `${r} (${s})`).join(', ') : 'no errors';
    it(`${c.scenario}: ${c.as} checking ${path.basename(c.file)} gives ${title}`, () => {
      const { run, report } = reports.get(c.scenario)!;
      assert.strictEqual(report.version, 1);
      assert.ok(report.summary && typeof report.summary.errors === 'number');
      const findings = report.files[0].findings;
      const errors = findings.filter((f) => f.severity === 'error');
      if (c.expect.length === 0) {
        assert.deepStrictEqual(errors.map((f) => `${f.rule}: ${f.message}`), []);
        assert.strictEqual(report.summary.errors, 0);
        assert.strictEqual(run.code, 0, run.err);
        return;
      }
      assert.strictEqual(run.code, 1, `${c.scenario}: a documented cause exits 1`);
      for (const [rule, severity] of c.expect) {
        const hit = findings.find((f) => f.rule === rule);
        assert.ok(hit, `${c.scenario}: no ${rule}; got ${findings.map((f) => `${f.rule}/${f.severity}`).join(', ')}`);
        assert.strictEqual(hit.severity, severity, `${c.scenario}: ${rule}`);
        if (hit.evidence !== undefined) {
          assert.ok(Array.isArray(hit.evidence) && hit.evidence.length > 0, `${c.scenario}: ${rule} has evidence`);
          for (const e of hit.evidence) assert.match(e.request, /^(GET|HEAD) \/api\/v2\//);
        }
      }
      // Errors are only the documented ones (no stray failures).
      const documented = c.expect.map(([r]) => r);
      assert.deepStrictEqual(errors.filter((f) => !documented.includes(f.rule)).map((f) => f.rule), [], c.scenario);
    });
  }

  it('live findings carry evidence: the read-only API calls behind them', () => {
    for (const [id, rule] of [['no-station', 'station.none'], ['station-edge-offline', 'station.no-edge'], ['missing-permission', 'permission.missing'], ['unroutable-number', 'route.no-match'], ['queue-not-member', 'queue.not-member'], ['client-credentials', 'grant.no-user-context']]) {
      const hit = reports.get(id)!.report.files[0].findings.find((f) => f.rule === rule)!;
      assert.ok(Array.isArray(hit.evidence) && hit.evidence.length > 0, `${id}: ${rule} has no evidence`);
    }
    const route = reports.get('unroutable-number')!.report.files[0].findings.find((f) => f.rule === 'route.no-match')!;
    assert.ok(route.evidence!.some((e) => /\/outboundroutes/.test(e.request)), JSON.stringify(route.evidence));
  });

  it('the healthy agent without an admin lookup token: still no errors; the route check is "could not determine"', async () => {
    const { run, report } = await check(CASES[0]);
    const findings = report.files[0].findings;
    assert.deepStrictEqual(findings.filter((f) => f.severity === 'error').map((f) => f.rule), []);
    assert.strictEqual(run.code, 0, run.err);
    const unavailable = findings.find((f) => f.rule === 'check.unavailable');
    assert.ok(unavailable && /telephony:plugin:all/.test(unavailable.message), JSON.stringify(findings));
  });

  it('missing-scope: Reporting Dashboard (no device grant) signed in with --flow pkce on the sign-in page gives scope.missing', async () => {
    const alice = user('Alice Healthy')!;
    const who = 'Scope Alice';
    let shown: (text: string) => void = () => undefined;
    const prompted = new Promise<string>((resolve) => { shown = resolve; });
    const login = cli(['login', '--flow', 'pkce', '--env', sandbox.url, '--client-id', client('Reporting Dashboard').id, '--no-browser'],
      who, {}, (err) => { if (/URL:\s+\S+/.test(err)) shown(err); });
    const text = await Promise.race([prompted, login.then((r) => { throw new Error(`login ended (${r.code}) before showing a URL: ${r.err}`); })]);
    const browser = new MiniBrowser();
    const page = await browser.open(/URL:\s+(\S+)/.exec(text)![1]);
    assert.strictEqual(page.status, 200, page.body.slice(0, 300));
    const done = await browser.submit(page, { userId: alice.id, decision: 'approve' });
    assert.strictEqual(done.status, 200, done.body.slice(0, 300)); // the CLI's loopback page
    const r = await login;
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /as Alice Healthy \(pkce/);
    const { run, report } = await check({ scenario: 'missing-scope', as: who, file: CALL, expect: [] }, { GENESYS_CLOUD_LOOKUP_ACCESS_TOKEN: lookupToken });
    assert.strictEqual(run.code, 1);
    const hit = report.files[0].findings.find((f) => f.rule === 'scope.missing');
    assert.ok(hit, JSON.stringify(report.files[0].findings.map((f) => f.rule)));
    assert.strictEqual(hit.severity, 'error');
    assert.match(hit.message, /`conversations`/);
    assert.ok(hit.evidence && hit.evidence.length > 0);
  });

  describe('with `call-doctor sandbox --port 0` as a real process (default 5 s device interval)', () => {
    let child: ChildProcess | undefined;
    let base: string;
    before(async () => {
      child = spawn(process.execPath, [path.join(root, 'bin', 'call-doctor.js'), 'sandbox', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stderr!.on('data', (d) => { err += d; });
      base = await new Promise<string>((resolve, reject) => {
        child!.stdout!.on('data', (d) => {
          out += d;
          const m = /Base URL \(login \+ API\): (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (m) resolve(m[1]);
        });
        child!.once('exit', (code) => reject(new Error(`call-doctor sandbox exited (${code}) before printing its URL: ${err}${out}`)));
      });
    });
    after(async () => {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    });

    it('Bob signs in with the device flow and `check` gives station.none', async () => {
      const bob: Case = { scenario: 'no-station', as: 'Bob Nostation', file: CALL, expect: [['station.none', 'error']] };
      fs.rmSync(configFor(bob.as), { recursive: true, force: true });
      await deviceLogin(bob.as, base);
      const { run, report } = await check(bob, {}, base);
      assert.strictEqual(run.code, 1, run.err);
      const hit = report.files[0].findings.find((f) => f.rule === 'station.none');
      assert.strictEqual(hit?.severity, 'error', JSON.stringify(report.files[0].findings));
      assert.ok(hit.evidence && hit.evidence.length > 0);
    });
  });

  it('no output carries a token', () => {
    for (const { run } of reports.values()) assert.ok(!run.out.includes(lookupToken) && !run.err.includes(lookupToken));
  });
});
