#!/usr/bin/env node
// Runs an extension's test suite inside a real VS Code extension host:
// code-server serves the workbench, headless Chromium opens it with the
// extensionDevelopmentPath/extensionTestsPath payload, and the workbench
// reports the suite's result through window.codeAutomationExit.
// Recipe and measurements: the team notes ../shared/vscode-host.md §7.1.
//
// Settings (environment): CODE_SERVER (entry.js; default: provisioned host),
// CODE_SERVER_NODE, CS_EXTRA_ARGS, EXT_DEV, EXT_TESTS, WORKSPACE, CHROME,
// TEST_TIMEOUT_MS, KEEP_TMP=1.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const started = Date.now();
const progress = (msg) => console.error(`[workbench +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

function settings() {
  const extDev = path.resolve(process.env.EXT_DEV || process.cwd());
  return {
    codeServer: process.env.CODE_SERVER || require('./provision').provision({ log: progress }),
    node: process.env.CODE_SERVER_NODE || process.execPath,
    extraArgs: (process.env.CS_EXTRA_ARGS || '').split(' ').filter(Boolean),
    extDev,
    extTests: path.resolve(process.env.EXT_TESTS || path.join(extDev, 'out', 'test', 'suite', 'index')),
    workspace: path.resolve(process.env.WORKSPACE || extDev),
    chrome: process.env.CHROME || '/usr/bin/chromium',
    // The whole suite's budget: generous (a busy 2-core machine runs it in 2–5 min), it only guards against a hang.
    timeoutMs: Number(process.env.TEST_TIMEOUT_MS || 600000),
    keepTmp: process.env.KEEP_TMP === '1',
  };
}

function prepareTmp() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-test-'));
  fs.mkdirSync(path.join(tmp, 'data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(tmp, 'ext'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'data', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
    // Nothing may reach for the (unreachable) extension gallery during a run.
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'git.enabled': false,
  }, null, 2));
  // An explicit config keeps code-server from writing ~/.config/code-server.
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  return tmp;
}

function startServer(s, tmp) {
  const args = [s.codeServer,
    '--config', path.join(tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', path.join(tmp, 'data'), '--extensions-dir', path.join(tmp, 'ext'),
    '--ignore-last-opened', ...s.extraArgs, s.workspace];
  // Own process group, so stopping it also stops code-server's helpers (file watcher, extension host).
  const child = spawn(s.node, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env, detached: true });
  const server = { child, log: '', exited: false };
  const append = (chunk) => { server.log += chunk.toString(); };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  child.on('exit', () => { server.exited = true; });
  return server;
}

async function waitForPort(server) {
  for (let waited = 0; waited < 30000; waited += 100) {
    const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(server.log);
    if (m) return Number(m[1]);
    if (server.exited) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not start listening. Its log:\n${server.log}`);
}

function signalGroup(server, signal) {
  try { process.kill(-server.child.pid, signal); } catch { /* group already gone */ }
}

async function stopServer(server) {
  if (!server.exited) {
    const exited = new Promise((r) => server.child.once('exit', r));
    signalGroup(server, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(server, 'SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(server, 'SIGKILL'); // helpers that outlived the server process
}

async function runInBrowser(s, port, tmp) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: s.chrome, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let reportExit;
    const exitCode = new Promise((r) => { reportExit = r; });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (Array.isArray(args)) console.log(...args); else console.log(args);
    });
    const authority = `127.0.0.1:${port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${authority}${s.extDev}`],
      ['extensionTestsPath', `vscode-remote://${authority}${s.extTests}`],
    ]);
    progress(`opening the workbench on ${authority}`);
    await page.goto(`http://${authority}/?folder=${encodeURIComponent(s.workspace)}&payload=${encodeURIComponent(payload)}`);
    let timer;
    const timeout = new Promise((r) => { timer = setTimeout(() => r('timeout'), s.timeoutMs); });
    const result = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') await page.screenshot({ path: path.join(tmp, 'timeout.png') }).catch(() => {});
    return result;
  } finally {
    await browser.close();
  }
}

async function main() {
  const s = settings();
  if (!fs.existsSync(s.chrome)) {
    throw new Error(`no browser at ${s.chrome}; run: apt-get install -y chromium ripgrep libkrb5-dev (or set CHROME)`);
  }
  const tmp = prepareTmp();
  let server;
  let result = 'error';
  // An interrupted run (Ctrl+C, test-electron's SIGINT) still stops the server.
  const onSignal = () => { if (server) signalGroup(server, 'SIGKILL'); fs.rmSync(tmp, { recursive: true, force: true }); process.exit(130); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = startServer(s, tmp);
    const port = await waitForPort(server);
    progress(`code-server listening on ${port}`);
    result = await runInBrowser(s, port, tmp);
    progress(`tests finished: codeAutomationExit(${result})`);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (server) await stopServer(server);
    if (s.keepTmp || result === 'timeout') {
      console.error(`[workbench] kept temporary directory ${tmp}`);
      if (result === 'timeout' && server) console.error(`[workbench] code-server log:\n${server.log}`);
    } else {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return result === 0 ? 0 : 1;
}

/** Runs with the settings in the environment and exits with the suite's result. */
function runFromEnv() {
  main().then((code) => process.exit(code), (err) => {
    console.error(`[workbench] runner failed: ${err && err.stack ? err.stack : err}`);
    process.exit(2);
  });
}

module.exports = { runFromEnv, prepareTmp, startServer, waitForPort, stopServer, progress };

if (require.main === module) runFromEnv();
