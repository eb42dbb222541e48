#!/usr/bin/env node
// Architecture guard, run by `npm run lint` (rules in scripts/boundaries.js).
const { findBoundaryViolations } = require('./boundaries');
const violations = findBoundaryViolations(require('path').join(__dirname, '..'));
for (const v of violations) console.error(`${v.file}:${v.line}: ${v.rule}`);
if (violations.length) {
  console.error(`boundaries: ${violations.length} violation(s)`);
  process.exit(1);
}
console.log('boundaries: ok (vscode only in the editor layer, the core through its faces and ports, no front end importing another, no cycles)');
