#!/usr/bin/env node
// Architecture guard: nothing under src/core (or src/sandbox, src/cli) may import
// 'vscode'. Run by `npm run lint`; test/unit/boundaries.test.ts asserts the same.
const { findBoundaryViolations } = require('./boundaries');
const violations = findBoundaryViolations(require('path').join(__dirname, '..'));
for (const v of violations) console.error(`${v.file}:${v.line}: imports 'vscode' (only src/vscode and src/extension.ts may)`);
if (violations.length) process.exit(1);
console.log('boundaries: ok (no vscode import outside the VS Code layer)');
