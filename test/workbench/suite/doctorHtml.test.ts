// The Call Doctor panel's HTML: escaped values, strict CSP, no scripts.
import * as assert from 'assert';
import type { DoctorResult } from '../../../src/core/live/types';
import { renderDoctorHtml } from '../../../src/vscode/doctorHtml';

const result: DoctorResult = {
  operation: { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' },
  environment: 'http://127.0.0.1:1', account: { name: 'Bob <script>alert(1)</script>', grant: 'CODE' },
  checks: [
    { id: 'station', title: 'Station', state: 'fail', summary: 'No station is associated with the user.', durationMs: 12, findings: [] },
    { id: 'queue', title: 'Queue', state: 'skipped', summary: 'No queue in the request.', durationMs: 0, findings: [] },
  ],
  findings: [{
    rule: 'station.none', severity: 'error', message: 'Bob has no station & cannot place calls.', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
    fixes: [], source: { ref: 'FACTS §5', verified: false },
    evidence: [{ request: 'GET /api/v2/users/me?expand=station', status: 200, excerpt: '{"station":{}}', durationMs: 5 }],
  }],
  verdict: 'fail', calls: [], criticalPath: 2, durationMs: 40,
};

describe('Call Doctor panel HTML', () => {
  const html = renderDoctorHtml(result, 'POST /api/v2/conversations/calls', 'NONCE123', 'vscode-resource:');

  it('has a strict CSP and no script', () => {
    assert.match(html, /default-src 'none'; img-src vscode-resource:; style-src 'nonce-NONCE123';/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('escapes every value from the server', () => {
    assert.match(html, /as Bob &#60;script&#62;alert\(1\)&#60;\/script&#62; \[CODE\]/);
    assert.match(html, /Bob has no station &#38; cannot place calls\./);
  });

  it('shows the verdict, each check with its state, and the evidence with provenance', () => {
    assert.match(html, /Verdict: <strong>FAIL<\/strong>/);
    assert.match(html, /<tr class="fail"><td class="state">FAIL<\/td><td>Station<\/td>/);
    assert.match(html, /<tr class="skipped"><td class="state">skipped<\/td><td>Queue<\/td>/);
    assert.match(html, /Source: FACTS §5 — <strong>unverified<\/strong>/);
    assert.match(html, /<code>GET \/api\/v2\/users\/me\?expand=station<\/code> → 200 \(5 ms\)/);
  });
});
