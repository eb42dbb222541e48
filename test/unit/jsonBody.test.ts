// One JSON body parser: each body parsed once per document version and shared by
// the rules, the live target and live finding placement; the same syntax rules for
// every consumer; hostile input (BOM, very deep nesting) handled without false
// errors or stack overflows.
import * as assert from 'assert';
import { lintParsed } from '../../src/core/lint';
import { placeLiveFindings, targetOf } from '../../src/core/live/fromRequest';
import { parseDocument } from '../../src/core/sources';
import { jsonBodyOf, jsonParseCount, MAX_JSON_DEPTH, parseJsonBody } from '../../src/core/sources/json';
import type { ParsedDocument } from '../../src/core/sources/types';
import { createDocument } from '../../src/core/text';
import type { Finding } from '../../src/core/types';
import { catalog, TEST_SDK, textAt } from './rulesSupport';
import { mapFiles } from './sourcesFixtures';

const CALL = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n';
const parse = (path: string, text: string, files: Record<string, string> = {}) =>
  parseDocument(createDocument(path, text), { catalog, files: mapFiles(files) });
const lintOf = (parsed: ParsedDocument) => lintParsed(parsed, { catalog, knowledge: { sdkMethods: TEST_SDK } });
const rule = (findings: Finding[], id: string) => findings.filter((f) => f.rule === id);
const failures = (findings: Finding[]) => findings.filter((f) => /failed:/.test(f.message));

/** Lint, then what the live doctor does with the same parsed request. */
function lintTargetPlace(parsed: ParsedDocument) {
  const lint = lintOf(parsed);
  const target = targetOf(parsed, parsed.requests[0], catalog);
  if ('error' in target) throw new Error(target.error);
  const live: Finding = { rule: 'live.x', severity: 'error', message: 'm', range: lint.findings[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, pointer: '/to', fixes: [], source: { ref: 't', verified: true } };
  const [placed] = placeLiveFindings(parsed, target, [live]);
  return { lint, target, placed };
}

describe('JSON bodies: one parse per request body', () => {
  it('lint + live target + live placement parse an .http body once', async () => {
    const text = `${CALL}{"to": "+13175550123", "phoneNumber": {{num}}}`;
    const parsed = await parse('/w/a.http', text);
    const before = jsonParseCount();
    const { lint, target, placed } = lintTargetPlace(parsed);
    assert.strictEqual(jsonParseCount() - before, 1, 'rules, targetOf and placeLiveFindings share one parse');
    assert.ok(rule(lint.findings, 'payload.unknown-field').length > 0, 'the rules did read the body');
    assert.deepStrictEqual(target.body, { to: '+13175550123', phoneNumber: null });
    assert.strictEqual(textAt(text, placed), '"to"', 'placed at the key the pointer names');
    lintOf(parsed);
    assert.strictEqual(jsonParseCount() - before, 1, 'a second lint of the same version parses nothing');
  });

  it('a payload file is parsed once, for association, rules and the live doctor together', async () => {
    const before = jsonParseCount();
    const parsed = await parse('/w/call.json', '{"to": "+13175550123", "phoneNumber": "+13175550124"}');
    assert.strictEqual(parsed.requests[0].association?.by, 'inferred');
    lintTargetPlace(parsed);
    assert.strictEqual(jsonParseCount() - before, 1);
  });

  it('a new document version is parsed anew', async () => {
    const before = jsonParseCount();
    lintOf(await parse('/w/a.http', `${CALL}{"phoneNumber": "+13175550123"}`));
    lintOf(await parse('/w/a.http', `${CALL}{"phoneNumber": "+13175550124"}`));
    assert.strictEqual(jsonParseCount() - before, 2);
  });
});

describe('JSON bodies: comments and trailing commas, the same for every consumer', () => {
  async function asked(path: string, text: string, files: Record<string, string> = {}) {
    const parsed = await parse(path, text, files);
    const req = parsed.requests[0];
    const { lint, target } = lintTargetPlace(parsed);
    const viaRules = jsonBodyOf(req, parsed.doc)!;
    assert.strictEqual(parseJsonBody(parsed.doc, req.body!), viaRules, 'the live doctor and the rules get the same parse');
    return { errors: viaRules.errors.map((e) => e.message), invalid: rule(lint.findings, 'payload.invalid-json').map((f) => f.message), body: target.body };
  }

  it('an .http body: a comment and a trailing comma are both errors', async () => {
    const c = await asked('/w/a.http', `${CALL}{\n  // the agent\n  "phoneNumber": "+13175550123"\n}`);
    assert.deepStrictEqual(c.errors, ['comments are not allowed in JSON']);
    assert.strictEqual(c.invalid.length, 1);
    assert.match(c.invalid[0], /^Invalid JSON: comments are not allowed in JSON\./);
    assert.deepStrictEqual(c.body, { phoneNumber: '+13175550123' });
    const t = await asked('/w/a.http', `${CALL}{"phoneNumber": "+13175550123",}`);
    assert.strictEqual(t.errors[0], 'property name expected');
    assert.match(t.invalid[0], /^Invalid JSON: property name expected\./);
    assert.deepStrictEqual(t.body, { phoneNumber: '+13175550123' });
  });

  it('a .json payload file: comments are errors; a .jsonc one allows comments but not trailing commas', async () => {
    const commented = '{\n  // the agent\n  "phoneNumber": "+13175550123"\n}';
    assert.deepStrictEqual((await asked('/w/call.json', commented)).errors, ['comments are not allowed in JSON']);
    const jsonc = await asked('/w/call.jsonc', commented);
    assert.deepStrictEqual([jsonc.errors, jsonc.invalid], [[], []]);
    const trailing = await asked('/w/call.jsonc', '{\n  // the agent\n  "phoneNumber": "+13175550123",\n}');
    assert.strictEqual(trailing.errors[0], 'property name expected');
    assert.strictEqual(trailing.invalid.length, 1);
  });

  it('an included .jsonc file is sent as written, so its comments are errors too', async () => {
    const c = await asked('/w/a.http', `${CALL}< ./body.jsonc`, { '/w/body.jsonc': '{ /* c */ "phoneNumber": "+13175550123" }' });
    assert.deepStrictEqual(c.errors, ['comments are not allowed in JSON']);
    assert.match(c.invalid[0], /^Invalid JSON in the included file \.\/body\.jsonc: comments/);
  });
});

describe('JSON bodies: hostile input', () => {
  it('a BOM at the start of a payload file or an included body is no JSON error', async () => {
    const file = await parse('/w/call.json', '\uFEFF{"phoneNumber": "+13175550123"}');
    assert.strictEqual(file.requests[0].association?.by, 'inferred');
    const f = lintOf(file).findings;
    assert.deepStrictEqual(rule(f, 'payload.invalid-json'), []);
    assert.deepStrictEqual(jsonBodyOf(file.requests[0], file.doc)!.value, { phoneNumber: '+13175550123' });

    const inc = await parse('/w/a.http', `${CALL}< ./body.json`, { '/w/body.json': '\uFEFF{"phoneNumber": "+13175550123", "to": "x"}' });
    const g = lintOf(inc).findings;
    assert.strictEqual(jsonBodyOf(inc.requests[0], inc.doc)!.fromInclude, true);
    assert.deepStrictEqual(rule(g, 'payload.invalid-json'), []);
    assert.strictEqual(rule(g, 'payload.unknown-field').length, 1, 'the body was read past the BOM');
  });

  const deep = (n: number) => `{"phoneNumber": "+13175550123", "x": ${'['.repeat(n)}1${']'.repeat(n)}}`;

  it('an .http body nested 10,000 deep gets the limit message, not a stack overflow', async () => {
    const text = CALL + deep(10_000);
    const parsed = await parse('/w/a.http', text);
    const { lint, target } = lintTargetPlace(parsed);
    assert.deepStrictEqual(failures(lint.findings), []);
    const [f] = rule(lint.findings, 'payload.invalid-json');
    assert.strictEqual(f.severity, 'warning');
    assert.match(f.message, new RegExp(`^Not checked: the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`));
    assert.strictEqual(textAt(text, f), '[');
    assert.strictEqual(target.body, undefined, 'nothing unparsed is handed to the live doctor');
  });

  it('a payload file nested 10,000 deep is a run problem, not a crash', async () => {
    const parsed = await parse('/w/call.json', deep(10_000));
    assert.deepStrictEqual(parsed.requests, []);
    assert.match(parsed.problems![0].message, /^Not checked: this JSON nests deeper than 1000 levels/);
  });

  it('a body exactly at the limit is parsed and checked', async () => {
    const parsed = await parse('/w/a.http', CALL + deep(MAX_JSON_DEPTH - 1));
    const { lint, target } = lintTargetPlace(parsed);
    assert.deepStrictEqual(failures(lint.findings), []);
    assert.deepStrictEqual(rule(lint.findings, 'payload.invalid-json'), []);
    assert.deepStrictEqual(rule(lint.findings, 'payload.unknown-field').map((u) => u.pointer), ['/x']);
    assert.strictEqual(Object.keys(target.body as object).length, 2);
  });

  it('"__proto__" in a body stays an own key of the value', async () => {
    const parsed = await parse('/w/a.http', `${CALL}{"__proto__": {"polluted": 1}, "phoneNumber": "+13175550123"}`);
    const value = jsonBodyOf(parsed.requests[0], parsed.doc)!.value as Record<string, unknown>;
    assert.strictEqual(Object.getPrototypeOf(value), Object.prototype);
    assert.deepStrictEqual(Object.keys(value), ['__proto__', 'phoneNumber']);
    assert.strictEqual((value as { polluted?: unknown }).polluted, undefined);
  });
});
