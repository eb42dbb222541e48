// Parity (issue 8), live: `call-doctor check --format json` (in-process, through
// main) and the editor's Call Doctor path through the core (DoctorService.run:
// the editor's analysis, then the core's checkRequest) give the
// same verdict and findings for the same sandbox user, token and request file.
// The workbench parity test runs the real extension against the real CLI process.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fetchPort } from '../../src/node/fetchPort';
import { parseEnvironment } from '../../src/core/env/environment';
import type { Session } from '../../src/core/auth';
import { checkRequest } from '../../src/core/pipeline';
import { silentLog, systemClock } from '../../src/core/ports';
import type { Finding } from '../../src/core/types';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { pkceLogin } from '../../src/sandbox/testing/flows';
import { runCli } from '../unit/cliRun';
import { editorAnalysis, marks, parityReport, REPO_ROOT, SESSION_TOKEN_REQUEST } from '../unit/parityCompare';

const PKCE_CLIENT = '6209954a-6272-5918-84ed-d5909e4ea74b';
const USERS = { alice: 'd6d474da-07f5-541a-9657-07949181315a', bob: 'c7898be9-650f-533c-a8f0-0c65132fd83e' } as const;
const CASES: { user: keyof typeof USERS; file: string }[] = [
  { user: 'alice', file: 'examples/correct/call.http' },
  { user: 'bob', file: 'examples/correct/call.http' },
  { user: 'alice', file: 'examples/sandbox/folklore-body.http' },
  { user: 'alice', file: SESSION_TOKEN_REQUEST },
];

interface Answer { verdict?: string; live: string[]; offline: string[] }
type JsonFinding = Pick<Finding, 'rule' | 'severity' | 'range'> & { evidence?: unknown[] };

describe('parity: call-doctor check and the editor\'s Call Doctor path (issue 8, sandbox)', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let configDir: string;
  const tokens = new Map<string, string>();

  async function cliCheck(file: string, token: string): Promise<Answer> {
    const run = await runCli(['check', file, '--format', 'json', '--env', sandbox.url, '--http-env', 'sandbox', '--run-anyway'],
      { cwd: REPO_ROOT, env: { GENESYS_CLOUD_ACCESS_TOKEN: token, CALL_DOCTOR_CONFIG_DIR: configDir } });
    assert.ok(run.code === 0 || run.code === 1, `check ${file} exited ${run.code}: ${run.err}`);
    const report = JSON.parse(run.out) as { files: { findings: JsonFinding[] }[]; live: { verdict?: string }[] };
    assert.strictEqual(report.live.length, 1, `check ran one request of ${file}`);
    const findings = report.files[0].findings;
    return { verdict: report.live[0].verdict, live: marks(findings.filter((f) => f.evidence)), offline: marks(findings.filter((f) => !f.evidence)) };
  }

  /**
   * The editor's run of request 1 (DoctorService.run: the editor's analysis, then the core's
   * checkRequest), httpEnvironment "sandbox", workspace = the repository. The examples name the
   * sandbox's default port and this sandbox listens on another, so both sides run explicitly.
   */
  async function editorRun(file: string, token: string): Promise<Answer> {
    const analysis = await editorAnalysis(file, { workspaceFolder: REPO_ROOT, environment: 'sandbox' });
    const session: Session = { id: 'parity', environment: parseEnvironment(sandbox.url), accessToken: token, grant: 'token' };
    const o = await checkRequest(analysis, 0, {
      sessions: [session], explicitSession: session,
      ports: { http: fetchPort((url, init) => fetch(url, init)), clock: systemClock, log: silentLog },
    });
    if (o.status !== 'checked') return { verdict: `(no live result: ${o.status === 'not-checkable' ? o.message : o.noSession.reason})`, live: [], offline: marks(o.offline) };
    return { verdict: o.result.verdict, live: marks(o.live), offline: marks(o.offline) };
  }

  before(async () => {
    sandbox = await startSandbox();
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-parity-'));
    for (const user of Object.keys(USERS) as (keyof typeof USERS)[]) tokens.set(user, (await pkceLogin(sandbox.url, PKCE_CLIENT, USERS[user])).access_token);
  });

  after(async () => {
    await sandbox?.close();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.file} as ${c.user}: the same verdict, live and offline findings`, async () => {
      const token = tokens.get(c.user)!;
      const [cli, editor] = await Promise.all([cliCheck(c.file, token), editorRun(c.file, token)]);
      assert.ok(cli.verdict, `check gave ${c.file} a live verdict`);
      assert.deepStrictEqual({ verdict: editor.verdict, live: editor.live }, { verdict: cli.verdict, live: cli.live }, 'editor (actual) vs CLI (expected)');
      const diff = parityReport([{ file: c.file, cli: cli.offline, editor: editor.offline }]);
      if (diff) assert.fail(diff);
    });
  }
});
