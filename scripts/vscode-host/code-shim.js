#!/usr/bin/env node
// Stands in for a VS Code executable (@vscode/test-electron's
// vscodeExecutablePath): maps its arguments onto the runner's environment and
// drops the Electron flags code-server would reject (vscode-host.md §7.2).
'use strict';
const path = require('path');

const args = process.argv.slice(2);
const valueOf = (flag) => args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);

const extDev = valueOf('--extensionDevelopmentPath');
const extTests = valueOf('--extensionTestsPath');
const folder = args.find((a) => !a.startsWith('-'));
if (extDev) process.env.EXT_DEV = extDev;
if (extTests) process.env.EXT_TESTS = extTests;
if (folder) process.env.WORKSPACE = path.resolve(folder);

require('./runTests').runFromEnv();
