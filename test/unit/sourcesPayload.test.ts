import * as assert from 'assert';
import { createDocument } from '../../src/core/text';
import { parseDocument } from '../../src/core/sources';
import { looksLikeCallPayload, operationsForModel } from '../../src/core/sources/payload';
import type { ParseOptions } from '../../src/core/sources/types';
import { fakeCatalog, fixture, r, readFixture } from './sourcesFixtures';

const parsePayload = (name: string, options: ParseOptions = { catalog: fakeCatalog() }) =>
  parseDocument(createDocument(fixture('payloads', name), readFixture('payloads', name)), options);

describe('sources: .json payload files', () => {
  it('$schema naming our CreateCallRequest schema -> postConversationsCalls (not the on-behalf one)', async () => {
    const p = await parsePayload('with-schema.json');
    assert.strictEqual(p.requests.length, 1);
    const q = p.requests[0];
    assert.deepStrictEqual(q.association, { by: 'schema', operationId: 'postConversationsCalls', range: q.association!.range });
    assert.strictEqual(r(q.association!.range), '1:2-1:67', 'the whole $schema property');
    assert.deepStrictEqual([q.method, q.url, q.rawUrl, r(q.methodRange), r(q.urlRange)],
      ['POST', '/api/v2/conversations/calls', '/api/v2/conversations/calls', '1:2-1:67', '1:2-1:67']);
    assert.deepStrictEqual([q.body!.kind, q.body!.offset, q.body!.text, r(q.body!.range)],
      ['json', 0, p.doc.text, '0:0-4:0']);
  });

  it('the preferred operation id picks among operations sharing a body model', async () => {
    const p = await parsePayload('with-schema.json', { catalog: fakeCatalog(), operationId: 'postConversationsCallsUserUserId' });
    assert.strictEqual(p.requests[0].association!.operationId, 'postConversationsCallsUserUserId');
    assert.deepStrictEqual(operationsForModel(fakeCatalog().operations(), 'CreateCallRequest').map((o) => o.id),
      ['postConversationsCalls', 'postConversationsCallsUserUserId']);
    assert.deepStrictEqual(operationsForModel(fakeCatalog().operations(), 'CreateCallRequest', 'nope').map((o) => o.id)[0], 'postConversationsCalls');
  });

  it('a $schema model that is no operation body is a problem, not a request', async () => {
    const doc = createDocument('/w/x.json', '{"$schema": "./schemas/NoSuchModel.json", "phoneNumber": "1"}');
    const p = await parseDocument(doc, { catalog: fakeCatalog() });
    assert.deepStrictEqual(p.requests, []);
    assert.match(p.problems![0].message, /"NoSuchModel" is not the request body of any known operation/);
    const noCatalog = await parseDocument(createDocument('/w/y.json', readFixture('payloads', 'with-schema.json')), {});
    assert.match(noCatalog.problems![0].message, /no API catalog/);
  });

  it('settings globs associate any JSON file (relative to rootDir)', async () => {
    const options = { catalog: fakeCatalog(), rootDir: fixture(), payloadAssociations: [{ glob: 'payloads/by-*.json', operationId: 'postConversationsCallsUserUserId' }] };
    const p = await parsePayload('by-setting.json', options);
    assert.deepStrictEqual([p.requests[0].association!.by, p.requests[0].association!.operationId, p.requests[0].url],
      ['setting', 'postConversationsCallsUserUserId', '/api/v2/conversations/calls/user/{userId}']);
    const base = await parsePayload('by-setting.json', { catalog: fakeCatalog(), payloadAssociations: [{ glob: 'by-setting.json', operationId: 'postConversationsCalls' }] });
    assert.strictEqual(base.requests[0].association!.operationId, 'postConversationsCalls', 'a glob without "/" matches the base name');
    const bad = await parsePayload('by-setting.json', { catalog: fakeCatalog(), payloadAssociations: [{ glob: '**/*.json', operationId: 'postNothing' }] });
    assert.deepStrictEqual(bad.requests, []);
    assert.match(bad.problems![0].message, /"postNothing", which is not a known operation id/);
    const none = await parsePayload('by-setting.json', { catalog: fakeCatalog(), payloadAssociations: [{ glob: '**/other/*.json', operationId: 'postConversationsCalls' }] });
    assert.deepStrictEqual(none.requests, [], 'no match and nothing call-like: no request');
  });

  it('forum case 1 (from/to/type/metadata) is inferred as POST /api/v2/conversations/calls', async () => {
    const p = await parsePayload('forum-case-1.json');
    const q = p.requests[0];
    assert.deepStrictEqual([q.association!.by, q.association!.operationId, q.method, q.url],
      ['inferred', 'postConversationsCalls', 'POST', '/api/v2/conversations/calls']);
    assert.strictEqual(r(q.association!.range), '0:0-0:1');
  });

  it('forum case 2 (to[]/from/routing) is inferred too, also without a catalog', async () => {
    const p = await parsePayload('forum-case-2.json', {});
    assert.deepStrictEqual([p.requests[0].association!.by, p.requests[0].association!.operationId], ['inferred', 'postConversationsCalls']);
  });

  it('a real CreateCallRequest field is enough; JSONC comments are fine', async () => {
    const p = await parsePayload('minimal-call.jsonc');
    assert.strictEqual(p.requests[0].association!.by, 'inferred');
    assert.strictEqual(r(p.requests[0].association!.range), '1:0-1:1');
  });

  it('package.json, tsconfig.json, env files, foreign $schema files produce no requests', async () => {
    for (const name of ['package.json', 'tsconfig.json', 'http-client.env.json', 'foreign-schema.json']) {
      const p = await parsePayload(name);
      assert.deepStrictEqual([name, p.requests.length, p.problems], [name, 0, []]);
    }
    const arr = await parseDocument(createDocument('/w/a.json', '[{"to":"a","from":"b"}]'), {});
    assert.strictEqual(arr.requests.length, 0, 'only an object can be a body');
    const broken = await parseDocument(createDocument('/w/b.json', '{"to": '), {});
    assert.strictEqual(broken.requests.length, 0);
  });

  it('looksLikeCallPayload needs a call anchor, not just generic words', () => {
    assert.strictEqual(looksLikeCallPayload(['type', 'metadata']), false);
    assert.strictEqual(looksLikeCallPayload(['to']), false);
    assert.strictEqual(looksLikeCallPayload(['to', 'type']), true);
    assert.strictEqual(looksLikeCallPayload(['callUserId']), true);
    assert.strictEqual(looksLikeCallPayload(['name', 'version']), false);
  });
});
