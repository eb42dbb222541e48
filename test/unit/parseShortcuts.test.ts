// The fast paths of the text index and the .http lexer (line hint in
// positionAt, last-line cache, "\n"-only line scan, "###" search, first-character
// checks) must answer exactly what the plain algorithms answer.
import * as assert from 'assert';
import type { FilesPort } from '../../src/core/ports';
import { parseDocument } from '../../src/core/sources';
import { createDocument } from '../../src/core/text';
import type { Position } from '../../src/core/types';

/** Reference: scan every character. */
function slowPosition(text: string, offset: number): Position {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 0, start = 0;
  for (let i = 0; i < o; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      if (i + 1 === o) return { line, character: i - start };   // between \r and \n: end of line
      i++;
    }
    if (c === '\r' || c === '\n') { line++; start = i + 1; }
  }
  return { line, character: o - start };
}

function shuffled(n: number, seed: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('text index fast paths', () => {
  const texts = ['a\nbb\n\nccc\n', 'a\r\nbb\r\n\r\nccc', 'a\rbb\r\rccc\r', 'x', '', '\n\n\n', 'mixed\r\nline\nbreaks\rhere\n'];

  it('positionAt answers the same in forward, backward and random order', () => {
    for (const text of texts) {
      const doc = createDocument('t.http', text);
      const orders = [
        Array.from({ length: text.length + 1 }, (_, i) => i),
        Array.from({ length: text.length + 1 }, (_, i) => text.length - i),
        shuffled(text.length + 1, 7),
      ];
      for (const order of orders) {
        for (const o of order) assert.deepStrictEqual(doc.positionAt(o), slowPosition(text, o), `${JSON.stringify(text)} @${o}`);
      }
    }
  });

  it('lineAt gives each line\'s own text when lines are asked for alternately', () => {
    const doc = createDocument('t.http', 'one\r\ntwo\nthree\rfour');
    const want = ['one', 'two', 'three', 'four'];
    for (const i of [0, 1, 0, 3, 2, 2, 1, 3]) assert.strictEqual(doc.lineAt(i).text, want[i]);
    assert.deepStrictEqual(doc.lineAt(2), { text: 'three', start: 9, end: 14 });
  });
});

describe('.http lexer fast paths', () => {
  it('splits only at lines starting with ###, not at ### inside a line', async () => {
    const text = [
      'POST https://api.mypurecloud.com/api/v2/conversations/calls',
      'Content-Type: application/json',
      '',
      '{"label": "### not a separator", "phoneNumber": "+13175550123"}',
      '   ### second   ',
      'GET https://api.mypurecloud.com/api/v2/users/me',
      '###',
    ].join('\n');
    const p = await parseDocument(createDocument('s.http', text));
    assert.deepStrictEqual(p.requests.map((r) => [r.method, r.title ?? null]), [['POST', null], ['GET', 'second']]);
    assert.strictEqual(p.requests[0].body?.text, '{"label": "### not a separator", "phoneNumber": "+13175550123"}');
  });

  it('still sees comments, variables, scripts, includes and handlers around plain lines', async () => {
    const text = [
      '@host = https://api.mypurecloud.com',
      '###',
      '# @name call',
      '// a comment',
      'POST {{host}}/api/v2/conversations/calls',
      '# a header comment',
      'Content-Type: application/json',
      '',
      '# leading body comment',
      '{"phoneNumber": "+13175550123"}',
      '> {% client.global.set("id", response.body.id); %}',
      '{"after": "handler"}',
      '###',
      'POST {{host}}/api/v2/conversations/calls',
      '',
      '< ./body.json',
    ].join('\n');
    const p = await parseDocument(createDocument('/w/s.http', text));
    assert.deepStrictEqual(p.fileVariables.map((v) => v.name), ['host']);
    assert.strictEqual(p.requests[0].name, 'call');
    assert.deepStrictEqual(p.requests[0].headers.map((h) => h.name), ['Content-Type']);
    assert.strictEqual(p.requests[0].body?.text, '{"phoneNumber": "+13175550123"}');
    assert.strictEqual(p.requests[1].body?.include?.path, './body.json');
  });

  it('keeps requests in order when some bodies are includes read asynchronously', async () => {
    const files: FilesPort = { readText: async (p) => (p.endsWith('b.json') ? '{"phoneNumber": "+13175550123"}' : undefined) };
    const text = 'POST https://h/a\n\n< ./b.json\n###\nPOST https://h/b\n\n{"x": 1}\n###\nPOST https://h/c\n\n< ./missing.json\n';
    const p = await parseDocument(createDocument('/w/s.http', text), { files });
    assert.deepStrictEqual(p.requests.map((r) => r.url), ['https://h/a', 'https://h/b', 'https://h/c']);
    assert.deepStrictEqual(p.requests.map((r) => r.index), [0, 1, 2]);
    assert.strictEqual(p.requests[0].body?.include?.text, '{"phoneNumber": "+13175550123"}');
    assert.strictEqual(p.requests[1].body?.text, '{"x": 1}');
    assert.ok((p.problems ?? []).some((x) => /missing\.json/.test(x.message)));
  });
});
