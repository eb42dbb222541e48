// The acceptance points of `call-doctor lint`, checked on the committed examples
// with the real catalog and rules (needs `npm run catalog`, which `npm test` runs).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { runCli, type CliRun } from './cliRun';

const root = path.resolve(__dirname, '../../..');

interface JsonFinding { rule: string; severity: string; message: string; pointer: string | null; source: { ref: string; verified: boolean } }
interface JsonReport { files: { path: string; findings: JsonFinding[] }[]; summary: { errors: number } }

function lint(args: string[]): Promise<CliRun> {
  return runCli(['lint', ...args], { cwd: root });
}

describe('acceptance: call-doctor lint examples', function () {
  let report: JsonReport;
  let code: number;

  before(async () => {
    const run = await lint(['examples', '--format', 'json']);
    assert.strictEqual(run.err, '', run.err);
    code = run.code;
    report = JSON.parse(run.out);
  });

  function findings(file: string, rule: string): JsonFinding[] {
    const f = report.files.find((x) => x.path === file);
    assert.ok(f, `${file} was not linted; files: ${report.files.map((x) => x.path).join(', ')}`);
    return f.findings.filter((x) => x.rule === rule);
  }
  function at(file: string, rule: string, pointer: string): JsonFinding {
    const hit = findings(file, rule).find((x) => x.pointer === pointer);
    assert.ok(hit, `${file}: no ${rule} at ${pointer}`);
    assert.strictEqual(hit.severity, 'error');
    return hit;
  }
  function naming(file: string, rule: string, name: string): JsonFinding {
    const hit = findings(file, rule).find((x) => x.message.includes(name));
    assert.ok(hit, `${file}: no ${rule} naming ${name}`);
    assert.strictEqual(hit.severity, 'error');
    return hit;
  }

  it('exits 1 for the whole examples directory', () => {
    assert.strictEqual(code, 1);
    assert.ok(report.summary.errors > 0);
  });

  it('case 1 payload: unknown fields /from /to /type /metadata, each naming the real alternative', () => {
    const file = 'examples/forum-case-1/payload.json';
    assert.match(at(file, 'payload.unknown-field', '/to').message, /`phoneNumber`/);
    assert.match(at(file, 'payload.unknown-field', '/from').message, /\/api\/v2\/conversations\/calls\/user\/\{userId\}/);
    assert.match(at(file, 'payload.unknown-field', '/from').message, /callerIdName/);
    assert.match(at(file, 'payload.unknown-field', '/type').message, /not a field of CreateCallRequest/);
    assert.match(at(file, 'payload.unknown-field', '/metadata').message, /`attributes`/);
    assert.strictEqual(findings(file, 'payload.unknown-field').length, 4);
    for (const f of findings(file, 'payload.unknown-field')) assert.strictEqual(f.source.verified, true, f.message);
  });

  it('case 1 payload: no destination', () => {
    const [hit] = findings('examples/forum-case-1/payload.json', 'payload.destination');
    assert.ok(hit, 'payload.destination missing');
    assert.strictEqual(hit.severity, 'error');
    assert.match(hit.message, /No destination/);
    assert.match(hit.message, /`phoneNumber`/);
  });

  it('case 1 token request: wrong host and the two invented scopes', () => {
    const file = 'examples/forum-case-1/requests.http';
    const [host] = findings(file, 'endpoint.wrong-host');
    assert.ok(host, 'endpoint.wrong-host missing');
    assert.strictEqual(host.severity, 'error');
    assert.match(host.message, /https:\/\/login\.mypurecloud\.com\/oauth\/token/);
    assert.match(naming(file, 'scope.unknown', 'conversations:write').message, /plain `conversations`/);
    assert.match(naming(file, 'scope.unknown', 'outbound:campaign:write').message, /`outbound`/);
    for (const f of findings(file, 'scope.unknown')) assert.strictEqual(f.source.verified, false, 'scope lists are UNVERIFIED (FACTS §2.3)');
  });

  it('case 1 SDK snippet: setScopes is not an SDK method', () => {
    const hit = naming('examples/forum-case-1/client.js', 'sdk.unknown-method', 'setScopes');
    assert.match(hit.message, /ApiClient/);
  });

  it('case 2 payload: unknown fields /to /from /routing', () => {
    const file = 'examples/forum-case-2/payload.json';
    assert.match(at(file, 'payload.unknown-field', '/to').message, /`phoneNumber`/);
    assert.match(at(file, 'payload.unknown-field', '/from').message, /`callerId`/);
    assert.match(at(file, 'payload.unknown-field', '/routing').message, /\/api\/v2\/conversations\/calls\/user\/\{userId\}/);
    assert.strictEqual(findings(file, 'payload.unknown-field').length, 3);
  });

  it('case 2 requests: the three invented scopes and both non-existent endpoints', () => {
    const file = 'examples/forum-case-2/requests.http';
    for (const scope of ['calls:view', 'calls:modify', 'callcenter:outboundcalls:modify']) naming(file, 'scope.unknown', `\`${scope}\``);
    assert.match(naming(file, 'endpoint.unknown', '/api/v2/users/{userId}/permissions').message, /\/api\/v2\/authorization\/subjects\/\{subjectId\}/);
    assert.match(naming(file, 'endpoint.unknown', '/api/v2/outbound/routes').message, /\/api\/v2\/telephony\/providers\/edges\/outboundroutes/);
  });

  it('the correct examples produce no errors', () => {
    const correct = report.files.filter((f) => f.path.startsWith('examples/correct/'));
    assert.deepStrictEqual(correct.map((f) => f.path), ['examples/correct/call.http', 'examples/correct/http-client.env.json', 'examples/correct/on-behalf.http']);
    for (const f of correct) assert.deepStrictEqual(f.findings.filter((x) => x.severity === 'error'), [], f.path);
  });

  it('exits 0 for examples/correct, in every environment', async () => {
    for (const env of [[], ['--env', 'sandbox'], ['--env', 'mypurecloud']]) {
      const run = await lint(['examples/correct', ...env]);
      assert.strictEqual(run.code, 0, `${env.join(' ')}\n${run.out}${run.err}`);
      assert.match(run.out, /^0 errors, /m);
    }
  });

  it('the built CLI agrees when run as a real process (exit codes 1 and 0)', function () {
    this.timeout(30000);
    const bin = path.join(root, 'bin/call-doctor.js');
    const all = spawnSync(process.execPath, [bin, 'lint', 'examples', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.strictEqual(all.status, 1, all.stderr);
    assert.deepStrictEqual(JSON.parse(all.stdout).summary, report.summary);
    const correct = spawnSync(process.execPath, [bin, 'lint', 'examples/correct'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(correct.status, 0, correct.stdout + correct.stderr);
  });
});
