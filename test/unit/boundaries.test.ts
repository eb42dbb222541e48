import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findBoundaryViolations, VSCODE_IMPORT } = require('../../../scripts/boundaries');

const root = path.resolve(__dirname, '../../..');

describe('architecture boundaries', () => {
  it('src/core, src/cli and src/sandbox never import vscode', () => {
    assert.deepStrictEqual(findBoundaryViolations(root), []);
  });

  it('the guard recognises every import form (so it can fail)', () => {
    for (const line of [`import * as vscode from 'vscode';`, `import { window } from "vscode"`,
      `const v = require('vscode')`, `await import('vscode')`, `import type { Uri } from 'vscode';`]) {
      assert.ok(VSCODE_IMPORT.test(line), line);
    }
    assert.ok(!VSCODE_IMPORT.test(`import { x } from './vscodeish';`));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bound-'));
    try {
      fs.mkdirSync(path.join(tmp, 'src/core'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'src/core/bad.ts'), `\nimport * as vscode from 'vscode';\n`);
      assert.deepStrictEqual(findBoundaryViolations(tmp), [{ file: path.join('src/core', 'bad.ts'), line: 2 }]);
    } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
  });
});
