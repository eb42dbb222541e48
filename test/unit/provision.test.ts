// scripts/vscode-host/provision.js with a fake installer: concurrent runs take
// turns through the lock, a failed install leaves nothing half-done behind, a
// stale lock (its process gone) is taken over.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'scripts', 'vscode-host', 'provision.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { provision, paths } = require(script) as {
  provision(o: { dir: string; install: (dir: string) => void; log?: (m: string) => void; waitMs?: number; pollMs?: number; staleMs?: number }): string;
  paths(dir: string): { dir: string; entry: string; marker: string };
};

/** Installs like npm would, as far as provision checks: code-server's entry file. */
function fakeInstall(dir: string): void {
  const entry = paths(dir).entry;
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.writeFileSync(entry, '// code-server\n');
}

/**
 * A child process that waits until `peers` children are ready (a barrier of files),
 * then provisions with a slow fake installer that records each run in `calls`.
 */
function child(work: string, peers: number): Promise<{ code: number | null; out: string; err: string }> {
  const program = `
    const fs = require('fs'), path = require('path');
    const { provision, paths } = require(${JSON.stringify(script)});
    const work = ${JSON.stringify(work)};
    fs.writeFileSync(path.join(work, 'ready-' + process.pid), '');
    const nap = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    while (fs.readdirSync(work).filter((f) => f.startsWith('ready-')).length < ${peers}) nap(10);
    const entry = provision({ dir: path.join(work, 'host'), pollMs: 20, log: () => {}, install(dir) {
      fs.appendFileSync(path.join(work, 'calls'), process.pid + '\\n');
      nap(300); // a slow install, so that the other run arrives while it is in progress
      const e = paths(dir).entry;
      fs.mkdirSync(path.dirname(e), { recursive: true });
      fs.writeFileSync(e, '');
    } });
    process.stdout.write(entry);`;
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['-e', program], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = ''; let err = '';
    p.stdout.on('data', (c) => { out += c; });
    p.stderr.on('data', (c) => { err += c; });
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('provision.js: the VS Code host cache under concurrency and failure', function () {
  this.timeout(30_000);
  let work: string;
  let host: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-provision-'));
    host = path.join(work, 'host');
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const leftovers = () => fs.readdirSync(work).filter((f) => f.startsWith('host.'));

  it('two concurrent runs install once; both get the entry of the complete host', async () => {
    const [a, b] = await Promise.all([child(work, 2), child(work, 2)]);
    assert.strictEqual(a.code, 0, a.err);
    assert.strictEqual(b.code, 0, b.err);
    const { entry, marker } = paths(host);
    assert.deepStrictEqual([a.out, b.out], [entry, entry]);
    assert.strictEqual(fs.readFileSync(path.join(work, 'calls'), 'utf8').trim().split('\n').length, 1, 'the installer ran once');
    assert.ok(fs.existsSync(marker));
    assert.deepStrictEqual(leftovers(), [], 'no lock or temporary directory left');
  });

  it('says what failed, leaves no half-installed host and no lock, and the next run retries', () => {
    assert.throws(() => provision({ dir: host, log: () => {}, install: (dir) => {
      fs.writeFileSync(path.join(dir, 'half-written'), '');
      throw new Error('npm install exited with 1');
    } }), (err: Error) => {
      assert.match(err.message, /installing code-server [\d.]+ failed: npm install exited with 1/);
      assert.match(err.message, /next run tries again/);
      return true;
    });
    assert.ok(!fs.existsSync(host), 'nothing was put in place');
    assert.deepStrictEqual(leftovers(), []);
    assert.strictEqual(provision({ dir: host, log: () => {}, install: fakeInstall }), paths(host).entry);
  });

  it('reports an install that "succeeds" without code-server\'s entry file as a failure', () => {
    assert.throws(() => provision({ dir: host, log: () => {}, install: () => {} }), /entry\.js is missing/);
    assert.ok(!fs.existsSync(host));
  });

  it('replaces an incomplete host left by an older run (no marker)', () => {
    fs.mkdirSync(path.join(host, 'node_modules', 'broken'), { recursive: true });
    const entry = provision({ dir: host, log: () => {}, install: fakeInstall });
    assert.ok(fs.existsSync(entry));
    assert.ok(!fs.existsSync(path.join(host, 'node_modules', 'broken')));
    assert.deepStrictEqual(leftovers(), []);
  });

  it('takes over a lock whose process is gone, and cleans up the temporary install it left', () => {
    fs.mkdirSync(`${host}.lock`);
    // A pid above Linux's pid_max (2^22): no such process.
    fs.writeFileSync(path.join(`${host}.lock`, 'owner.json'), JSON.stringify({ pid: 2 ** 30, host: os.hostname(), started: Date.now(), nonce: 'x' }));
    fs.mkdirSync(`${host}.tmp-1-1`);
    const logs: string[] = [];
    provision({ dir: host, log: (m) => logs.push(m), install: fakeInstall });
    assert.ok(logs.some((m) => /stale lock .*pid 1073741824 is gone/.test(m)), logs.join('\n'));
    assert.deepStrictEqual(leftovers(), []);
  });

  it('waits for a live holder, then gives up naming it and the lock to remove', () => {
    fs.mkdirSync(`${host}.lock`);
    fs.writeFileSync(path.join(`${host}.lock`, 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname(), started: Date.now(), nonce: 'y' }));
    let installed = false;
    assert.throws(() => provision({ dir: host, log: () => {}, waitMs: 100, pollMs: 20, install: () => { installed = true; } }),
      (err: Error) => err.message.includes(`pid ${process.pid}`) && err.message.includes(`${host}.lock`));
    assert.strictEqual(installed, false);
    assert.ok(fs.existsSync(`${host}.lock`), 'the holder\'s lock is left alone');
  });
});
