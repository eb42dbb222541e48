#!/usr/bin/env node
// Installs the VS Code host used by the workbench tests: code-server 4.100.3
// (= VS Code 1.100.3, runs on Node 20) into a cache directory OUTSIDE the repo.
// Desktop VS Code cannot be downloaded on the build machines (no network
// beyond the npm and Debian mirrors); see the team notes ../shared/vscode-host.md §6.1.
// Idempotent: returns at once when the entry file and the marker exist.
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
  run('tar', ['czf', archive, '-C', '/usr/bin', 'rg'], {});
}

function run(cmd, args, opts) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
}

/** Ensures code-server is installed; returns the path of its entry.js. */
function provision({ log = (m) => console.error(m) } = {}) {
  const p = paths();
  if (fs.existsSync(p.entry) && fs.existsSync(p.marker)) return p.entry;
  requireSystemTools();
  const started = Date.now();
  log(`[provision] installing code-server ${CODE_SERVER_VERSION} into ${p.dir} (about 60 s the first time)`);
  seedRipgrepCache();
  fs.mkdirSync(p.dir, { recursive: true });
  const pkg = path.join(p.dir, 'package.json');
  if (!fs.existsSync(pkg)) {
    fs.writeFileSync(pkg, JSON.stringify({ name: 'call-doctor-vscode-host', version: '1.0.0', private: true }, null, 2));
  }
  // npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which the
  // machine's npmrc (yes=false) would otherwise cancel.
  const env = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  run('npm', ['install', '--unsafe-perm', `code-server@${CODE_SERVER_VERSION}`], { cwd: p.dir, env });
  if (!fs.existsSync(p.entry)) throw new Error(`code-server installed but ${p.entry} is missing`);
  fs.writeFileSync(p.marker, `${new Date().toISOString()}\n`);
  log(`[provision] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return p.entry;
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
