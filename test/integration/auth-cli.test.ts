// `call-doctor login | token | logout` against the sandbox, with the real
// Node adapters (HTTP, 0600 secrets file in a temp config dir) and a prompt
// that approves device codes on the sandbox.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { runLogin } from '../../src/cli/commands/login';
import { runToken } from '../../src/cli/commands/token';
import { runLogout } from '../../src/cli/commands/logout';
import type { CliIo } from '../../src/cli/commands/types';
import type { CliPortsFactory } from '../../src/cli/adapters';
import { nodeHttp } from '../../src/node/http';
import { nodeLoopback } from '../../src/node/loopbackServer';
import { FileSecrets, configDir } from '../../src/node/secretsFile';
import { silentLog } from '../../src/core/ports';
import { FakeClock, FakePrompt } from '../unit/auth-fakes';

describe('CLI login / token / logout against the sandbox', () => {
  let sandbox: Sandbox;
  let dir: string;
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  let approveAs: string | undefined;

  before(async () => {
    sandbox = await startSandbox({ port: 0, clock });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-cli-auth-'));
  });
  after(async () => {
    await sandbox?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ports: CliPortsFactory = (io) => {
    const prompt = new FakePrompt();
    prompt.show = async (message, detail) => {
      io.stderr(`${message}\n`);
      if (detail?.code && approveAs) sandbox.approveDevice(detail.code, approveAs);
    };
    return { http: nodeHttp(), clock, prompt, log: silentLog, secrets: new FileSecrets(configDir(io.env)), loopback: nodeLoopback };
  };

  function io(stdin = '', env: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliIo = {
      stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir,
      env: { CALL_DOCTOR_CONFIG_DIR: path.join(dir, 'cfg'), ...env }, readStdin: async () => stdin,
    };
    return { cli, out: () => out.join(''), err: () => err.join('') };
  }

  const clientOf = (name: string) => sandbox.fixture.clients.find((c) => c.name === name)!;
  const secretsFile = () => path.join(dir, 'cfg', 'secrets.json');
  const storedToken = () => {
    const all = JSON.parse(fs.readFileSync(secretsFile(), 'utf8')) as Record<string, string>;
    return JSON.parse(all[`genesys-call-doctor.session:${sandbox.url}`]).accessToken as string;
  };

  it('logs in with client credentials from stdin and keeps the session in a 0600 file', async () => {
    const cc = clientOf('Dialer Integration');
    const t = io(`${cc.secret}\n`);
    const code = await runLogin(['--env', sandbox.url, '--flow', 'client-credentials', '--client-id', cc.id, '--client-secret-stdin'], t.cli, ports);
    assert.strictEqual(code, 0, t.err());
    assert.match(t.out(), /^Signed in to http:\/\/127\.0\.0\.1:\d+ as Dialer Integration \(OAuth client\) \(client-credentials; token expires 2026-01-02T00:00:00.000Z\)\./);
    assert.match(t.out(), /no user/);
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(secretsFile()).mode & 0o777, 0o600);
    const token = storedToken();
    assert.ok(token.length > 20);
    assert.ok(!t.out().includes(token) && !t.err().includes(token));
    assert.ok(!t.out().includes(cc.secret!));
  });

  it('shows the token report without the token, and the token only with --show-token', async () => {
    const t = io();
    assert.strictEqual(await runToken(['--env', sandbox.url, '--format', 'json'], t.cli, ports), 0, t.err());
    const report = JSON.parse(t.out());
    assert.strictEqual(report.grants.account.kind, 'client');
    assert.strictEqual(report.grants.client.name, 'Dialer Integration');
    assert.strictEqual(report.accessToken, undefined);
    assert.ok(!t.out().includes(storedToken()));

    const shown = io();
    assert.strictEqual(await runToken(['--show-token'], shown.cli, ports), 0, shown.err());
    assert.match(shown.out(), /OAuth client\s+Dialer Integration/);
    assert.ok(shown.out().includes(`Access token   ${storedToken()}`));
  });

  it('picks the advertised device flow when --flow is omitted (GENESYS_CLOUD_ENVIRONMENT)', async () => {
    approveAs = sandbox.fixture.users.find((u) => u.name.startsWith('Grace'))!.id;
    const t = io('', { GENESYS_CLOUD_ENVIRONMENT: sandbox.url, GENESYS_CLOUD_CLIENT_ID: clientOf('Call Doctor (device)').id });
    const code = await runLogin(['--format', 'json'], t.cli, ports);
    approveAs = undefined;
    assert.strictEqual(code, 0, t.err());
    const out = JSON.parse(t.out());
    assert.strictEqual(out.grant, 'device');
    assert.strictEqual(out.account.name, 'Grace Supervisor');
    assert.strictEqual(out.refreshable, true);
    assert.match(t.err(), /enter the code [A-Z]{4}-[A-Z]{4}/);
    const report = io();
    assert.strictEqual(await runToken([], report.cli, ports), 0);
    assert.match(report.out(), /User\s+Grace Supervisor/);
    assert.match(report.out(), /Roles\s+\S/);
  });

  it('explains usage errors with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--flow', 'implicit', '--env', 'eu_west_1'], /unknown flow 'implicit'/],
      [['--client-id', 'x'], /No environment given/],
      [['--env', 'http://example.test'], /plain http/],
      [['--env', 'eu_west_1'], /No way to sign in was given/],
      [['--env', 'eu_west_1', '--bogus'], /unknown option '--bogus'/],
    ];
    for (const [args, re] of cases) {
      const t = io();
      assert.strictEqual(await runLogin(args, t.cli, ports), 2, args.join(' '));
      assert.match(t.err(), re);
    }
    const t = io();
    assert.strictEqual(await runLogin(['--env', 'eu_west_1', '--flow', 'device', '--client-id', 'x'], t.cli, ports), 1);
    assert.match(t.err(), /Genesys Cloud does not offer the OAuth device authorization grant/);
  });

  it('logs out, forgets the session, and token then says "not signed in"', async () => {
    const t = io();
    assert.strictEqual(await runLogout([], t.cli, ports), 0, t.err());
    assert.match(t.out(), /^Signed out of http:\/\/127\.0\.0\.1:\d+; /);
    assert.ok(!fs.readFileSync(secretsFile(), 'utf8').includes('accessToken'));
    const after = io();
    assert.strictEqual(await runToken([], after.cli, ports), 1);
    assert.match(after.err(), /Not signed in/);
    const again = io();
    assert.strictEqual(await runLogout(['--env', sandbox.url], again.cli, ports), 0);
    assert.match(again.out(), /Not signed in/);
  });
});
