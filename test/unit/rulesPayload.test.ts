import * as assert from 'assert';
import { applyEdits, lint, only, textAt } from './rulesSupport';

const CALL = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n';
const CASE1 = '{"from":{"id":"agent_id_here","name":"Agent Name"},"to":"+15551234567","type":"call","metadata":{"outbound":{"campaignId":"optional_campaign_id"}}}';
const CASE2 = '{"to":[{"phoneNumber":"+15550199","name":"Test Contact"}],"from":{"phoneNumber":"+18005551234"},"routing":{"type":"user","userId":"agent-id-123"}}';

describe('payload rules', () => {
  describe('payload.unknown-field', () => {
    it('case 1: flags /from, /to, /type, /metadata with the real alternative', async () => {
      const text = CALL + CASE1;
      const r = await lint(text);
      const f = only(r, 'payload.unknown-field');
      assert.deepStrictEqual(f.map((x) => x.pointer), ['/from', '/to', '/type', '/metadata']);
      assert.deepStrictEqual(f.map((x) => textAt(text, x)), ['"from"', '"to"', '"type"', '"metadata"']);
      assert.ok(f.every((x) => x.severity === 'error' && x.request === 0));
      const [from, to, type, metadata] = f.map((x) => x.message);
      assert.match(from, /POST \/api\/v2\/conversations\/calls\/user\/\{userId\}/);
      assert.match(from, /`from\.id` → .*calls\/user\/\{userId\}/);
      assert.match(from, /`from\.name` → use `callerIdName`/);
      assert.match(to, /`phoneNumber`/);
      assert.match(type, /`type` is not a field of CreateCallRequest: this endpoint only places calls/);
      assert.match(metadata, /Outbound API/);
      assert.match(metadata, /`attributes`/);
      assert.match(metadata, /metadata\.outbound\.campaignId/);
    });

    it('on the on-behalf endpoint, from.id points at the {userId} path parameter', async () => {
      const text = 'POST https://api.mypurecloud.com/api/v2/conversations/calls/user/u1\nContent-Type: application/json\n\n{"agentId": "a", "phoneNumber": "+15551234567"}';
      const [f] = only(await lint(text), 'payload.unknown-field');
      assert.match(f.message, /`agentId` is not a field of CreateCallRequest: the user who places the call is the \{userId\} in this endpoint's path/);
    });

    it('offers the certain rename of `to` (string) to `phoneNumber`', async () => {
      const text = CALL + '{"to": "+15551234567"}';
      const [f] = only(await lint(text), 'payload.unknown-field');
      assert.strictEqual(f.fixes.length, 1);
      assert.strictEqual(applyEdits(text, f.fixes[0].edits), CALL + '{"phoneNumber": "+15551234567"}');
    });

    it('case 2: flags /to, /from, /routing and maps the nested fields', async () => {
      const r = await lint(CALL + CASE2);
      const f = only(r, 'payload.unknown-field');
      assert.deepStrictEqual(f.map((x) => x.pointer), ['/to', '/from', '/routing']);
      assert.match(f[0].message, /`to\[\]\.phoneNumber` → use `phoneNumber` \(a single string\)/);
      // No rename for an array `to`; the whole-body on-behalf fix is tested in rulesFixes.test.ts.
      assert.deepStrictEqual(f[0].fixes.map((x) => x.title.split(':')[0]), ['Call on behalf of agent-id-123']);
      assert.match(f[1].message, /`from\.phoneNumber` → use `callerId`/);
      assert.match(f[2].message, /`routing\.userId` → use POST \/api\/v2\/conversations\/calls\/user\/\{userId\}/);
    });

    it('suggests the closest field for typos, with a fix only for case differences', async () => {
      const text = CALL + '{"phonenumber": "+15551234567", "callerID": "+15550000000", "callerIdNme": "X"}';
      const f = only(await lint(text), 'payload.unknown-field');
      assert.deepStrictEqual(f.map((x) => x.pointer), ['/phonenumber', '/callerID', '/callerIdNme']);
      assert.match(f[0].message, /did you mean `phoneNumber`\?/);
      assert.match(f[1].message, /did you mean `callerId`/);
      assert.match(f[2].message, /did you mean `callerIdName`/);
      assert.strictEqual(f[2].fixes.length, 0);
      assert.ok(f.every((x) => x.severity === 'warning'));
      const fixed = applyEdits(text, [...f[0].fixes[0].edits, ...f[1].fixes[0].edits]);
      assert.strictEqual(fixed, CALL + '{"phoneNumber": "+15551234567", "callerId": "+15550000000", "callerIdNme": "X"}');
    });

    it('checks nested objects against their own model (participants[].foo)', async () => {
      const text = CALL + '{"participants": [{"address": "+15551234567", "foo": 1}]}';
      const [f] = only(await lint(text), 'payload.unknown-field');
      assert.strictEqual(f.pointer, '/participants/0/foo');
      assert.strictEqual(textAt(text, f), '"foo"');
      assert.match(f.message, /Destination \(at \/participants\/0\): its fields are address, name, userId, queueId/);
      assert.match(f.source.ref, /index\.d\.ts Destination/);
    });

    it('does not flag keys of a map (attributes) or of other hosts', async () => {
      assert.deepStrictEqual(only(await lint(CALL + '{"phoneNumber":"+15551234567","attributes":{"anything":"x"}}'), 'payload.unknown-field'), []);
      assert.deepStrictEqual((await lint('POST https://example.com/api/v2/conversations/calls\nContent-Type: application/json\n\n' + CASE1)).findings, []);
    });
  });

  describe('payload.type', () => {
    it('flags a string priority and offers the number', async () => {
      const text = CALL + '{"phoneNumber": "+15551234567", "priority": "5"}';
      const [f] = only(await lint(text), 'payload.type');
      assert.strictEqual(f.pointer, '/priority');
      assert.strictEqual(textAt(text, f), '"5"');
      assert.match(f.message, /`priority` must be an integer \(CreateCallRequest\), but it is a string/);
      assert.strictEqual(applyEdits(text, f.fixes[0].edits), CALL + '{"phoneNumber": "+15551234567", "priority": 5}');
    });

    it('flags routingSkillsIds as a string and attribute values that are not strings', async () => {
      const text = CALL + '{"phoneNumber": "+15551234567", "routingSkillsIds": "skill-1", "attributes": {"a": 1, "b": "ok"}}';
      const f = only(await lint(text), 'payload.type');
      assert.deepStrictEqual(f.map((x) => x.pointer), ['/routingSkillsIds', '/attributes/a']);
      assert.match(f[0].message, /must be an array of strings/);
      assert.match(f[1].message, /`attributes\.a` must be a string/);
      assert.strictEqual(applyEdits(text, [...f[0].fixes[0].edits, ...f[1].fixes[0].edits]),
        CALL + '{"phoneNumber": "+15551234567", "routingSkillsIds": ["skill-1"], "attributes": {"a": "1", "b": "ok"}}');
    });

    it('flags values outside an enum, fixing case-only differences', async () => {
      const text = 'POST https://api.mypurecloud.com/api/v2/oauth/clients\nContent-Type: application/json\n\n{"name":"x","authorizedGrantType":"code"}';
      const [f] = only(await lint(text), 'payload.type');
      assert.match(f.message, /must be one of "CODE", "TOKEN"/);
      assert.strictEqual(f.fixes[0].edits[0].newText, '"CODE"');
    });

    it('skips bare {{variables}} and accepts correct types', async () => {
      const r = await lint('@prio = 3\n' + CALL + '{"phoneNumber": "{{num}}", "priority": {{prio}}, "routingSkillsIds": ["a"]}');
      assert.deepStrictEqual(only(r, 'payload.type'), []);
      assert.deepStrictEqual(only(r, 'payload.invalid-json'), []);
    });
  });

  describe('payload.invalid-json', () => {
    it('reports the first parse error at its position', async () => {
      const text = CALL + '{"phoneNumber": "+15551234567",}';
      const f = only(await lint(text), 'payload.invalid-json');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(f[0].severity, 'error');
      assert.strictEqual(textAt(text, f[0]), '}');
      assert.match(f[0].message, /Invalid JSON: property name expected/);
    });
  });

  describe('payload.destination', () => {
    it('says which fields are destinations when there is none', async () => {
      const text = CALL + CASE1;
      const [f] = only(await lint(text), 'payload.destination');
      assert.strictEqual(f.severity, 'error');
      assert.strictEqual(f.pointer, '');
      assert.strictEqual(textAt(text, f), '{');
      assert.match(f.message, /exactly one of `phoneNumber`, `callQueueId`, `callUserId`, `conversationIds`, `participants`/);
      assert.match(f.message, /Put the number from `to` into `phoneNumber`/);
    });

    it('flags more than one destination at the second one', async () => {
      const text = CALL + '{"phoneNumber": "+15551234567", "callUserId": "u1"}';
      const [f] = only(await lint(text), 'payload.destination');
      assert.strictEqual(textAt(text, f), '"callUserId"');
      assert.strictEqual(f.pointer, '/callUserId');
      assert.match(f.message, /too\.many\.create\.conversation\.parameters/);
      assert.strictEqual(f.source.verified, true);
    });

    it('accepts exactly one destination', async () => {
      assert.deepStrictEqual(only(await lint(CALL + '{"callQueueId": "q", "priority": 2}'), 'payload.destination'), []);
    });
  });

  describe('payload.phone-format', () => {
    it('warns on a formatted number and fixes it to E.164', async () => {
      const text = CALL + '{"phoneNumber": "+1 (555) 123-4567"}';
      const [f] = only(await lint(text), 'payload.phone-format');
      assert.strictEqual(f.severity, 'warning');
      assert.strictEqual(f.pointer, '/phoneNumber');
      assert.strictEqual(applyEdits(text, f.fixes[0].edits), CALL + '{"phoneNumber": "+15551234567"}');
      assert.strictEqual(f.source.verified, false);
    });

    it('warns without a fix when the country code is missing; accepts E.164 and tel:', async () => {
      const f = only(await lint(CALL + '{"phoneNumber": "555-123-4567", "callerId": "tel:+15550001111"}'), 'payload.phone-format');
      assert.strictEqual(f.length, 1);
      assert.match(f[0].message, /no \+ and country code/);
      assert.deepStrictEqual(f[0].fixes, []);
    });
  });

  describe('bodies from `< file` includes', () => {
    it('are checked, reported on the include line, and never get fixes', async () => {
      const text = CALL + '< ./body.json\n';
      const files = { readText: async (p: string) => (p.replace(/\\/g, '/').endsWith('/w/body.json') ? '{"to": "+1 555 123 4567"}' : undefined) };
      const r = await lint(text, '/w/call.http', { files });
      const f = only(r, 'payload.unknown-field');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(f[0].pointer, '/to');
      assert.ok(textAt(text, f[0]).includes('./body.json'), textAt(text, f[0]));
      assert.deepStrictEqual(f[0].fixes, []);
      assert.strictEqual(only(r, 'payload.destination').length, 1);
    });
  });

  describe('payload files (.json)', () => {
    it('an inferred call payload gets an info finding and the field findings with exact ranges', async () => {
      const text = CASE1;
      const r = await lint(text, 'payloads/call.json');
      const info = only(r, 'payload.inferred-operation');
      assert.strictEqual(info.length, 1);
      assert.strictEqual(info[0].severity, 'info');
      assert.match(info[0].message, /treated as the body of POST \/api\/v2\/conversations\/calls because/i);
      const f = only(r, 'payload.unknown-field');
      assert.deepStrictEqual(f.map((x) => textAt(text, x)), ['"from"', '"to"', '"type"', '"metadata"']);
      assert.strictEqual(only(r, 'payload.destination').length, 1);
    });

    it('a $schema key names the model and is not itself flagged', async () => {
      const r = await lint('{"$schema": "genesys-call-doctor://schemas/CreateCallRequest.json", "phoneNumber": "+15551234567"}', 'call.json');
      assert.deepStrictEqual(r.findings, []);
    });
  });
});
