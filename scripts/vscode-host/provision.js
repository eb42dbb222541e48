#!/usr/bin/env node
// Installs the VS Code host used by the workbench tests: code-server 4.100.3
// (= VS Code 1.100.3, runs on Node 20) into a cache directory OUTSIDE the repo.
// Desktop VS Code cannot be downloaded on the build machines (no network
// beyond the npm and Debian mirrors); see the team notes ../shared/vscode-host.md §6.1.
// Idempotent: returns at once when the entry file and the marker exist.
// Safe to run concurrently: see provision() below.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CODE_SERVER_VERSION = '4.100.3';
// code-server 4.100.3 depends on @vscode/ripgrep 1.15.11, whose postinstall
// downloads ripgrep v13.0.0-10 from GitHub unless this cache file exists.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
// npm 11 asks for install scripts to be approved (allowScripts): code-server's
// postinstall installs VS Code's own modules, argon2's builds its native addon.
const HOST_PACKAGE = {
  name: 'call-doctor-vscode-host', version: '1.0.0', private: true,
  // Name-only: `npm install-scripts ls` does not count a pinned code-server@4.100.3 as covering it.
  allowScripts: { 'code-server': true, argon2: true },
};
const SYSTEM_PACKAGES_HINT = 'run: apt-get install -y chromium ripgrep libkrb5-dev (.ci/run does it when root)';

function hostDir() {
  if (process.env.VSCODE_HOST_DIR) return path.resolve(process.env.VSCODE_HOST_DIR);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'genesys-call-doctor', 'vscode-host');
}

function paths(dir = hostDir()) {
  return {
    dir,
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(dir, `.installed-code-server-${CODE_SERVER_VERSION}`),
  };
}

function requireSystemTools() {
  const missing = ['/usr/bin/chromium', '/usr/bin/rg'].filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(' and ')}; ${SYSTEM_PACKAGES_HINT}`);
  }
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) {
    throw new Error(`Missing the Kerberos headers code-server's native module needs; ${SYSTEM_PACKAGES_HINT}`);
  }
}

function seedRipgrepCache() {
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const archive = path.join(cacheDir, RIPGREP_ARCHIVE);
  if (fs.existsSync(archive)) return;
  fs.mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed: a half-written archive must never be taken for the cache.
  const partial = `${archive}.${process.pid}.partial`;
  run('tar', ['czf', partial, '-C', '/usr/bin', 'rg'], {});
  fs.renameSync(partial, archive);
}

function run(cmd, args, opts) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
}

/** The real installer: npm installs code-server into `dir` (an empty directory with a package.json). */
function npmInstall(dir) {
  requireSystemTools();
  seedRipgrepCache();
  // npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which the
  // machine's npmrc (yes=false) would otherwise cancel.
  const env = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isInstalled(p) {
  return fs.existsSync(p.entry) && fs.existsSync(p.marker);
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // exists, owned by someone else
  }
}

function readOwner(lock) {
  try {
    return JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8'));
  } catch {
    return undefined; // being created or removed; judged by the directory's age instead
  }
}

/** A lock is stale when its owner process is gone (same host) or it is older than any install takes. */
function staleReason(lock, owner, staleMs) {
  const started = owner?.started ?? fs.statSync(lock).mtimeMs;
  if (Date.now() - started > staleMs) return `older than ${Math.round(staleMs / 1000)} s`;
  if (owner && owner.host === os.hostname() && !processAlive(owner.pid)) return `pid ${owner.pid} is gone`;
  return undefined;
}

/**
 * Takes the lock directory (mkdir is atomic). Returns false when the host was
 * installed by another process while waiting; throws after waitMs.
 */
function acquire(p, lock, { log, waitMs, staleMs, pollMs }) {
  const me = { pid: process.pid, host: os.hostname(), started: Date.now(), nonce: Math.random().toString(36).slice(2) };
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'owner.json'), JSON.stringify(me));
      return true;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    if (isInstalled(p)) return false;
    let owner;
    try {
      owner = readOwner(lock);
      const stale = staleReason(lock, owner, staleMs);
      if (stale) {
        log(`[provision] removing a stale lock ${lock} (${stale})`);
        takeAway(lock, owner);
        continue;
      }
    } catch (err) {
      if (err.code === 'ENOENT') continue; // released meanwhile
      throw err;
    }
    if (Date.now() > deadline) {
      const who = owner ? `pid ${owner.pid} on ${owner.host}, since ${new Date(owner.started).toISOString()}` : 'an unknown process';
      throw new Error(`another provision (${who}) still holds ${lock} after ${Math.round(waitMs / 1000)} s; if it is not running, remove that directory and retry`);
    }
    if (!announced) log(`[provision] waiting for another process installing code-server into ${p.dir} (lock ${lock})`);
    announced = true;
    sleepSync(pollMs);
  }
}

/** Moves a stale lock aside, then removes it; puts it back if another process replaced it in between. */
function takeAway(lock, owner) {
  const aside = `${lock}.stale-${process.pid}-${Date.now()}`;
  fs.renameSync(lock, aside);
  const moved = readOwner(aside);
  if (moved && moved.nonce !== owner?.nonce) {
    try { fs.renameSync(aside, lock); return; } catch { /* a third lock exists: the one moved aside lost */ }
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

/** Leftovers of runs that died: temp installs and replaced trees (only the lock holder creates them). */
function removeLeftovers(dir) {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(`${base}.tmp-`) || name.startsWith(`${base}.old-`)) {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Ensures code-server is installed; returns the path of its entry.js.
 * Concurrent runs (two `npm test` at once) take turns through a lock directory
 * beside the host directory; the install goes into a temporary sibling that is
 * renamed into place only when complete, so a failed or killed run leaves no
 * half-installed host behind. `install`, `dir` and the timings are for tests.
 */
function provision({
  log = (m) => console.error(m), dir = hostDir(), install = npmInstall,
  waitMs = 15 * 60_000, staleMs = 30 * 60_000, pollMs = 1000,
} = {}) {
  const p = paths(dir);
  if (isInstalled(p)) return p.entry;
  fs.mkdirSync(path.dirname(p.dir), { recursive: true });
  const lock = `${p.dir}.lock`;
  if (!acquire(p, lock, { log, waitMs, staleMs, pollMs })) return p.entry;
  const tmp = `${p.dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    if (isInstalled(p)) return p.entry; // installed by the previous holder
    removeLeftovers(p.dir);
    const started = Date.now();
    log(`[provision] installing code-server ${CODE_SERVER_VERSION} into ${p.dir} (about 60 s the first time)`);
    fs.mkdirSync(tmp);
    fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify(HOST_PACKAGE, null, 2));
    const staged = paths(tmp);
    try {
      install(tmp);
      if (!fs.existsSync(staged.entry)) throw new Error(`the install finished but ${path.relative(tmp, staged.entry)} is missing`);
    } catch (err) {
      throw new Error(`installing code-server ${CODE_SERVER_VERSION} failed: ${err.message}. ` +
        `${p.dir} was left as it was (the partial install is removed) and the next run tries again.`);
    }
    fs.writeFileSync(staged.marker, `${new Date().toISOString()}\n`);
    // An incomplete host from an older run (no marker) is replaced whole.
    if (fs.existsSync(p.dir)) fs.renameSync(p.dir, `${p.dir}.old-${process.pid}-${Date.now()}`);
    fs.renameSync(tmp, p.dir);
    removeLeftovers(p.dir);
    log(`[provision] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return p.entry;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { provision, hostDir, paths, CODE_SERVER_VERSION };

if (require.main === module) {
  try {
    console.log(provision());
  } catch (err) {
    console.error(`[provision] ${err.message}`);
    process.exit(1);
  }
}
