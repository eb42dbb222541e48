// Parity (issue 8): the CLI and the editor give the same answer on the same
// input. The CLI runs as a real process (`node bin/call-doctor.js ...` from the
// repo root); the editor's answer is what the running extension publishes
// (diagnostics) or returns (DoctorService.run). Files outside the workspace
// folder are opened by path, as a user opens any file.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Session } from '../../../src/core/auth';
import { collectFiles } from '../../../src/node/walk';
import type { Finding } from '../../../src/core/types';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { pkceLogin } from '../../../src/sandbox/testing/flows';
import type { DoctorService } from '../../../src/vscode/doctor/doctorService';
import { ENV_TWO_UP, marks, paritySweepFiles, parityReport, REPO_ROOT, SESSION_TOKEN_REQUEST } from '../../unit/parityCompare';
import { SOURCE } from './helpers';
import { api, PKCE_CLIENT, signOut, USERS } from './sandboxUsers';

interface CliRun { code: number | null; out: string; err: string }
interface JsonFinding extends Pick<Finding, 'rule' | 'severity' | 'range' | 'message'> { evidence?: unknown[] }
interface JsonFile { path: string; findings: JsonFinding[]; problems?: { message: string }[] }
interface JsonReport { files: JsonFile[]; live?: { request: number; verdict?: string; error: string | null }[] }

/** `node bin/call-doctor.js <args>` from the repo root; GENESYS_CLOUD_* of this host are not passed on. */
function callDoctor(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GENESYS_CLOUD_') && k !== 'CALL_DOCTOR_CONFIG_DIR'));
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO_ROOT, 'bin', 'call-doctor.js'), ...args], {
      cwd: REPO_ROOT, maxBuffer: 32 * 1024 * 1024,
      env: { ...inherited, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1', ...env },
    }, (err, out, errOut) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, out, err: errOut }));
  });
}

function report(run: CliRun, what: string): JsonReport {
  assert.ok(run.code === 0 || run.code === 1, `${what} exited ${run.code}: ${run.err}`);
  return JSON.parse(run.out) as JsonReport;
}

const SEVERITY: Record<vscode.DiagnosticSeverity, Finding['severity'] | 'hint'> = {
  [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info', [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function diagnosticMarks(diags: readonly vscode.Diagnostic[]): string[] {
  return marks(diags.map((d) => ({
    rule: String(typeof d.code === 'object' ? d.code.value : d.code),
    severity: SEVERITY[d.severity] as Finding['severity'],
    range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
  })));
}

/**
 * Resolves once the extension has analysed the document's current version:
 * DoctorService.run awaits the same shared analysis the diagnostics are
 * published from. The run is cancelled before it starts (no lookup is sent);
 * documents without a request or of a kind we do not check reject, also after
 * that analysis.
 */
async function analysed(doctor: DoctorService, doc: vscode.TextDocument): Promise<void> {
  const cancelled = new vscode.CancellationTokenSource();
  cancelled.cancel();
  await doctor.run(doc, 0, cancelled.token, { background: true }).catch(() => undefined);
}

/**
 * The editor's offline diagnostics for `uri` once analysed. A short grace period
 * lets the diagnostics provider's own continuation publish when the values still
 * differ from `expected` (the CLI's answer); after it, whatever is published is the answer.
 */
async function editorAnswer(doctor: DoctorService, uri: vscode.Uri, expected: readonly string[]): Promise<string[]> {
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.ok(!doc.isDirty, `${uri.fsPath} has unsaved edits in the editor; parity compares files as saved`);
  await analysed(doctor, doc);
  const now = () => diagnosticMarks(vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE));
  const same = () => JSON.stringify(now()) === JSON.stringify(expected);
  if (same()) return now();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => { sub.dispose(); resolve(); }, 2000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && same()) { clearTimeout(timer); sub.dispose(); resolve(); }
    });
  });
  return now();
}

async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('genesysCloud');
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await config.update(key, before, vscode.ConfigurationTarget.Global);
  }
}

describe('parity: call-doctor lint and the editor diagnostics (issue 8)', () => {
  let doctor: DoctorService;

  before(async () => {
    doctor = (await api()).doctor!;
    assert.ok(doctor, 'the extension exposes its DoctorService under tests');
  });

  it('give the same rule ids, ranges and severities for every example and lintable fixture', async function () {
    this.timeout(120_000);
    const { files, problems } = await collectFiles(['examples', 'test/fixtures', 'test/workbench/workspace'], REPO_ROOT);
    assert.deepStrictEqual(problems, []);
    const rel = paritySweepFiles(files.map((f) => path.relative(REPO_ROOT, f).split(path.sep).join('/')));
    assert.ok(rel.length >= 30, `the sweep found ${rel.length} files`);
    const cli = new Map(report(await callDoctor(['lint', ...rel, '--format', 'json']), 'call-doctor lint').files.map((f) => [f.path, f]));
    // All files at once: each waits only for its own analysis (the workbench budget is shared by every suite).
    const rows = await Promise.all(rel.map(async (file) => {
      const fromCli = cli.get(file);
      assert.ok(fromCli, `the CLI reported nothing for ${file}`);
      const expected = marks(fromCli.findings);
      return { file, cli: expected, editor: await editorAnswer(doctor, vscode.Uri.file(path.join(REPO_ROOT, file)), expected) };
    }));
    const diff = parityReport(rows);
    if (diff) assert.fail(diff);
  });

  // Divergence (a): with the env file two folders up inside the workspace, the
  // editor resolves {{apiHost}}; `call-doctor lint --env dev` looks only beside the file.
  describe('an http-client.env.json two folders up inside the project', () => {
    const copy = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'parity-envTwoUp');
    // A copy inside the workspace folder for this test only: committed files there are counted by other tests.
    before(() => {
      fs.rmSync(copy(), { recursive: true, force: true });
      fs.cpSync(path.join(REPO_ROOT, ENV_TWO_UP.dir), copy(), { recursive: true });
    });
    after(() => fs.rmSync(copy(), { recursive: true, force: true }));

    it('both find it (environment dev) and report nothing', async () => {
      const file = path.join(copy(), ENV_TWO_UP.request);
      const answers = await withSetting('httpEnvironment', ENV_TWO_UP.environment, async () => {
        const cli = report(await callDoctor(['lint', file, '--env', ENV_TWO_UP.environment, '--format', 'json']), 'call-doctor lint').files[0];
        return {
          cli: { findings: marks(cli.findings), problems: (cli.problems ?? []).map((p) => p.message) },
          editor: { findings: await editorAnswer(doctor, vscode.Uri.file(file), []) },
        };
      });
      assert.deepStrictEqual(answers, { cli: { findings: [], problems: [] }, editor: { findings: [] } });
    });
  });

  // Divergence (b), offline half: {{accessToken}} is the signed-in session's value at send time.
  it('{{accessToken}} defined nowhere: neither lint nor the editor diagnostics call it unresolved', async () => {
    const cli = report(await callDoctor(['lint', SESSION_TOKEN_REQUEST, '--format', 'json']), 'call-doctor lint').files[0];
    const editor = await editorAnswer(doctor, vscode.Uri.file(path.join(REPO_ROOT, SESSION_TOKEN_REQUEST)), []);
    assert.deepStrictEqual({ cli: marks(cli.findings), editor }, { cli: [], editor: [] });
  });
});

interface CheckCase { user: keyof typeof USERS; file: string }
// A focused set (each CLI run is a process loading the catalog): a healthy user, two live causes, and offline body problems.
const CASES: CheckCase[] = [
  { user: 'alice', file: 'examples/correct/call.http' },
  { user: 'bob', file: 'examples/correct/call.http' },
  { user: 'erin', file: 'examples/correct/call.http' },
  { user: 'alice', file: 'examples/sandbox/folklore-body.http' },
];
const SESSION_TOKEN_CASE: CheckCase = { user: 'alice', file: SESSION_TOKEN_REQUEST };

interface Answer { verdict?: string; live: string[]; offline: string[] }
interface CaseAnswers { cli: Answer; editor: Answer }

describe('parity: call-doctor check and the editor\'s Call Doctor run (issue 8, sandbox)', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let doctor: DoctorService;
  let configDir: string;
  const tokens = new Map<string, string>();
  const answers = new Map<CheckCase, CaseAnswers>();

  /** Signs `user` in to the sandbox in the editor (replacing that environment's session) and returns the core session. */
  async function editorSession(user: keyof typeof USERS): Promise<Session> {
    const auth = (await api()).testing!.auth;
    const signedIn = await auth.signInWith({ environment: sandbox.url, flow: 'token', accessToken: tokens.get(user)! });
    const session = (await auth.sessions()).find((s) => s.id === signedIn.id);
    assert.ok(session, `the editor holds ${user}'s session`);
    return session;
  }

  async function cliCheck(file: string, user: keyof typeof USERS): Promise<Answer> {
    const r = report(await callDoctor(['check', file, '--format', 'json', '--env', sandbox.url, '--http-env', 'sandbox', '--run-anyway'],
      { GENESYS_CLOUD_ACCESS_TOKEN: tokens.get(user)!, CALL_DOCTOR_CONFIG_DIR: configDir }), `call-doctor check ${file} as ${user}`);
    assert.strictEqual(r.live?.length, 1, `check ran one request of ${file}`);
    const findings = r.files[0].findings;
    return { verdict: r.live[0].verdict, live: marks(findings.filter((f) => f.evidence)), offline: marks(findings.filter((f) => !f.evidence)) };
  }

  async function editorRun(file: string, user: keyof typeof USERS): Promise<Answer> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(REPO_ROOT, file)));
    const run = await doctor.run(doc, 0, undefined, { session: await editorSession(user), force: true, background: true });
    return { verdict: run.live?.verdict ?? `(no live result: ${run.error})`, live: marks(run.liveInFile ?? []), offline: marks(run.offline) };
  }

  before(async () => {
    doctor = (await api()).doctor!;
    sandbox = await startSandbox();
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-parity-'));
    for (const user of new Set(CASES.map((c) => c.user))) tokens.set(user, (await pkceLogin(sandbox.url, PKCE_CLIENT, USERS[user])).access_token);
    // `check` picks http-client.env.json's "sandbox" environment for a loopback org; the editor's setting says the same.
    await withSetting('httpEnvironment', 'sandbox', async () => {
      const all = [...CASES, SESSION_TOKEN_CASE];
      const cli = await Promise.all(all.map((c) => cliCheck(c.file, c.user)));
      for (const [i, c] of all.entries()) answers.set(c, { cli: cli[i], editor: await editorRun(c.file, c.user) });
    });
  });

  after(async () => {
    if (sandbox) { await signOut(sandbox.url); await sandbox.close(); }
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.file} as ${c.user}: the same verdict and live findings`, () => {
      const a = answers.get(c)!;
      assert.ok(a.cli.verdict, `check gave ${c.file} a live verdict`);
      assert.deepStrictEqual({ verdict: a.editor.verdict, live: a.editor.live }, { verdict: a.cli.verdict, live: a.cli.live }, 'editor (actual) vs CLI (expected)');
    });
    it(`${c.file} as ${c.user}: the same offline findings`, () => {
      const a = answers.get(c)!;
      const diff = parityReport([{ file: c.file, cli: a.cli.offline, editor: a.editor.offline }]);
      if (diff) assert.fail(diff);
    });
  }

  // Divergence (b), live half: check already treats {{accessToken}} as the session's; the editor's run must too.
  it('{{accessToken}} defined nowhere: neither check nor the editor\'s Call Doctor run calls it unresolved', () => {
    const { cli, editor } = answers.get(SESSION_TOKEN_CASE)!;
    const unresolved = (m: string[]) => m.filter((x) => x.startsWith('variable.unresolved '));
    assert.deepStrictEqual({ cli: unresolved(cli.offline), editor: unresolved(editor.offline) }, { cli: [], editor: [] });
    assert.deepStrictEqual(editor, cli, 'editor (actual) vs CLI (expected)');
  });
});
