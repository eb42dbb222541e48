import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseEnvironment } from '../../src/core/env/environment';
import { SessionStore, redactSession, redactToken, isExpired, type Session } from '../../src/core/auth/session';
import { authorizedHttp } from '../../src/core/auth/apiClient';
import { FileSecrets, configDir } from '../../src/node/secretsFile';
import { FakeHttp, MemorySecrets, json } from './auth-fakes';

const TOKEN = 'tok-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-secret';
const session = (env = 'eu_west_1', extra: Partial<Session> = {}): Session => ({
  id: 'id1', environment: parseEnvironment(env), accessToken: TOKEN, refreshToken: 'refresh-BBBBBBBBBBBBBBBB', grant: 'pkce', clientId: 'c', ...extra,
});

describe('SessionStore', () => {
  it('keeps one session per environment and round-trips the environment', async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets);
    await store.save(session('eu_west_1'));
    await store.save(session('http://127.0.0.1:8787', { accessToken: 'other' }));
    assert.deepStrictEqual(await store.environments(), ['mypurecloud.ie', 'http://127.0.0.1:8787']);
    const got = await store.get('mypurecloud.ie');
    assert.strictEqual(got?.accessToken, TOKEN);
    assert.strictEqual(got?.environment.region?.key, 'eu_west_1');
    assert.strictEqual((await store.get(parseEnvironment('http://127.0.0.1:8787')))?.accessToken, 'other');
    assert.strictEqual((await store.list()).length, 2);
    assert.strictEqual(await store.delete('mypurecloud.ie'), true);
    assert.strictEqual(await store.delete('mypurecloud.ie'), false);
    assert.deepStrictEqual(await store.environments(), ['http://127.0.0.1:8787']);
    assert.strictEqual(await store.get('mypurecloud.ie'), undefined);
  });

  it('writes the token only to the secrets port, and never logs it', async () => {
    const writes: string[] = [];
    const secrets = new MemorySecrets();
    const spy = { get: (k: string) => secrets.get(k), delete: (k: string) => secrets.delete(k),
      set: async (k: string, v: string) => { writes.push(k); await secrets.set(k, v); } };
    const logged: unknown[] = [];
    const orig = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
    for (const k of Object.keys(orig) as (keyof typeof orig)[]) console[k] = (...a: unknown[]) => { logged.push(a); };
    try {
      await new SessionStore(spy).save(session());
    } finally {
      Object.assign(console, orig);
    }
    assert.deepStrictEqual(logged, []);
    const holding = [...secrets.map.entries()].filter(([, v]) => v.includes(TOKEN)).map(([k]) => k);
    assert.deepStrictEqual(holding, ['genesys-call-doctor.session:mypurecloud.ie']);
    assert.ok(!secrets.map.get('genesys-call-doctor.sessions')!.includes(TOKEN), 'the index holds names only');
    assert.deepStrictEqual(writes.sort(), ['genesys-call-doctor.session:mypurecloud.ie', 'genesys-call-doctor.sessions']);
  });

  it('treats unreadable entries as signed out', async () => {
    const secrets = new MemorySecrets();
    await secrets.set('genesys-call-doctor.session:mypurecloud.ie', '{not json');
    assert.strictEqual(await new SessionStore(secrets).get('mypurecloud.ie'), undefined);
  });

  it('redacts tokens for display and knows when a session expired', () => {
    const r = redactSession(session());
    assert.ok(!JSON.stringify(r).includes(TOKEN));
    assert.ok(!JSON.stringify(r).includes('refresh-BBBBBBBBBBBBBBBB'));
    assert.strictEqual(r.environment, 'mypurecloud.ie');
    assert.strictEqual(redactToken('short'), '••••');
    assert.strictEqual(isExpired(session('eu_west_1', { expiresAt: 100_000 }), 69_999), false);
    assert.strictEqual(isExpired(session('eu_west_1', { expiresAt: 100_000 }), 70_000), true);
    assert.strictEqual(isExpired(session(), 1e15), false, 'unknown expiry counts as valid');
  });
});

describe('authorizedHttp', () => {
  it('adds the bearer token only for the environment hosts and drops caller Authorization headers', async () => {
    const http = new FakeHttp({
      'GET https://api.mypurecloud.ie/api/v2/users/me': () => json(200, {}),
      'GET https://api.mypurecloud.com/api/v2/users/me': () => json(200, {}),
    });
    const client = authorizedHttp(session(), http);
    await client.send({ method: 'GET', url: 'https://api.mypurecloud.ie/api/v2/users/me' });
    await client.send({ method: 'GET', url: 'https://api.mypurecloud.com/api/v2/users/me', headers: { Authorization: 'Bearer leak' } });
    assert.strictEqual(http.requests[0].headers?.authorization, `Bearer ${TOKEN}`);
    assert.deepStrictEqual(http.requests[1].headers, {});
  });
});

describe('FileSecrets (CLI secrets file)', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-secrets-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores sessions in a 0600 file inside a 0700 directory', async function () {
    if (process.platform === 'win32') this.skip();
    const cfg = path.join(dir, 'nested', 'cfg');
    const store = new SessionStore(new FileSecrets(cfg));
    await store.save(session());
    const file = path.join(cfg, 'secrets.json');
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    assert.strictEqual(fs.statSync(cfg).mode & 0o777, 0o700);
    assert.ok(fs.readFileSync(file, 'utf8').includes(TOKEN));
    assert.deepStrictEqual(fs.readdirSync(cfg), ['secrets.json'], 'no temp files left behind');
    assert.strictEqual((await new SessionStore(new FileSecrets(cfg)).get('mypurecloud.ie'))?.accessToken, TOKEN);
    await store.delete('mypurecloud.ie');
    assert.ok(!fs.readFileSync(file, 'utf8').includes(TOKEN));
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('refuses to overwrite a corrupt file silently', async () => {
    fs.writeFileSync(path.join(dir, 'secrets.json'), '[1,2]');
    await assert.rejects(new FileSecrets(dir).set('k', 'v'), /not a JSON object/);
  });

  it('finds the config directory from CALL_DOCTOR_CONFIG_DIR, XDG_CONFIG_HOME, then HOME', () => {
    assert.strictEqual(configDir({ CALL_DOCTOR_CONFIG_DIR: '/x/y', XDG_CONFIG_HOME: '/a' }), path.resolve('/x/y'));
    assert.strictEqual(configDir({ XDG_CONFIG_HOME: '/a' }), path.join('/a', 'genesys-call-doctor'));
    if (process.platform !== 'win32') assert.strictEqual(configDir({ HOME: '/home/u' }), path.join('/home/u', '.config', 'genesys-call-doctor'));
  });
});
