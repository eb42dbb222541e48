#!/usr/bin/env node
// The README's screenshots: runs the UI test on the forum case-1 payload
// (test/workbench/ui/callDoctor.ui.test.ts) with UPDATE_SCREENSHOTS=1, which
// writes docs/screenshots/{diagnostics,hover,quick-fix,call-doctor}.png
// (SCREENSHOT_DIR overrides the folder). Run after a build: `node esbuild.js`.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const r = spawnSync(process.execPath, [path.join(__dirname, 'uiTests.js'), 'callDoctor.ui'], {
  stdio: 'inherit', env: { ...process.env, UPDATE_SCREENSHOTS: '1' },
});
process.exit(r.status ?? 1);
