// The core's one pipeline: the session rule, the project root for env files,
// and the regressions that made the CLI and the editor disagree.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Session } from '../../src/core/auth';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { parseEnvironment } from '../../src/core/env/environment';
import {
  analyzeText, checkRequest, chooseSession, DEFAULT_PAYLOAD_ASSOCIATIONS, describeBasis, isNoSession, projectRootOf, unresolvedHostVariables,
} from '../../src/core/pipeline';
import type { FilesPort, HttpPort } from '../../src/core/ports';
import { silentLog, systemClock } from '../../src/core/ports';

const session = (env: string, id = env): Session => ({ id, environment: parseEnvironment(env), accessToken: `tok-${id}-0123456789`, grant: 'pkce' });
const us = session('mypurecloud.com');
const ie = session('mypurecloud.ie');
const sandbox = session('http://127.0.0.1:8787');
const target = (url: string, httpEnvironments: string[] = []) => ({ url, unresolvedHostVariables: unresolvedHostVariables(url), httpEnvironments });

describe('pipeline: the one rule for choosing a session', () => {
  it('checks a request only with the session serving its host', () => {
    const c = chooseSession(target('https://api.mypurecloud.ie/api/v2/conversations/calls'), [us, ie]);
    assert.ok(!isNoSession(c));
    assert.strictEqual(c.session, ie);
    assert.strictEqual(c.basis, 'host');
  });

  it('gives no verdict for a foreign host, even with only one session (the wrong-org regression)', () => {
    const c = chooseSession(target('https://api.mypurecloud.com/api/v2/conversations/calls'), [sandbox]);
    assert.ok(isNoSession(c));
    assert.strictEqual(c.targetHost, 'https://api.mypurecloud.com');
    assert.match(c.reason, /targets https:\/\/api\.mypurecloud\.com\. You are signed in to http:\/\/127\.0\.0\.1:8787/);
    assert.deepStrictEqual(c.actions, [
      { kind: 'sign-in', environment: 'mypurecloud.com' },
      { kind: 'run-anyway', sessionId: sandbox.id, environment: sandbox.environment.name },
    ]);
  });

  it('runs against another org only when the user chose it, and says so', () => {
    const c = chooseSession(target('https://api.mypurecloud.com/api/v2/conversations/calls'), [sandbox], { explicit: sandbox });
    assert.ok(!isNoSession(c));
    assert.strictEqual(c.basis, 'explicit');
    assert.strictEqual(describeBasis({ ...c, environment: sandbox.environment.name }),
      'Checked against http://127.0.0.1:8787 at your request; the request targets https://api.mypurecloud.com.');
    // An explicit choice that does serve the host is an ordinary match.
    const same = chooseSession(target('http://127.0.0.1:8787/api/v2/conversations/calls'), [sandbox], { explicit: sandbox });
    assert.ok(!isNoSession(same) && same.basis === 'host');
  });

  it('an unresolved {{baseUrl}} names no org: offers the HTTP environments instead of guessing', () => {
    const c = chooseSession(target('{{baseUrl}}/api/v2/conversations/calls', ['dev', 'prod']), [us]);
    assert.ok(isNoSession(c));
    assert.match(c.reason, /comes from \{\{baseUrl\}\}/);
    assert.deepStrictEqual(c.actions[0], { kind: 'pick-http-environment', environments: ['dev', 'prod'] });
  });

  it('a request with no host (payload file): the configured environment, else the only session, else a choice', () => {
    const path = target('/api/v2/conversations/calls');
    const configured = chooseSession(path, [us, ie], { configuredEnvironment: 'mypurecloud.ie' });
    assert.ok(!isNoSession(configured) && configured.session === ie && configured.basis === 'hostless-configured');
    const only = chooseSession(path, [us]);
    assert.ok(!isNoSession(only) && only.basis === 'hostless-only-session');
    const several = chooseSession(path, [us, ie]);
    assert.ok(isNoSession(several) && several.actions.every((a) => a.kind === 'run-anyway'));
    const none = chooseSession(path, []);
    assert.ok(isNoSession(none) && none.actions[0].kind === 'sign-in');
  });

  it('finds the variables in the host part only', () => {
    assert.deepStrictEqual(unresolvedHostVariables('{{baseUrl}}/api/v2/users/{{userId}}'), ['baseUrl']);
    assert.deepStrictEqual(unresolvedHostVariables('https://{{host}}/api/v2/users/me'), ['host']);
    assert.deepStrictEqual(unresolvedHostVariables('https://api.mypurecloud.com/api/v2/users/{{userId}}'), []);
    assert.deepStrictEqual(unresolvedHostVariables('/api/v2/conversations/calls'), []);
  });
});

describe('pipeline: analysis', () => {
  const catalog = defaultCatalog();
  let tmp: string;
  const files: FilesPort = { readText: async (p) => { try { return fs.readFileSync(p, 'utf8'); } catch { return undefined; } } };
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-pipeline-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds http-client.env.json two folders up, below the project root (the CLI/editor divergence)', async () => {
    const project = path.join(tmp, 'project');
    fs.mkdirSync(path.join(project, '.git'), { recursive: true });
    fs.writeFileSync(path.join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.mkdirSync(path.join(project, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(project, 'http-client.env.json'), JSON.stringify({ dev: { apiHost: 'https://api.mypurecloud.com' } }));
    const file = path.join(project, 'a', 'b', 'req.http');
    const text = 'GET {{apiHost}}/api/v2/users/me\nAuthorization: Bearer {{accessToken}}\n';
    fs.writeFileSync(file, text);
    // The CLI's fallback is its working directory; the editor's its workspace folder: both find the .git root.
    for (const fallback of [path.join(project, 'a'), undefined]) {
      const rootDir = await projectRootOf(file, files, fallback);
      assert.strictEqual(rootDir, project);
      const a = await analyzeText(file, text, { catalog, files, rootDir, httpEnvironment: 'dev' });
      assert.deepStrictEqual(a.lint.findings.map((f) => f.rule), []);
      assert.strictEqual(a.parsed.requests[0].url, 'https://api.mypurecloud.com/api/v2/users/me');
    }
  });

  it('without a .git folder, falls back to the folder given, else the file\'s own folder', async () => {
    const dir = path.join(tmp, 'plain', 'x');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'r.http');
    assert.strictEqual(await projectRootOf(file, { readText: async () => undefined }, path.join(tmp, 'plain')), path.join(tmp, 'plain'));
    assert.strictEqual(await projectRootOf(file, { readText: async () => undefined }, '/somewhere/else'), dir);
  });

  it('{{accessToken}} is supplied by the session: never "unresolved", in every front end', async () => {
    const a = await analyzeText('/x/req.http', 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nAuthorization: Bearer {{accessToken}}\nContent-Type: application/json\n\n{"phoneNumber":"+13175550123"}\n', { catalog });
    assert.ok(!a.lint.findings.some((f) => f.rule === 'variable.unresolved'), JSON.stringify(a.lint.findings));
    assert.strictEqual(a.parsed.requests[0].variables[0].source, 'session');
  });
});

describe('pipeline: checkRequest', () => {
  const catalog = defaultCatalog();
  const calls: string[] = [];
  const http: HttpPort = { send: async (r) => { calls.push(`${r.method} ${r.url}`); return { status: 503, headers: {}, body: '{}' }; } };
  const ports = { http, clock: systemClock, log: silentLog };

  it('a request to a foreign host gets no verdict and sends nothing', async () => {
    calls.length = 0;
    const a = await analyzeText('/x/req.http', 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{"phoneNumber":"+13175550123"}\n', { catalog });
    const o = await checkRequest(a, 0, { sessions: [sandbox], ports });
    assert.strictEqual(o.status, 'no-session');
    assert.deepStrictEqual(calls, []);
  });

  it('picks the one HTTP environment that points {{baseUrl}} at a signed-in environment, and says so', async () => {
    const envs = JSON.stringify({ prod: { baseUrl: 'https://api.mypurecloud.com' }, sandbox: { baseUrl: 'http://127.0.0.1:8787' } });
    const files: FilesPort = { readText: async (p) => (p === path.join('/proj', 'http-client.env.json') ? envs : undefined) };
    const a = await analyzeText('/proj/req.http', 'GET {{baseUrl}}/api/v2/users/me\n', { catalog, files, rootDir: '/proj' });
    assert.deepStrictEqual(a.parsed.environments, ['prod', 'sandbox']);
    calls.length = 0;
    const o = await checkRequest(a, 0, { sessions: [sandbox], ports, signal: AbortSignal.timeout(10_000) });
    assert.strictEqual(o.status, 'checked');
    assert.match(o.notes[0], /Used HTTP environment "sandbox"/);
    assert.ok(calls.length > 0 && calls.every((c) => c.startsWith('GET http://127.0.0.1:8787/')), calls.join('\n'));
  });
});

describe('pipeline: defaults shared with the manifest', () => {
  it('DEFAULT_PAYLOAD_ASSOCIATIONS is the default of genesysCloud.payloadAssociations', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    assert.deepStrictEqual(manifest.contributes.configuration.properties['genesysCloud.payloadAssociations'].default, DEFAULT_PAYLOAD_ASSOCIATIONS);
  });
});
