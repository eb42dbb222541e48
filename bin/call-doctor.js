#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/cli.js by `npm run build`
// (run automatically by `npm install` through the prepare script).
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('call-doctor: dist/cli.js is missing. Run `npm run build` first.');
  process.exit(2);
}
require(cli).runProcess();
