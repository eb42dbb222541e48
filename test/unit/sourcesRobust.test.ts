import * as assert from 'assert';
import { createDocument } from '../../src/core/text';
import { parseDocument } from '../../src/core/sources';
import type { DocumentKind, ParsedDocument } from '../../src/core/sources/types';
import type { Range } from '../../src/core/types';
import { fakeCatalog, mapFiles, r } from './sourcesFixtures';

/** Deterministic generator (no Math.random: failures must be reproducible). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
}

const HTTP_LINES = ['###', '### title', 'POST {{a}}/x HTTP/1.1', 'GET https://h/{{b}}', 'https://h/p', '  ?a=1', '&b={{c}}',
  'Content-Type: application/json', 'Content-Type: application/x-www-form-urlencoded', '', '', '{"a": {{b}}, "c": "{{d}}"}',
  '< ./x.json', '<@ ./{{f}}.json', '> {%', '< {%', '%}', '> ./h.js', '@a = {{b}}', '@b = {{a}}', '# @name n', '// @prompt p',
  'curl -X POST', "curl 'https://h' -d 'a=b", '  -H "X: {{y}}" \\', '{{', '}}', '{{$guid}}', '{{n.response.body.$.x}}',
  'a=b&scope=x y', '}', '"unterminated', '{{$dotenv %q}}', '{{$processEnv}}', '\t', 'X-{{h}}: v'];
const JS_LINES = ["const scope = 'a b';", 'client.setScopes([', "'x',", '])', "new a.B().c(", 'x.y(', '`https://login.${r}/oauth/token`',
  "'scope=a+b'", 'const scopes: string[] = [', "import pc from 'purecloud-platform-client-v2';", '/* open comment', '"', '((', '.', '?.m(', '/re/g.test(s)'];
const JSON_LINES = ['{', '}', '"to": "a",', '"from": {', '"$schema": "genesys-call-doctor://schemas/CreateCallRequest.json",', '[', ']', '"phoneNumber": {{x}}', '// c', ','];

function within(p: ParsedDocument, range: Range, what: string): void {
  const end = p.doc.positionAt(p.doc.text.length);
  const ok = (pos: Range['start']) => pos.line >= 0 && pos.character >= 0 && (pos.line < end.line || (pos.line === end.line && pos.character <= end.character));
  assert.ok(ok(range.start) && ok(range.end), `${what} ${r(range)} outside the document`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what} ${r(range)} reversed`);
  assert.strictEqual(p.doc.offsetAt(p.doc.positionAt(p.doc.offsetAt(range.start))), p.doc.offsetAt(range.start));
}

function checkRanges(p: ParsedDocument): number {
  let n = 0;
  const check = (range: Range | undefined, what: string) => { if (range) { within(p, range, what); n++; } };
  for (const q of p.requests) {
    for (const [what, range] of [['request', q.range], ['method', q.methodRange], ['url', q.urlRange], ['body', q.body?.range], ['include', q.body?.include?.range]] as const) check(range, what);
    for (const h of q.headers) { check(h.range, 'header'); check(h.valueRange, 'header value'); }
    for (const v of q.variables) check(v.range, 'variable');
    if (q.body) assert.strictEqual(p.doc.text.slice(q.body.offset, q.body.offset + q.body.text.length), q.body.text, 'body text is the document slice');
  }
  for (const v of p.variables ?? []) check(v.range, 'file variable ref');
  for (const pr of p.problems ?? []) check(pr.range, 'problem');
  for (const s of p.code?.scopes ?? []) { check(s.range, 'scope'); assert.strictEqual(p.doc.text.slice(p.doc.offsetAt(s.range.start), p.doc.offsetAt(s.range.end)).length > 0, true); }
  for (const c of p.code?.calls ?? []) { check(c.methodRange, 'call'); check(c.receiverRange, 'receiver'); }
  for (const t of p.code?.tokenUrls ?? []) check(t.range, 'token url');
  return n;
}

async function fuzz(kind: DocumentKind, path: string, pool: string[], seed: number): Promise<number> {
  const next = lcg(seed);
  let ranges = 0;
  for (let k = 0; k < 150; k++) {
    const lines = Array.from({ length: 1 + next(14) }, () => pool[next(pool.length)]);
    const eol = next(3) === 0 ? '\r\n' : '\n';
    const text = lines.join(eol) + (next(2) ? eol : '');
    const doc = createDocument(path, text, kind);
    let p: ParsedDocument;
    try {
      p = await parseDocument(doc, { files: mapFiles({ '/w/x.json': '{"a": {{z}}}' }), environment: next(2) ? 'dev' : undefined, catalog: fakeCatalog() });
    } catch (e) {
      assert.fail(`parseDocument threw on ${JSON.stringify(text)}: ${(e as Error).stack}`);
    }
    ranges += checkRanges(p);
  }
  return ranges;
}

describe('sources: robustness (generated inputs never throw, ranges stay inside the document)', () => {
  it('.http', async () => { assert.ok(await fuzz('http', '/w/f.http', HTTP_LINES, 7) > 500); });
  it('.js/.ts', async () => { assert.ok(await fuzz('js', '/w/f.ts', JS_LINES, 11) > 50); });
  it('.json', async () => { await fuzz('json', '/w/f.json', JSON_LINES, 13); /* fails inside on a throw or a bad range */ });
  it('an unknown kind yields nothing', async () => {
    const p = await parseDocument(createDocument('/w/README.md', 'POST https://x'));
    assert.deepStrictEqual([p.requests, p.problems], [[], []]);
  });
});

describe('sources: .http edge cases', () => {
  it('a body right after the headers (no blank line) is body, not a header', async () => {
    const p = await parseDocument(createDocument('/w/a.http', 'POST https://h/x\nContent-Type: application/json\n{"a": 1}\n'));
    const q = p.requests[0];
    assert.deepStrictEqual([q.headers.length, q.body?.text, r(q.body?.range)], [1, '{"a": 1}', '2:0-2:8']);
  });

  it('httpYac {{ }} script blocks are skipped and the names they export are dynamic', async () => {
    const text = '{{\n  exports.sig = sign(request);\n}}\nGET https://h/{{sig}}\n';
    const p = await parseDocument(createDocument('/w/a.http', text));
    assert.strictEqual(p.requests.length, 1);
    assert.deepStrictEqual([p.requests[0].method, r(p.requests[0].methodRange)], ['GET', '3:0-3:3']);
    const v = p.requests[0].variables[0];
    assert.deepStrictEqual([v.name, v.dynamic, v.source], ['sig', true, 'script']);
  });

  it('# @prompt variables are dynamic (typed in when sending)', async () => {
    const p = await parseDocument(createDocument('/w/a.http', '# @prompt userId\nGET https://h/users/{{userId}}\n'));
    assert.deepStrictEqual([p.requests[0].variables[0].dynamic, p.requests[0].variables[0].source], [true, 'prompt']);
  });

  it('unsaved documents read nothing from disk and say why', async () => {
    const asked: string[] = [];
    const files = { async readText(p: string) { asked.push(p); return undefined; } };
    const p = await parseDocument(createDocument('untitled:Untitled-1', 'POST https://h/{{$dotenv T}}\n\n< ./b.json\n', 'http'), { files });
    assert.deepStrictEqual(asked, []);
    assert.match(p.requests[0].variables[0].problem!, /not saved as a file/);
    assert.match(p.problems![0].message, /not saved as a file/);
  });

  it('a request line that starts with a variable has no method (GET)', async () => {
    const p = await parseDocument(createDocument('/w/a.http', '@h = https://x\n\n{{h}}/api/v2/users/me\n'));
    assert.deepStrictEqual([p.requests[0].method, p.requests[0].url, p.requests[0].methodImplicit], ['GET', 'https://x/api/v2/users/me', true]);
  });

  it('unresolved refs inside file-variable definitions are listed at document level', async () => {
    const p = await parseDocument(createDocument('/w/a.http', '@base = https://{{nohost}}/api\nGET {{base}}/x\n'));
    assert.deepStrictEqual(p.variables!.map((v) => [v.name, v.resolved, r(v.range)]), [['nohost', false, '0:16-0:26']]);
    const ref = p.requests[0].variables[0];
    assert.strictEqual(ref.resolved, false);
    assert.match(ref.problem!, /"base" depends on an unresolved value: "nohost" is not defined/);
  });
});

describe('sources: include paths with variables', () => {
  it('resolves {{vars}} in the include path, and reports an unresolved one without reading', async () => {
    const asked: string[] = [];
    const files = { async readText(p: string) { asked.push(p); return p === '/w/bodies/call.json' ? '{}' : undefined; } };
    const ok = await parseDocument(createDocument('/w/a.http', '@dir = bodies\nPOST https://h/x\n\n< ./{{dir}}/call.json\n'), { files });
    assert.deepStrictEqual([ok.requests[0].body!.include!.resolvedPath, ok.requests[0].body!.include!.text, ok.problems], ['/w/bodies/call.json', '{}', []]);
    const bad = await parseDocument(createDocument('/w/b.http', 'POST https://h/x\n\n< ./{{nodir}}/call.json\n'), { files });
    assert.deepStrictEqual(asked.filter((p) => !p.includes('http-client')), ['/w/bodies/call.json']);
    assert.match(bad.problems![0].message, /uses a variable that is not resolved/);
    assert.strictEqual(r(bad.problems![0].range), '2:2-2:23');
  });
});
