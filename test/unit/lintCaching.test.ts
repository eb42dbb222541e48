// The caches and shortcuts behind a fast lint must never serve stale or foreign
// results: per catalog, per document text, per URL, and lazily computed
// "did you mean" suggestions.
import * as assert from 'assert';
import type { Catalog } from '../../src/core/catalog/api';
import { PathIndex } from '../../src/core/catalog/pathIndex';
import { lintParsed } from '../../src/core/lint';
import { requestFacts } from '../../src/core/rules/support/request';
import { parseDocument } from '../../src/core/sources';
import { createDocument } from '../../src/core/text';
import { OPS, TEST_SDK, catalog, fakeCatalog, lint, only } from './rulesSupport';

const CALL = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n';

describe('lint caching: results follow the catalog and the document text', () => {
  it('the same parsed request asked against two catalogs gets each catalog\'s own operation', async () => {
    const parsed = await parseDocument(createDocument('a.http', `${CALL}{"phoneNumber": "+13175550123"}\n`), { catalog });
    const req = parsed.requests[0];
    const withoutCalls = fakeCatalog(OPS.filter((o) => o.id !== 'postConversationsCalls'));
    assert.strictEqual(requestFacts(req, catalog, parsed.doc).operation?.id, 'postConversationsCalls');
    assert.strictEqual(requestFacts(req, withoutCalls, parsed.doc).operation, undefined);
    // ... and asking again (in either order) still answers per catalog, from the cache.
    assert.strictEqual(requestFacts(req, catalog, parsed.doc).operation?.id, 'postConversationsCalls');
    assert.strictEqual(requestFacts(req, withoutCalls, parsed.doc).operation, undefined);
    assert.strictEqual(requestFacts(req, catalog, parsed.doc), requestFacts(req, catalog, parsed.doc), 'computed once per catalog');
  });

  it('lintParsed over one parsed document with two catalogs reports per catalog', async () => {
    const parsed = await parseDocument(createDocument('a.http', `${CALL}{"to": "+13175550123"}\n`), { catalog });
    const withoutCalls = fakeCatalog(OPS.filter((o) => o.id !== 'postConversationsCalls'));
    const first = lintParsed(parsed, { catalog, knowledge: { sdkMethods: TEST_SDK } });
    const second = lintParsed(parsed, { catalog: withoutCalls, knowledge: { sdkMethods: TEST_SDK } });
    assert.strictEqual(only(first, 'payload.unknown-field').length, 1);
    assert.strictEqual(first.requests[0].operation?.id, 'postConversationsCalls');
    assert.deepStrictEqual(only(second, 'payload.unknown-field'), [], 'no model to check against in the second catalog');
    assert.strictEqual(second.requests[0].operation, null);
    assert.strictEqual(only(second, 'endpoint.unknown').length, 1);
  });

  it('linting changed text of the same path reflects the new text', async () => {
    const before = await lint(`${CALL}{"phoneNumber": "+13175550123", "to": "x"}\n`, 'same.http');
    const after = await lint(`${CALL}{"phoneNumber": "+13175550123"}\n`, 'same.http');
    assert.strictEqual(only(before, 'payload.unknown-field').length, 1);
    assert.deepStrictEqual(only(after, 'payload.unknown-field'), []);
    const moved = await lint(`\n\n${CALL}{"phoneNumber": "+13175550123", "to": "x"}\n`, 'same.http');
    assert.strictEqual(only(moved, 'payload.unknown-field')[0].range.start.line, only(before, 'payload.unknown-field')[0].range.start.line + 2);
  });

  it('requests sharing a URL share URL facts but keep their own token-request and body facts', async () => {
    const url = 'POST https://login.mypurecloud.com/x/token';
    const text = `${url}\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n\n###\n${url}\nContent-Type: application/json\n\n{"a": 1}\n`;
    const parsed = await parseDocument(createDocument('t.http', text), { catalog });
    const [a, b] = parsed.requests.map((r) => requestFacts(r, catalog, parsed.doc));
    assert.deepStrictEqual(a.url, b.url);
    assert.strictEqual(a.isTokenRequest, true, 'grant_type in the body');
    assert.strictEqual(b.isTokenRequest, false);
  });

  it('the same body under different URLs is checked against each request\'s operation', async () => {
    const body = '{"phoneNumber": "+13175550123", "bogus": 1}';
    const r = await lint(`${CALL}${body}\n\n###\nPOST https://api.mypurecloud.com/api/v2/users/me\nContent-Type: application/json\n\n${body}\n`);
    assert.deepStrictEqual(only(r, 'payload.unknown-field').map((f) => f.request), [0]);
  });
});

describe('catalog lookup: lazy "did you mean" suggestions', () => {
  const index = new PathIndex(OPS);

  it('are computed on first read, then kept', () => {
    const miss = index.lookup('POST', '/api/v2/conversation/calls');
    const desc = Object.getOwnPropertyDescriptor(miss, 'suggestions');
    assert.ok(desc?.get, 'a getter, not a computed array');
    const first = miss.suggestions;
    assert.strictEqual(first[0]?.id, 'postConversationsCalls');
    assert.strictEqual(miss.suggestions, first, 'the same array on the second read');
  });

  it('show up in copies and JSON like a plain field', () => {
    const miss = index.lookup('GET', '/api/v2/userz/me');
    assert.deepStrictEqual({ ...miss }.suggestions.map((o) => o.id), miss.suggestions.map((o) => o.id));
    assert.deepStrictEqual(JSON.parse(JSON.stringify(miss)).suggestions.map((o: { id: string }) => o.id), miss.suggestions.map((o) => o.id));
    assert.ok(miss.suggestions.some((o) => o.id === 'getUsersMe'));
  });

  it('are not computed for hits and wrong methods (plain empty arrays)', () => {
    const hit = index.lookup('POST', '/api/v2/conversations/calls');
    const wrong = index.lookup('DELETE', '/api/v2/conversations/calls');
    for (const r of [hit, wrong]) {
      assert.strictEqual(Object.getOwnPropertyDescriptor(r, 'suggestions')?.get, undefined);
      assert.deepStrictEqual(r.suggestions, []);
    }
  });

  it('endpoint.unknown reads them and names the closest operation', async () => {
    const counting: Catalog = { ...catalog, lookup: (m, u) => index.lookup(m, u) };
    const r = await lint('GET https://api.mypurecloud.com/api/v2/userz/me\n', 'x.http', { catalog: counting });
    const f = only(r, 'endpoint.unknown');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /closest: GET \/api\/v2\/users\/me/);
  });
});
