// The markdown report without a live result: offline findings plus why the
// live checks did not run (signed out, an error), or the checks of a panel
// view restored after a reload. Always redacted.
import * as assert from 'assert';
import { renderPartialMarkdown } from '../../src/core/report/markdown';
import { ZERO_RANGE, type Finding } from '../../src/core/types';

const TOKEN = 'secret-access-token-0123456789abcdef';
const OFFLINE: Finding = {
  rule: 'payload.unknown-field', severity: 'error', message: 'CreateCallRequest has no field `to`: did you mean `phoneNumber`?',
  range: ZERO_RANGE, request: 0, fixes: [], source: { ref: 'purecloud-platform-client-v2@262.0.0 CreateCallRequest', verified: true },
};
const REQUEST = { index: 0, method: 'POST', url: 'https://api.mypurecloud.com/api/v2/conversations/calls' };
const OPERATION = { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' };

describe('renderPartialMarkdown (no live result)', () => {
  it('reports the offline findings and that the live checks did not run because nobody is signed in', () => {
    const md = renderPartialMarkdown({ operation: OPERATION, liveError: 'Not signed in to Genesys Cloud: sign in to run the live checks.', findings: [OFFLINE] },
      { file: 'calls.http', request: REQUEST });
    assert.match(md, /^# Call Doctor report: POST \/api\/v2\/conversations\/calls\n/);
    assert.match(md, /- \*\*Verdict:\*\* not determined \(offline checks only\)\n/);
    assert.match(md, /- \*\*Live checks:\*\* not run: Not signed in to Genesys Cloud/);
    assert.match(md, /- \*\*Request:\*\* calls.http #1: POST https:\/\/api.mypurecloud.com\/api\/v2\/conversations\/calls/);
    assert.match(md, /### ERROR `payload.unknown-field`\n\nCreateCallRequest has no field `to`/);
    assert.ok(!md.includes('## Checks'), 'no checks table when no check ran');
  });

  it('says so when the offline checks found nothing, and names the run\'s error', () => {
    const md = renderPartialMarkdown({ operation: OPERATION, liveError: 'The Call Doctor could not finish: connect ECONNREFUSED 127.0.0.1:9', findings: [] });
    assert.match(md, /not run: The Call Doctor could not finish: connect ECONNREFUSED/);
    assert.match(md, /The offline checks found no problem in the request\./);
  });

  it('renders the checks of a restored view with their verdict, evidence and correlation ids', () => {
    const md = renderPartialMarkdown({
      operation: OPERATION, verdict: 'fail', account: 'Bob Nostation (CODE)', note: 'restored after a reload',
      checks: [{ title: 'Station', state: 'fail', summary: 'No station | none', durationMs: 12 }, { title: 'Edge', state: 'skipped', summary: 'Not checked.' }],
      findings: [{ rule: 'station.none', severity: 'error', message: 'No station.', source: { ref: 'FACTS.md §3.4', verified: false },
        evidence: [{ request: 'GET /api/v2/users/stations/me', status: 200, excerpt: '{"contextId":"ctx-42"}' }] }],
    });
    assert.match(md, /- \*\*Verdict:\*\* fail\n- \*\*Live checks:\*\* run\n/);
    assert.match(md, /\| Station \| ❌ fail \| 12 ms \| No station \\\| none \|/);
    assert.match(md, /\| Edge \| ➖ skipped \|  \| Not checked. \|/);
    assert.match(md, /Source: FACTS.md §3.4 — \*\*UNVERIFIED\*\*/);
    assert.match(md, /## Correlation ids\n\n- ctx-42/);
    assert.match(md, /- \*\*Note:\*\* restored after a reload/);
  });

  it('redacts known secrets and credentials by shape', () => {
    const md = renderPartialMarkdown({
      operation: { method: 'POST', path: 'https://api.mypurecloud.com/api/v2/conversations/calls' },
      liveError: `GET failed with Authorization: Bearer ${TOKEN}`,
      findings: [{ ...OFFLINE, message: `header holds ${TOKEN}` }],
    }, { secrets: [TOKEN] });
    assert.ok(!md.includes(TOKEN), md);
    assert.match(md, /\[REDACTED\]/);
  });
});
