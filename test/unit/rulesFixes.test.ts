// The machine-applicable fixes of the payload and scope rules, applied to the
// forum cases in examples/: exact resulting text, a clean re-lint, and no fix
// wherever a mapping is uncertain.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FileLintResult } from '../../src/core/lintTypes';
import type { Finding, Fix } from '../../src/core/types';
import { applyEdits, lint } from './rulesSupport';

const root = path.resolve(__dirname, '../../..');
const example = (f: string) => fs.readFileSync(path.join(root, 'examples', f), 'utf8');
const CALL = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n';
const ON_BEHALF = /^Call on behalf of (\S+): POST …\/calls\/user\/\{userId\} \(needs ANY conversation:call:add or conversation:agentlessCall:add\)/;

function fixesOf(r: FileLintResult, rule: string | RegExp, title: RegExp): { finding: Finding; fix: Fix }[] {
  return r.findings.filter((f) => (typeof rule === 'string' ? f.rule === rule : rule.test(f.rule)))
    .flatMap((finding) => finding.fixes.filter((fix) => title.test(fix.title)).map((fix) => ({ finding, fix })));
}
/** The one fix with this title (every finding of the body offers the same one). */
function theFix(r: FileLintResult, title: RegExp): Fix {
  const hits = fixesOf(r, /^payload\./, title);
  assert.ok(hits.length > 0, `no fix ${title}; fixes: ${r.findings.flatMap((f) => f.fixes.map((x) => x.title)).join(' | ')}`);
  assert.ok(hits.every((h) => JSON.stringify(h.fix) === JSON.stringify(hits[0].fix)), 'the findings of one body offer the same fix');
  return hits[0].fix;
}
const payloadErrors = (r: FileLintResult) => r.findings.filter((f) => f.rule.startsWith('payload.') && f.severity === 'error');
const titles = (r: FileLintResult) => r.findings.flatMap((f) => f.fixes.map((x) => x.title));

describe('rule fixes', () => {
  describe('Call on behalf of (POST /api/v2/conversations/calls/user/{userId}, FACTS.md §3.5)', () => {
    it('forum case 2: moves routing.userId into the path and rewrites the rest of the body', async () => {
      const text = example('forum-case-2/requests.http');
      const r = await lint(text, 'examples/forum-case-2/requests.http');
      const fix = theFix(r, ON_BEHALF);
      assert.strictEqual(fix.title, 'Call on behalf of agent-id-123: POST …/calls/user/{userId} (needs ANY conversation:call:add or conversation:agentlessCall:add) (drops `to[].name`, `routing.type`: no such field)');
      assert.strictEqual(fix.edits.length, 2);
      const fixed = applyEdits(text, fix.edits);
      assert.strictEqual(fixed.slice(fixed.indexOf('### Place the call')), [
        '### Place the call',
        'POST {{baseUrl}}/api/v2/conversations/calls/user/agent-id-123',
        'Authorization: Bearer {{accessToken}}',
        'Content-Type: application/json',
        '',
        '{',
        '  "phoneNumber": "+15550199",',
        '  "callerId": "+18005551234"',
        '}',
        '',
      ].join('\n'));
      const again = await lint(fixed, 'examples/forum-case-2/requests.http');
      assert.deepStrictEqual(payloadErrors(again), []);
      assert.deepStrictEqual(fixesOf(again, /^payload\./, /./), []);
    });

    it('forum case 1: `metadata` has no certain mapping, so only the agent moves to the path', async () => {
      const text = example('forum-case-1/requests.http');
      const r = await lint(text, 'examples/forum-case-1/requests.http');
      assert.ok(!titles(r).some((t) => t.startsWith('Rewrite as CreateCallRequest')), titles(r).join(' | '));
      const fix = theFix(r, ON_BEHALF);
      assert.strictEqual(ON_BEHALF.exec(fix.title)![1], 'agent_id_here');
      const fixed = applyEdits(text, fix.edits);
      assert.strictEqual(fixed.slice(fixed.indexOf('POST https://api.mypurecloud.com/api/v2/conversations')), [
        'POST https://api.mypurecloud.com/api/v2/conversations/calls/user/agent_id_here',
        'Authorization: Bearer {{accessToken}}',
        'Content-Type: application/json',
        '',
        '{',
        '  "from": {',
        '    "name": "Agent Name"',
        '  },',
        '  "to": "+15551234567",',
        '  "type": "call",',
        '  "metadata": {',
        '    "outbound": {',
        '      "campaignId": "optional_campaign_id"',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'));
      // What is left is still flagged (honestly), and the fix does not come back.
      const again = await lint(fixed, 'examples/forum-case-1/requests.http');
      assert.deepStrictEqual(payloadErrors(again).map((f) => f.pointer), ['', '/from', '/to', '/type', '/metadata']);
      assert.ok(!titles(again).some((t) => ON_BEHALF.test(t)));
    });

    it('agentId and from.id with the same id are one agent; a {{variable}} id goes into the path as written', async () => {
      const text = CALL + '{"agentId": "{{agent}}", "from": {"id": "{{agent}}"}, "to": "+15551234567"}';
      const fixed = applyEdits(text, theFix(await lint(text), ON_BEHALF).edits);
      assert.strictEqual(fixed, CALL.replace('/calls', '/calls/user/{{agent}}') + '{"phoneNumber": "+15551234567"}');
    });

    it('no on-behalf fix: two different agents, a payload file, another endpoint, an id unfit for a URL', async () => {
      for (const [text, file] of [
        [CALL + '{"agentId": "a1", "from": {"id": "a2"}, "to": "+15551234567"}', 'x.http'],
        ['{"agentId": "a1", "to": "+15551234567"}', 'payload.json'],
        [CALL.replace('/calls', '/calls/user/u1') + '{"agentId": "a1", "phoneNumber": "+15551234567"}', 'x.http'],
        [CALL + '{"agentId": "a b/c", "to": "+15551234567"}', 'x.http'],
      ]) {
        const r = await lint(text, file);
        assert.ok(!titles(r).some((t) => ON_BEHALF.test(t) || t.startsWith('Rewrite')), `${text}: ${titles(r).join(' | ')}`);
      }
    });
  });

  describe('Rewrite as CreateCallRequest (FACTS.md §3.3)', () => {
    it('forum case 1 without metadata and agent: from.name → callerIdName, to → phoneNumber, type dropped', async () => {
      const text = CALL + '{\n  "from": {\n    "name": "Agent Name"\n  },\n  "to": "+15551234567",\n  "type": "call"\n}\n';
      const r = await lint(text);
      const fix = theFix(r, /^Rewrite as CreateCallRequest/);
      assert.strictEqual(fix.title, 'Rewrite as CreateCallRequest (drops `type`: no such field)');
      const fixed = applyEdits(text, fix.edits);
      assert.strictEqual(fixed, CALL + '{\n  "callerIdName": "Agent Name",\n  "phoneNumber": "+15551234567"\n}\n');
      assert.deepStrictEqual(payloadErrors(await lint(fixed)), []);
    });

    it('forum case 2 payload file without routing: 4-space indent kept, real fields kept in place', async () => {
      const body = JSON.parse(example('forum-case-2/payload.json'));
      delete body.routing;
      body.priority = 1;
      const text = JSON.stringify(body, null, 4) + '\n';
      const fixed = applyEdits(text, theFix(await lint(text, 'payload.json'), /^Rewrite as CreateCallRequest/).edits);
      assert.strictEqual(fixed, '{\n    "phoneNumber": "+15550199",\n    "callerId": "+18005551234",\n    "priority": 1\n}\n');
      assert.deepStrictEqual(payloadErrors(await lint(fixed, 'payload.json')), []);
    });

    it('keeps tabs, CRLF and compact bodies as written, and values verbatim', async () => {
      const tabs = CALL + '{\r\n\t"to": [{"phoneNumber": "+15551234567"}],\r\n\t"callType": "voice",\r\n\t"attributes": {"a": "{{x}}"}\r\n}';
      assert.strictEqual(applyEdits(tabs, theFix(await lint(tabs), /^Rewrite/).edits),
        CALL + '{\r\n\t"phoneNumber": "+15551234567",\r\n\t"attributes": {\r\n\t\t"a": "{{x}}"\r\n\t}\r\n}');
      const compact = CALL + '{"from":{"phoneNumber":"+18005551234"},"to":"+15551234567"}';
      assert.strictEqual(applyEdits(compact, theFix(await lint(compact), /^Rewrite/).edits), CALL + '{"callerId":"+18005551234","phoneNumber":"+15551234567"}');
    });

    it('no rewrite when a mapping is uncertain', async () => {
      const uncertain = [
        '{"to": "+15551234567", "metadata": {"outbound": {"campaignId": "c"}}}',     // metadata: no mapping
        '{"to": [{"phoneNumber": "+1555"}, {"phoneNumber": "+1666"}]}',              // two numbers, one destination
        '{"to": "+15551234567", "type": "email"}',                                  // a type that is not "a call"
        '{"from": "+18005551234", "to": "+15551234567"}',                            // from as a string
        '{"to": "+15551234567", "callQueueId": "q1"}',                               // two destinations after the rewrite
        '{"to": "+15551234567", "phoneNumber": "+15550000000"}',                    // phoneNumber twice
        '{"from": {"name": "A"}, "type": "call"}',                                  // no destination at all
        '{"to": "+15551234567", "participants": [{"foo": 1}], "type": "call"}',     // unknown field inside a real one
      ];
      for (const body of uncertain) {
        const r = await lint(CALL + body);
        assert.ok(!titles(r).some((t) => t.startsWith('Rewrite')), `${body}: ${titles(r).join(' | ')}`);
      }
      // A lone string `to` keeps its one rename fix (the rewrite would be the same edit).
      assert.deepStrictEqual(titles(await lint(CALL + '{"to": "+15551234567"}')), ['Rename `to` to `phoneNumber`']);
    });
  });

  describe('scope fixes', () => {
    const TOKEN = 'POST https://login.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\n';
    async function apply(text: string, name: string, file = 'x.http'): Promise<{ title: string; text: string }> {
      const r = await lint(text, file);
      const hits = fixesOf(r, /^scope\./, /./).filter((h) => h.finding.message.startsWith(`\`${name}\``));
      assert.strictEqual(hits.length, 1, `${name}: ${titles(r).join(' | ')}`);
      return { title: hits[0].fix.title, text: applyEdits(text, hits[0].fix.edits) };
    }

    it('forum case 1: conversations:write → conversations (by pattern, unverified); outbound:campaign:write removed', async () => {
      const text = example('forum-case-1/requests.http');
      const a = await apply(text, 'conversations:write');
      assert.strictEqual(a.title, 'Replace `conversations:write` with `conversations` (scope name by pattern, unverified)');
      assert.match(a.text, /\ngrant_type=client_credentials&scope=conversations outbound:campaign:write\n/);
      const b = await apply(text, 'outbound:campaign:write');
      assert.strictEqual(b.title, 'Remove scope `outbound:campaign:write`');
      assert.match(b.text, /\ngrant_type=client_credentials&scope=conversations:write\n/);
      const both = await apply(b.text, 'conversations:write');
      const r = await lint(both.text);
      assert.deepStrictEqual(r.findings.filter((f) => f.rule.startsWith('scope.')), []);
    });

    it('forum case 2: names with no pattern mapping are removed cleanly from the list', async () => {
      const text = example('forum-case-2/requests.http');
      const r = await lint(text);
      const scopeFixes = fixesOf(r, /^scope\./, /./).map((h) => h.fix.title);
      assert.deepStrictEqual(scopeFixes, ['Remove scope `calls:view`', 'Remove scope `calls:modify`', 'Remove scope `calls:view`', 'Remove scope `calls:modify`', 'Remove scope `callcenter:outboundcalls:modify`']);
      const three = 'grant_type=client_credentials&scope=calls:view calls:modify callcenter:outboundcalls:modify';
      const cases: [string, string, string][] = [
        [three, 'callcenter:outboundcalls:modify', 'grant_type=client_credentials&scope=calls:view calls:modify'],
        [three, 'calls:modify', 'grant_type=client_credentials&scope=calls:view callcenter:outboundcalls:modify'],
        ['grant_type=client_credentials&scope=calls:modify', 'calls:modify', 'grant_type=client_credentials'],
        ['scope=calls:modify&grant_type=client_credentials', 'calls:modify', 'grant_type=client_credentials'],
        ['grant_type=client_credentials&scope=calls:modify+conversations', 'calls:modify', 'grant_type=client_credentials&scope=conversations'],
        ['grant_type=client_credentials&scope=conversations%20calls:modify', 'calls:modify', 'grant_type=client_credentials&scope=conversations'],
        ['grant_type=client_credentials&scope=conversations%3Aread', 'conversations:read', 'grant_type=client_credentials&scope=conversations%3Areadonly'],
      ];
      for (const [body, name, want] of cases) assert.strictEqual((await apply(TOKEN + body, name)).text, TOKEN + want, `${body} - ${name}`);
    });

    it('a permission used as a scope is removed; JSON and JS arrays lose the item and its comma', async () => {
      const client = 'POST https://api.mypurecloud.com/api/v2/oauth/clients\nContent-Type: application/json\n\n';
      const json = client + '{\n  "name": "x",\n  "scope": [\n    "conversations",\n    "outbound:campaign:view"\n  ]\n}';
      const p = await apply(json, 'outbound:campaign:view');
      assert.strictEqual(p.title, 'Remove scope `outbound:campaign:view`');
      assert.strictEqual(p.text, client + '{\n  "name": "x",\n  "scope": [\n    "conversations"\n  ]\n}');
      const first = client + '{"scope": ["users:read", "conversations"]}';
      assert.strictEqual((await apply(first, 'users:read')).text, client + '{"scope": ["users:readonly", "conversations"]}');
      const js = "const platformClient = require('purecloud-platform-client-v2');\nconst client = platformClient.ApiClient.instance;\nclient.setScopes(['outbound:campaign:execute', 'conversations:write']);\n";
      const j = await apply(js, 'outbound:campaign:execute', 'client.js');
      assert.match(j.text, /client\.setScopes\(\['conversations:write'\]\);/);
      const k = await apply(js, 'conversations:write', 'client.js');
      assert.match(k.text, /client\.setScopes\(\['outbound:campaign:execute', 'conversations'\]\);/);
    });

    it('no fix for a well-formed name that is only missing from the unverified offline list', async () => {
      const r = await lint(TOKEN + 'grant_type=client_credentials&scope=conversations widgetz');
      const f = r.findings.filter((x) => x.rule === 'scope.unknown');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(f[0].severity, 'warning');
      assert.deepStrictEqual(f[0].fixes, []);
    });
  });
});
