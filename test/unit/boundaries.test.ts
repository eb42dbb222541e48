// The architecture guard (scripts/boundaries.js, run by `npm run lint`): the
// repository passes it, and each of its rules rejects a deliberate violation.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findBoundaryViolations, VSCODE_IMPORT } = require('../../../scripts/boundaries');

const root = path.resolve(__dirname, '../../..');

interface Violation { file: string; line: number; rule: string }

/** The guard's answer for a small tree of files (path -> text). */
function violationsIn(files: Record<string, string>): Violation[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bound-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
      fs.writeFileSync(path.join(tmp, file), text);
    }
    return findBoundaryViolations(tmp);
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
}

// A core with one area (its face and a deep file), a CLI command and an editor module, all allowed.
const CLEAN: Record<string, string> = {
  'src/core/index.ts': `export { x } from './ports';\n`,
  'src/core/ports.ts': `export const x = 1;\n`,
  'src/core/pipeline/index.ts': `export { check } from './check';\n`,
  'src/core/pipeline/check.ts': `import { x } from '../ports';\nexport const check = () => x;\n`,
  'src/cli/commands/check.ts': `import { check } from '../../core/pipeline';\nimport { x } from '../../core';\nimport { files } from '../../node/files';\nexport const run = () => check() + x + files;\n`,
  'src/node/files.ts': `import * as fs from 'fs';\nexport const files = typeof fs;\n`,
  'src/vscode/doctor.ts': `import * as vscode from 'vscode';\nimport { check } from '../core/pipeline';\nexport const run = () => [vscode, check];\n`,
};

describe('architecture boundaries', () => {
  it('the repository keeps every rule', () => {
    assert.deepStrictEqual(findBoundaryViolations(root), []);
  });

  it('a clean tree passes (so the rules below fail for their own reason)', () => {
    assert.deepStrictEqual(violationsIn(CLEAN), []);
  });

  it('rejects a src/vscode -> src/cli import, and src/cli -> src/vscode', () => {
    const v = violationsIn({ ...CLEAN, 'src/vscode/bad.ts': `\nimport { run } from '../cli/commands/check';\nexport const y = run;\n` });
    assert.deepStrictEqual(v.map((x) => [x.file, x.line]), [['src/vscode/bad.ts', 2]]);
    assert.match(v[0].rule, /src\/vscode must not import src\/cli/);
    const w = violationsIn({ ...CLEAN, 'src/cli/bad.ts': `import { run } from '../vscode/doctor';\nexport const y = run;\n` });
    assert.match(w[0].rule, /src\/cli must not import src\/vscode/);
  });

  it('rejects a front end importing a deep core file instead of its face', () => {
    const v = violationsIn({ ...CLEAN, 'src/cli/deep.ts': `import { check } from '../core/pipeline/check';\nexport const y = check;\n` });
    assert.strictEqual(v.length, 1);
    assert.match(v[0].rule, /import the core only through src\/core\/index\.ts or src\/core\/<area>\/index\.ts/);
  });

  it('rejects the world and the front ends inside the core', () => {
    const v = violationsIn({ ...CLEAN, 'src/core/pipeline/io.ts': `import * as fs from 'fs';\nimport { files } from '../../node/files';\nexport const y = [fs, files];\n` });
    assert.deepStrictEqual(v.map((x) => x.line), [1, 2]);
    assert.match(v[0].rule, /reaches the world only through its ports/);
    assert.match(v[1].rule, /imports nothing outside src\/core/);
  });

  it('rejects import cycles, type-only ones included', () => {
    const v = violationsIn({ ...CLEAN,
      'src/core/pipeline/a.ts': `import type { B } from './b';\nexport interface A { b?: B }\n`,
      'src/core/pipeline/b.ts': `export interface B { a?: import('./a').A }\n` });
    assert.strictEqual(v.length, 1);
    assert.match(v[0].rule, /import cycle: src\/core\/pipeline\/a\.ts -> src\/core\/pipeline\/b\.ts -> src\/core\/pipeline\/a\.ts/);
  });

  it('recognises every form of a vscode import outside the editor layer', () => {
    for (const line of [`import * as vscode from 'vscode';`, `import { window } from "vscode"`,
      `const v = require('vscode')`, `await import('vscode')`, `import type { Uri } from 'vscode';`]) {
      assert.ok(VSCODE_IMPORT.test(line), line);
    }
    assert.ok(!VSCODE_IMPORT.test(`import { x } from './vscodeish';`));
    const v = violationsIn({ ...CLEAN, 'src/core/bad.ts': `\nimport * as vscode from 'vscode';\n`, 'src/cli/lazy.ts': `export const v = () => import('vscode');\n` });
    assert.deepStrictEqual(v.map((x) => [x.file, x.line]), [['src/cli/lazy.ts', 1], ['src/core/bad.ts', 2]]);
  });
});
