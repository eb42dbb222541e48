import * as assert from 'assert';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { lintParsed } from '../../src/core/lint';
import { analyzeText, type AnalysisContext } from '../../src/core/pipeline';

const lintText = async (path: string, text: string, ctx: AnalysisContext) => (await analyzeText(path, text, ctx)).lint;
import type { Rule } from '../../src/core/lintTypes';
import { RULES } from '../../src/core/rules';
import { parseDocument } from '../../src/core/sources';
import { createDocument } from '../../src/core/text';
import { fakeCatalog, TEST_SDK } from './rulesSupport';

const CASE1_HTTP = `# @name login
POST https://api.mypurecloud.com/api/v2/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials&scope=conversations:write outbound:campaign:write

###
POST https://api.mypurecloud.com/api/v2/conversations/calls
Authorization: Bearer {{login.response.body.access_token}}
Content-Type: application/json

{"from":{"id":"agent_id_here","name":"Agent Name"},"to":"+15551234567","type":"call","metadata":{"outbound":{"campaignId":"optional_campaign_id"}}}
`;

const CASE2_HTTP = `GET https://api.mypurecloud.com/api/v2/users/{userId}/permissions

###
GET https://api.mypurecloud.com/api/v2/outbound/routes

###
POST https://login.mypurecloud.com/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=authorization_code&code=x&scope=calls:view calls:modify callcenter:outboundcalls:modify

###
POST https://api.mypurecloud.com/api/v2/conversations/calls
Content-Type: application/json

{"to":[{"phoneNumber":"+15550199","name":"Test Contact"}],"from":{"phoneNumber":"+18005551234"},"routing":{"type":"user","userId":"agent-id-123"}}
`;

const summary = (r: { findings: { rule: string; pointer?: string; severity: string }[] }) => r.findings.map((f) => `${f.severity} ${f.rule}${f.pointer !== undefined ? ' ' + f.pointer : ''}`);

describe('lintDocument / lintText (real catalog, end to end)', () => {
  const catalog = defaultCatalog();

  it('case 1: wrong host, two scopes, no user context, unknown fields and no destination, sorted by position', async () => {
    const r = await lintText('case1.http', CASE1_HTTP, { catalog });
    assert.deepStrictEqual(summary(r), [
      'error endpoint.wrong-host', 'error scope.unknown', 'error scope.unknown', 'error grant.no-user-context',
      'error payload.destination ', 'error payload.unknown-field /from', 'error payload.unknown-field /to',
      'error payload.unknown-field /type', 'error payload.unknown-field /metadata',
    ]);
    assert.deepStrictEqual(r.requests.map((q) => q.operation?.id ?? null), [null, 'postConversationsCalls']);
    assert.strictEqual(r.requests[0].name, 'login');
  });

  it('case 2: both invented endpoints, three scopes, three unknown fields', async () => {
    const r = await lintText('case2.http', CASE2_HTTP, { catalog });
    const rules = summary(r);
    assert.deepStrictEqual(rules.filter((s) => s.includes('endpoint.unknown')).length, 2);
    assert.deepStrictEqual(rules.filter((s) => s.includes('scope.unknown')).length, 3);
    assert.deepStrictEqual(rules.filter((s) => s.includes('payload.unknown-field')), ['error payload.unknown-field /to', 'error payload.unknown-field /from', 'error payload.unknown-field /routing']);
    assert.match(r.findings.find((f) => f.rule === 'endpoint.unknown')!.message, /authorization\/subjects/);
  });

  it('a correct call produces no findings at all', async () => {
    const r = await lintText('ok.http', 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{"phoneNumber":"+15551234567"}\n', { catalog });
    assert.deepStrictEqual(r.findings, []);
    assert.deepStrictEqual(r.requests[0].operation, { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' });
  });

  it('uses the real SDK method list from the catalog (setScopes flagged, setEnvironment not)', async () => {
    const js = "const pc = require('purecloud-platform-client-v2');\nconst client = pc.ApiClient.instance;\nclient.setEnvironment('mypurecloud.ie');\nclient.setScopes(['users']);\n";
    const r = await lintText('a.js', js, { catalog });
    assert.deepStrictEqual(summary(r), ['error sdk.unknown-method']);
    assert.strictEqual(r.findings[0].range.start.line, 3);
  });

  it('honours an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await assert.rejects(lintText('x.http', 'GET https://api.mypurecloud.com/api/v2/users/me', { catalog, signal: ac.signal }), /stop/);
  });
});

describe('lintParsed: cost and robustness', () => {
  it('looks each distinct URL up once and compiles each schema once, whatever the number of rules', async () => {
    const cat = fakeCatalog();
    let schemaCalls = 0;
    const schema = cat.schema.bind(cat);
    cat.schema = (m: string) => { schemaCalls++; return schema(m); };
    const block = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{"phoneNumber":"+1 555 123","to":"x","priority":"2"}\n\n###\n';
    const parsed = await parseDocument(createDocument('many.http', block.repeat(50)), {});
    const r = lintParsed(parsed, { catalog: cat, knowledge: { sdkMethods: TEST_SDK } });
    assert.strictEqual(cat.lookups, 1, 'identical URLs are looked up once (memo per catalog)');
    assert.strictEqual(schemaCalls, 1);
    assert.strictEqual(r.findings.filter((f) => f.rule === 'payload.unknown-field').length, 50);
  });

  it('a rule that throws becomes a "could not determine" finding; the others still run', async () => {
    const broken: Rule = { id: 'test.broken', title: 't', defaultSeverity: 'error', help: 'h', source: { ref: 'test', verified: true }, check() { throw new Error('boom'); } };
    const parsed = await parseDocument(createDocument('x.http', 'GET https://api.mypurecloud.com/api/v2/nope'), {});
    const r = lintParsed(parsed, { catalog: fakeCatalog() }, [broken, ...RULES]);
    assert.deepStrictEqual(r.findings.map((f) => f.rule).sort(), ['endpoint.unknown', 'test.broken']);
    assert.match(r.findings.find((f) => f.rule === 'test.broken')!.message, /Could not determine \(test\.broken failed: boom\)/);
  });

  it('every rule has a stable unique id, a title and a docs page', () => {
    const fs = require('fs') as typeof import('fs');
    const path = require('path') as typeof import('path');
    const root = path.resolve(__dirname, '../../..');
    assert.strictEqual(new Set(RULES.map((r) => r.id)).size, RULES.length);
    for (const r of RULES) {
      assert.ok(r.title.length > 10, r.id);
      assert.ok(fs.existsSync(path.join(root, 'docs/rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
    }
  });
});
