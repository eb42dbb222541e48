// The protocol is shared by the Node host and the browser webview, and the
// webview bundle runs in a sandboxed iframe: neither may import 'vscode' or a
// Node built-in, and the webview may only import the protocol and itself.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../../src/node/paths';

const root = packageRoot();
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(dir: string): { file: string; spec: string }[] {
  const abs = path.join(root, dir);
  return (fs.readdirSync(abs, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).flatMap((f) => {
    const text = fs.readFileSync(path.join(abs, f), 'utf8');
    return [...text.matchAll(IMPORT)].map((m) => ({ file: path.join(dir, f), spec: m[1] ?? m[2] }));
  });
}

describe('protocol and webview boundaries', () => {
  it('src/shared imports nothing (plain types and helpers usable on both sides)', () => {
    assert.deepStrictEqual(importsOf('src/shared'), []);
  });

  it('src/webview imports only the shared protocol and its own modules', () => {
    const found = importsOf('src/webview');
    assert.ok(found.length >= 3, 'the scan sees the imports');
    const outside = found.filter(({ file, spec }) => {
      if (!spec.startsWith('.')) return true;
      const target = path.normalize(path.join(path.dirname(file), spec));
      return !(target.startsWith(path.normalize('src/webview/')) || target === path.normalize('src/shared/protocol'));
    });
    assert.deepStrictEqual(outside, []);
  });
});
