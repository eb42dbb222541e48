// Security properties, end to end against the sandbox on 127.0.0.1:
// - a canary token, used by every CLI command and the full check suite, shows
//   up in no output, log line, report or file except the secret store;
// - a request to a host outside the signed-in environment never gets the token.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { nodeHttp } from '../../src/cli/adapters';
import { signInFor } from '../../src/cli/commands/demo';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { runCli, type CliRun } from '../unit/cliRun';

const root = path.resolve(__dirname, '../../..');
const examples = path.join(root, 'examples', 'correct');

function allFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, String(f))).filter((f) => fs.statSync(f).isFile());
}

describe('security: tokens stay secret', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let canary: string;
  let tmp: string;
  const outputs: CliRun[] = [];

  async function cli(args: string[], env: Record<string, string | undefined> = {}, stdin = ''): Promise<CliRun> {
    const c = await runCli(args, {
      cwd: root, stdin,
      env: { CALL_DOCTOR_CONFIG_DIR: path.join(tmp, 'config'), GENESYS_CLOUD_ENVIRONMENT: sandbox.url, NO_COLOR: '1', ...env },
    });
    outputs.push(c);
    return c;
  }

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-sec-'));
    // The canary is a real token the sandbox issued, so every check path runs with it.
    const healthy = sandbox.fixture.scenarios.find((s) => s.id === 'healthy-agent')!;
    canary = (await signInFor(sandbox, healthy, nodeHttp())).accessToken;
    assert.ok(canary.length >= 16);
  });
  after(async () => {
    await sandbox.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('no command prints the canary, and only the secret store holds it', async () => {
    const login = await cli(['login', '--flow', 'token', '--token-stdin'], {}, canary);
    assert.strictEqual(login.code, 0, login.err);
    const secrets = path.join(tmp, 'config', 'secrets.json');
    assert.ok(fs.readFileSync(secrets, 'utf8').includes(canary), 'the secret store holds the session');

    const errorBody = path.join(tmp, 'error.txt');
    fs.writeFileSync(errorBody, `HTTP/1.1 403 Forbidden\nAuthorization: Bearer ${canary}\n\n{"status":403,"code":"missing.any.permissions","message":"You must have at least one of the following permissions assigned: [conversation:conference:add]","contextId":"c-1","echo":"${canary}"}`);
    const runs: CliRun[] = [];
    runs.push(await cli(['token']));
    runs.push(await cli(['token', '--format', 'json']));
    // The examples name the sandbox's default port; this sandbox listens on another, so the
    // checks run against it explicitly (--run-anyway), as the core's session rule requires.
    const check = (file: string, ...rest: string[]) => ['check', path.join(examples, file), '--http-env', 'sandbox', '--run-anyway', ...rest];
    for (const format of ['text', 'json', 'sarif', 'markdown']) runs.push(await cli(check('call.http', '--format', format, '--verbose')));
    runs.push(await cli(check('on-behalf.http', '--format', 'json')));
    runs.push(await cli(check('call.http', '--send', '--format', 'markdown')));
    runs.push(await cli(check('call.http'), { GENESYS_CLOUD_ACCESS_TOKEN: canary }));
    runs.push(await cli(['explain', errorBody]));
    runs.push(await cli(['explain', errorBody, '--format', 'json']));
    runs.push(await cli(['explain', '-'], {}, `{"code":"bad.credentials","message":"x","access_token":"${canary}"}`));
    runs.push(await cli(['lint', examples, '--format', 'json']));
    runs.push(await cli(['demo']));

    // The checks really ran with the canary (so the assertion below means something).
    const json = JSON.parse(runs[3].out);
    assert.ok(json.live[0].checks.some((c: { state: string }) => c.state === 'pass'), runs[3].out.slice(0, 500));
    assert.match(runs[5].out, /Call Doctor report/);
    assert.match(runs[7].out, /Your request, sent once/);

    for (const c of outputs) {
      assert.ok(!c.out.includes(canary) && !c.err.includes(canary), `canary in output of a command: ${c.out.slice(0, 200)} ${c.err.slice(0, 200)}`);
    }
    for (const f of allFiles(tmp)) {
      if (f === secrets || f === errorBody) continue;
      assert.ok(!fs.readFileSync(f, 'utf8').includes(canary), `canary in ${f}`);
    }
    assert.ok(!JSON.stringify(sandbox.requestLog.entries()).includes(canary), 'canary in the sandbox request log');

    const logout = await cli(['logout']);
    assert.strictEqual(logout.code, 0, logout.err);
    assert.ok(!fs.readFileSync(secrets, 'utf8').includes(canary), 'logout removes it from the store');
  });

  it('a request to a host outside the signed-in environment never receives the token', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const other = http.createServer((req, res) => { seen.push(req.headers); res.end('{}'); });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const port = (other.address() as { port: number }).port;
      const file = path.join(tmp, 'foreign.http');
      fs.writeFileSync(file, `POST http://127.0.0.1:${port}/api/v2/conversations/calls\nAuthorization: Bearer {{accessToken}}\nContent-Type: application/json\n\n{"phoneNumber": "+13175550199"}\n`);
      // No session serves that host: no verdict, nothing sent.
      const r = await cli(['check', file, '--send'], { GENESYS_CLOUD_ACCESS_TOKEN: canary });
      assert.match(r.out + r.err, /no verdict: This request targets http:\/\/127\.0\.0\.1:\d+/);
      assert.strictEqual(r.code, 2);
      // Even when the user explicitly runs against the signed-in environment, the token stays home.
      const anyway = await cli(['check', file, '--send', '--run-anyway'], { GENESYS_CLOUD_ACCESS_TOKEN: canary });
      assert.match(anyway.out + anyway.err, /Refused to send the bearer token to http:\/\/127\.0\.0\.1:\d+: it is not the signed-in environment/);
      assert.match(anyway.out, /Checked against http:\/\/127\.0\.0\.1:\d+ at your request; the request targets http:\/\/127\.0\.0\.1:\d+/);
      assert.strictEqual(seen.length, 0, 'the foreign host got no request at all');
      assert.ok(!(r.out + r.err + anyway.out + anyway.err).includes(canary));
    } finally {
      await new Promise<void>((r) => other.close(() => r()));
    }
  });
});
