#!/usr/bin/env node
// Runs the UI tests (test/workbench/ui/*.test.ts, built into out/) with mocha in
// plain Node: each test starts its own code-server + headless Chromium and
// drives the workbench like a user (host.ts). Run after a build (`node esbuild.js`).
//   node scripts/vscode-host/uiTests.js [name-filter]
// UPDATE_SCREENSHOTS=1 writes the screenshots to docs/screenshots/ (else a temp dir).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const dir = path.join(root, 'out', 'test', 'workbench', 'ui');
const filter = process.argv[2];
const files = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.js') && (!filter || f.includes(filter))).sort().map((f) => path.join(dir, f))
  : [];
if (files.length === 0) {
  console.error(`[ui-tests] no UI tests in ${path.relative(root, dir)}${filter ? ` matching "${filter}"` : ''}; run \`node esbuild.js\` first`);
  process.exit(1);
}
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(process.execPath, [mocha, '--no-config', '--enable-source-maps', '--timeout', '300000', '--reporter', 'spec', ...files], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
