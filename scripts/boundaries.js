// Finds imports of the 'vscode' module in directories that must stay editor-free.
const fs = require('fs');
const path = require('path');

const GUARDED = ['src/core', 'src/cli', 'src/sandbox'];
const VSCODE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]vscode['"]/;

function findBoundaryViolations(root) {
  const out = [];
  for (const dir of GUARDED) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const rel of fs.readdirSync(abs, { recursive: true })) {
      if (!/\.(ts|js|mjs|cjs)$/.test(rel)) continue;
      const file = path.join(dir, rel);
      const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
      lines.forEach((text, i) => { if (VSCODE_IMPORT.test(text)) out.push({ file, line: i + 1 }); });
    }
  }
  return out;
}

module.exports = { findBoundaryViolations, GUARDED, VSCODE_IMPORT };
