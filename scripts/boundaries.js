// Architecture guard (run by `npm run lint`; test/unit/boundaries.test.ts asserts it and that it can fail):
// - no 'vscode' import outside the VS Code layer (src/vscode, src/extension.ts);
// - src/core imports nothing outside src/core, and reaches the world only through its ports
//   (no fs/http/https/net/child_process/os);
// - front ends never import each other: not src/vscode <-> src/cli;
// - code outside src/core imports the core only through its public faces
//   (src/core/index.ts and src/core/<area>/index.ts), never a deeper file;
// - no import cycles in src/ (type imports and inline import('...') types count: a cycle
//   of types still ties two modules together).
const fs = require('fs');
const path = require('path');

const VSCODE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]vscode['"]/;
const NO_VSCODE = ['src/core', 'src/cli', 'src/sandbox', 'src/node', 'src/shared', 'src/webview'];
const FRONT_ENDS = { 'src/vscode': ['src/cli'], 'src/extension.ts': ['src/cli'], 'src/cli': ['src/vscode', 'src/extension.ts'] };
const WORLD_MODULES = /^(?:node:)?(fs|fs\/promises|http|https|net|child_process|os|dgram|tls)$/;
const IMPORT_FROM = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;

function listTs(root, dir) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [dir];
  return fs.readdirSync(abs, { recursive: true }).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).map((f) => path.join(dir, f));
}

/** Every import of a file: { spec, line, typeOnly, target (repo-relative .ts file, for relative specs) }. */
function importsOf(root, file) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const out = [];
  for (const m of text.matchAll(IMPORT_FROM)) {
    const spec = m[3];
    const line = text.slice(0, m.index + m[0].length).split('\n').length;
    let target;
    if (spec.startsWith('.')) {
      const base = path.join(path.dirname(file), spec);
      target = [base + '.ts', path.join(base, 'index.ts'), base + '.js'].find((c) => fs.existsSync(path.join(root, c)));
    }
    const inlineTypesOnly = /^\s*(import|export)\s+\{([^}]*)\}/.exec(m[0].trim()) && m[0].includes('{') &&
      m[0].slice(m[0].indexOf('{') + 1, m[0].indexOf('}')).split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    out.push({ spec, line, typeOnly: !!m[2] || !!inlineTypesOnly, target });
  }
  for (const m of text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    const base = path.join(path.dirname(file), m[1]);
    const target = [base + '.ts', path.join(base, 'index.ts')].find((c) => fs.existsSync(path.join(root, c)));
    out.push({ spec: m[1], line: text.slice(0, m.index).split('\n').length, typeOnly: true, inline: true, target });
  }
  for (const [i, l] of text.split('\n').entries()) {
    const r = /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/.exec(l);
    if (r && !/^\s*\/\//.test(l)) out.push({ spec: r[1], line: i + 1, typeOnly: false });
  }
  return out;
}

const under = (file, dir) => file === dir || file.startsWith(dir + path.sep) || file.startsWith(dir + '/');
const norm = (p) => p.split(path.sep).join('/');

function isFace(target) {
  const t = norm(target);
  return t === 'src/core/index.ts' || /^src\/core\/[^/]+\/index\.ts$/.test(t);
}

function findBoundaryViolations(root) {
  const out = [];
  const add = (file, line, rule) => out.push({ file: norm(file), line, rule });
  const files = listTs(root, 'src');
  const graph = new Map();
  for (const file of files) {
    const f = norm(file);
    const imports = importsOf(root, file);
    graph.set(f, imports.filter((i) => i.target).map((i) => norm(i.target)));
    if (NO_VSCODE.some((d) => under(f, d))) {
      fs.readFileSync(path.join(root, file), 'utf8').split('\n').forEach((text, i) => {
        if (VSCODE_IMPORT.test(text)) add(f, i + 1, "imports 'vscode' (only src/vscode and src/extension.ts may)");
      });
    }
    for (const imp of imports) {
      if (under(f, 'src/core')) {
        if (WORLD_MODULES.test(imp.spec)) add(f, imp.line, `imports '${imp.spec}' (the core reaches the world only through its ports)`);
        if (imp.target && !under(norm(imp.target), 'src/core')) add(f, imp.line, `imports ${norm(imp.target)} (the core imports nothing outside src/core)`);
        continue;
      }
      if (!imp.target) continue;
      const t = norm(imp.target);
      for (const [front, banned] of Object.entries(FRONT_ENDS)) {
        if (under(f, front)) for (const b of banned) if (under(t, b)) add(f, imp.line, `imports ${t} (${front} must not import ${b}; shared Node adapters live in src/node)`);
      }
      if (under(t, 'src/core') && !isFace(t)) add(f, imp.line, `imports ${t} (import the core only through src/core/index.ts or src/core/<area>/index.ts)`);
    }
  }
  for (const cycle of findCycles(graph)) add(cycle[0], 0, `import cycle: ${cycle.join(' -> ')}`);
  return out;
}

/** Elementary cycles found by DFS (each reported once, from its smallest file). */
function findCycles(graph) {
  const cycles = new Map();
  const state = new Map();
  const stack = [];
  const visit = (n) => {
    state.set(n, 1); stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) {
        const cyc = stack.slice(stack.indexOf(m));
        const start = cyc.indexOf([...cyc].sort()[0]);
        const rot = [...cyc.slice(start), ...cyc.slice(0, start)];
        cycles.set(rot.join('>'), [...rot, rot[0]]);
      } else if (!state.has(m)) visit(m);
    }
    stack.pop(); state.set(n, 2);
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return [...cycles.values()];
}

module.exports = { findBoundaryViolations, findCycles, VSCODE_IMPORT, NO_VSCODE };
