import * as assert from 'assert';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { parseEnvironment } from '../../src/core/env/environment';
import { runDoctor } from '../../src/core/live';
import { formatDoctorText } from '../../src/core/live/format';
import { placeLiveFindings, sendableRequest, targetOf } from '../../src/core/live/fromRequest';
import { correlationIds, renderMarkdown } from '../../src/core/report/markdown';
import { silentLog, systemClock } from '../../src/core/ports';
import { parseDocument } from '../../src/core/sources';
import { createDocument } from '../../src/core/text';
import { FakeGenesys, healthyOrg, TOKEN } from './live-fake-org';

const catalog = defaultCatalog();
const env = parseEnvironment('mypurecloud.com');

async function failingRun() {
  const org = healthyOrg();
  org.scopes = ['users:readonly'];
  org.override['/api/v2/telephony/providers/edges/sites/s-1/numberplans'] = { status: 403, body: JSON.stringify({ status: 403, code: 'missing.any.permissions', message: 'no', contextId: 'ctx-abc-123', echo: `Bearer ${TOKEN}` }) };
  return runDoctor({
    operation: catalog.lookup('POST', '/api/v2/conversations/calls').match!.operation, body: { phoneNumber: '+13175550100', callFromQueueId: 'q-other' },
    accessToken: TOKEN, environment: env, catalog, ports: { http: new FakeGenesys(org), clock: systemClock, log: silentLog },
  });
}

describe('live reports', () => {
  it('markdown: org, region, operation, verdicts, evidence, correlation ids; no token', async () => {
    const r = await failingRun();
    const md = renderMarkdown(r, { file: 'calls.http', request: { index: 0, method: 'POST', url: 'https://api.mypurecloud.com/api/v2/conversations/calls' }, secrets: [TOKEN] });
    assert.match(md, /Organization:\*\* Fake Org \(org-1\)/);
    assert.match(md, /region us_east_1/);
    assert.match(md, /`postConversationsCalls` POST \/api\/v2\/conversations\/calls/);
    assert.match(md, /\| OAuth scope \| ❌ fail \|/);
    assert.match(md, /\| Outbound route \| ❔ unknown \|/);
    assert.match(md, /### ERROR `scope\.missing`/);
    assert.match(md, /### ERROR `queue\.not-member`/);
    assert.match(md, /UNVERIFIED/);
    assert.match(md, /- `GET \/api\/v2\/tokens\/me` → 200/);
    assert.deepStrictEqual(correlationIds(r), ['ctx-abc-123']);
    assert.match(md, /## Correlation ids\n\n- ctx-abc-123/);
    assert.ok(!md.includes(TOKEN));
  });

  it('text: one line per check and each finding with its evidence', async () => {
    const r = await failingRun();
    const t = formatDoctorText(r, { secrets: [TOKEN] });
    assert.match(t, /FAIL {3}\s+OAuth scope/);
    assert.match(t, /error scope\.missing:/);
    assert.match(t, /evidence: GET \/api\/v2\/docs\/swagger -> 200/);
    assert.match(t, /Verdict: FAIL/);
    assert.ok(!t.includes(TOKEN));
  });

  it('places live findings on the body field they are about, else on the URL', async () => {
    const text = '### call\nPOST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{\n  "phoneNumber": "+13175550100",\n  "callFromQueueId": "q-other"\n}\n';
    const parsed = await parseDocument(createDocument('/x/calls.http', text), { catalog });
    const target = targetOf(parsed, parsed.requests[0], catalog);
    assert.ok(!('error' in target));
    if ('error' in target) return;
    assert.strictEqual(target.operation.id, 'postConversationsCalls');
    const r = await failingRun();
    const placed = placeLiveFindings(parsed, target, r.findings);
    const q = placed.find((f) => f.rule === 'queue.not-member')!;
    assert.strictEqual(q.range.start.line, 6);
    assert.strictEqual(q.request, 0);
    const s = placed.find((f) => f.rule === 'scope.missing')!;
    assert.strictEqual(s.range.start.line, 1);
  });

  it('refuses to send a request with unresolved variables, and never copies the file\'s Authorization header', async () => {
    const text = 'POST {{baseUrl}}/api/v2/conversations/calls/user/{{agent}}\nAuthorization: Bearer {{accessToken}}\n\n{"phoneNumber":"+13175550100"}\n';
    const parsed = await parseDocument(createDocument('/x/a.http', text), { catalog });
    const s = sendableRequest(parsed.requests[0]);
    assert.ok('error' in s && /baseUrl/.test(s.error));
    const ok = await parseDocument(createDocument('/x/b.http', 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nAuthorization: Bearer abc\nContent-Type: application/json\n\n{}\n'), { catalog });
    const send = sendableRequest(ok.requests[0]);
    assert.ok(!('error' in send));
    if (!('error' in send)) assert.deepStrictEqual(Object.keys(send.headers ?? {}), ['Content-Type']);
  });
});
