import * as assert from 'assert';
import { createDocument } from '../../src/core/text';
import { parseDocument } from '../../src/core/sources';
import { jsonTextForParsing, parseJsonBody, pointerOf, pointerPath, unquotedPlaceholders } from '../../src/core/sources/json';
import { diskFiles, fixture, r, readFixture } from './sourcesFixtures';

describe('sources: JSON bodies with {{variables}}', () => {
  it('jsonTextForParsing keeps the length and replaces only unquoted {{...}}', () => {
    const body = '{"a": {{x}}, "b": "{{y}}", "c": [{{longer_name}}] // {{in comment}}\n}';
    const out = jsonTextForParsing(body);
    assert.strictEqual(out.length, body.length);
    assert.strictEqual(out, '{"a": null , "b": "{{y}}", "c": [null           ] // {{in comment}}\n}');
    assert.deepStrictEqual(unquotedPlaceholders(body).map((p) => p.name), ['x', 'longer_name']);
  });

  it('handles escaped quotes and the shortest placeholder', () => {
    assert.strictEqual(jsonTextForParsing('["a\\"{{q}}", {{}}]'), '["a\\"{{q}}", null]');
  });

  it('parseJsonBody maps nodes of an inline body to exact document ranges', async () => {
    const p = await parseDocument(createDocument(fixture('http', 'calls.http'), readFixture('http', 'calls.http')), { files: diskFiles() });
    const body = parseJsonBody(p.doc, p.requests[0].body!);
    assert.deepStrictEqual(body.errors, []);
    assert.strictEqual(body.fromInclude, false);
    const prio = body.nodeAt('/priority')!;
    assert.ok(body.isPlaceholder(prio));
    assert.strictEqual(r(body.rangeOf(prio)), '14:14-14:22');
    const phone = body.nodeAt('/phoneNumber')!;
    assert.strictEqual(body.isPlaceholder(phone), false);
    assert.strictEqual(r(body.rangeOf(phone)), '13:17-13:31');
    assert.strictEqual(r(body.keyRangeOf(phone)), '13:2-13:15');
    assert.deepStrictEqual(body.value, { phoneNumber: '+13175550100', priority: null, callerId: '{{callerId}}', label: '{{$guid}}' });
    assert.strictEqual(pointerOf(phone), '/phoneNumber');
  });

  it('an included body is parsed from the file; ranges point at the include path', async () => {
    const p = await parseDocument(createDocument(fixture('http', 'jetbrains.http'), readFixture('http', 'jetbrains.http')),
      { files: diskFiles(), environment: 'dev' });
    const body = parseJsonBody(p.doc, p.requests[1].body!);
    assert.strictEqual(body.fromInclude, true);
    assert.deepStrictEqual(Object.keys(body.value as object), ['phoneNumber', 'callerId']);
    assert.strictEqual(r(body.rangeOf(body.nodeAt('/callerId')!)), '20:3-20:21');
  });

  it('reports syntax errors with ranges instead of throwing', () => {
    const doc = createDocument('/x.json', '{\n  "a": 1,,\n}');
    const body = parseJsonBody(doc, { text: doc.text, offset: 0, range: doc.rangeAt(0, doc.text.length), kind: 'json' });
    assert.ok(body.errors.length > 0);
    assert.strictEqual(body.errors[0].range.start.line, 1);
  });

  it('JSON pointers round-trip with escapes', () => {
    assert.deepStrictEqual(pointerPath('/to/0/a~1b~0c'), ['to', 0, 'a/b~c']);
    assert.deepStrictEqual(pointerPath(''), []);
    const doc = createDocument('/x.json', '{"a/b":[1,{"c":2}]}');
    const body = parseJsonBody(doc, { text: doc.text, offset: 0, range: doc.rangeAt(0, doc.text.length), kind: 'json' });
    assert.strictEqual(pointerOf(body.nodeAt('/a~1b/1/c')!), '/a~1b/1/c');
    assert.strictEqual(pointerOf(body.root!), '');
  });
});
