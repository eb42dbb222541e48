import * as assert from 'assert';
import { asTextDocument, createDocument, documentKindOf } from '../../src/core/text';

describe('text: createDocument and documentKindOf', () => {
  it('maps offsets and positions on LF text', () => {
    const d = createDocument('a.http', 'ab\ncde\n\nf');
    assert.strictEqual(d.lineCount, 4);
    assert.deepStrictEqual(d.positionAt(0), { line: 0, character: 0 });
    assert.deepStrictEqual(d.positionAt(2), { line: 0, character: 2 });
    assert.deepStrictEqual(d.positionAt(3), { line: 1, character: 0 });
    assert.deepStrictEqual(d.positionAt(7), { line: 2, character: 0 });
    assert.deepStrictEqual(d.positionAt(8), { line: 3, character: 0 });
    assert.deepStrictEqual(d.positionAt(99), { line: 3, character: 1 });
    assert.strictEqual(d.offsetAt({ line: 1, character: 2 }), 5);
    assert.strictEqual(d.offsetAt({ line: 1, character: 50 }), 6, 'character clamps to the line end');
    assert.strictEqual(d.offsetAt({ line: 9, character: 0 }), 9);
  });

  it('treats CRLF as one line break and never points between \\r and \\n', () => {
    const d = createDocument('a.http', 'ab\r\ncd\r\n');
    assert.strictEqual(d.lineCount, 3);
    assert.deepStrictEqual(d.positionAt(2), { line: 0, character: 2 });
    assert.deepStrictEqual(d.positionAt(3), { line: 0, character: 2 }, 'offset of \\n clamps to line end');
    assert.deepStrictEqual(d.positionAt(4), { line: 1, character: 0 });
    assert.strictEqual(d.offsetAt({ line: 1, character: 1 }), 5);
    assert.deepStrictEqual(d.lineAt(1), { text: 'cd', start: 4, end: 6 });
    assert.strictEqual(d.lineAt(2).text, '');
  });

  it('counts a lone CR as a line break', () => {
    const d = createDocument('x', 'a\rb');
    assert.deepStrictEqual(d.positionAt(2), { line: 1, character: 0 });
  });

  it('round-trips every offset', () => {
    const text = 'x\r\n\ny\rzz\n';
    const d = createDocument('x', text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue;    // inside a CRLF
      assert.strictEqual(d.offsetAt(d.positionAt(o)), o, `offset ${o}`);
    }
  });

  it('derives the kind from the extension', () => {
    assert.strictEqual(documentKindOf('/a/b.http'), 'http');
    assert.strictEqual(documentKindOf('c.REST'), 'http');
    assert.strictEqual(documentKindOf('p.json'), 'json');
    assert.strictEqual(documentKindOf('p.jsonc'), 'json');
    for (const e of ['js', 'ts', 'mjs', 'cjs', 'jsx', 'tsx']) assert.strictEqual(documentKindOf(`f.${e}`), 'js', e);
    assert.strictEqual(documentKindOf('README.md'), 'unknown');
    assert.strictEqual(documentKindOf('Makefile'), 'unknown');
    assert.strictEqual(createDocument('x.json', '{}').kind, 'json');
    assert.strictEqual(createDocument('x.json', '{}', 'http').kind, 'http');
  });

  it('asTextDocument indexes a plain SourceDocument', () => {
    const plain = { path: 'p.http', kind: 'http' as const, text: 'a\nb', positionAt: () => ({ line: 0, character: 0 }), offsetAt: () => 0 };
    const d = asTextDocument(plain);
    assert.deepStrictEqual(d.rangeAt(2, 3), { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  });
});
