// The panel's pending view (a run has started) and the partial diagnoses the
// Copy Diagnosis Report command renders when there is no live result.
import * as assert from 'assert';
import { renderPartialMarkdown } from '../../src/core/report/markdown';
import type { Finding } from '../../src/core/types';
import { CHECKLIST_IDS, type RunView } from '../../src/shared/protocol';
import type { DoctorRun } from '../../src/vscode/doctor/doctorTypes';
import { diagnosisOfRun, diagnosisOfView, pendingView } from '../../src/vscode/doctor/panel/viewModel';

const CANARY = 'canary-token-5e8a1c3b9d70';
const REQUEST = { method: 'POST', url: `http://127.0.0.1:9/api/v2/conversations/calls?access_token=${CANARY}`, rawUrl: '{{base}}/api/v2/conversations/calls', operationId: 'postConversationsCalls', operationPath: '/api/v2/conversations/calls' };
const OFFLINE: Finding = { rule: 'payload.unknown-field', severity: 'error', message: '`to` is not a field of CreateCallRequest.', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } }, fixes: [], source: { ref: 'SDK', verified: true } };

describe('panel pending view and partial diagnoses', () => {
  it('a started run: the request, every checklist item pending, nothing secret', () => {
    const v = pendingView({ uri: 'file:///w/place%20call.http', requestIndex: 2, request: REQUEST, userStarted: true, startedAt: 42 }, [CANARY]);
    assert.strictEqual(v.key, '2|file:///w/place%20call.http');
    assert.deepStrictEqual(v.items.map((i) => [i.id, i.state]), CHECKLIST_IDS.map((id) => [id, 'pending']));
    assert.deepStrictEqual([v.request.file, v.request.index, v.request.operationId, v.startedAt], ['place call.http', 2, 'postConversationsCalls', 42]);
    assert.ok(!JSON.stringify(v).includes(CANARY), 'the URL is redacted');
  });

  it('a run that could not go live: its offline findings and its error', () => {
    const run: DoctorRun = { uri: 'file:///w/a.http', requestIndex: 0, version: 1, request: REQUEST, offline: [OFFLINE], error: 'Not signed in to Genesys Cloud.', startedAt: 1, durationMs: 3 };
    const d = diagnosisOfRun(run);
    assert.deepStrictEqual(d.operation, { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' });
    assert.strictEqual(d.liveError, 'Not signed in to Genesys Cloud.');
    assert.deepStrictEqual(d.findings, [OFFLINE]);
    assert.match(renderPartialMarkdown(d), /Live checks:\*\* not run: Not signed in to Genesys Cloud\./);
  });

  it('a restored view: its live items become checks, the payload item does not, findings of every item are kept', () => {
    const view: RunView = {
      key: '0|file:///w/a.http', verdict: 'fail', startedAt: Date.parse('2026-01-02T03:04:05Z'), durationMs: 9,
      request: { file: 'a.http', index: 0, method: 'POST', url: 'http://x/api/v2/conversations/calls', account: 'Bob (CODE)', org: 'Acme' },
      items: [
        { id: 'station', title: 'Station', state: 'fail', summary: 'No station.', durationMs: 4, findings: [
          { key: 'station:0', rule: 'station.none', severity: 'error', message: 'No station.', source: { ref: 'FACTS.md §3.4', verified: true }, evidence: [], fixes: [], hasDocs: true }] },
        { id: 'payload', title: 'Payload', state: 'pass', summary: 'Offline checks found no problem in the request.', findings: [] },
      ],
    };
    const d = diagnosisOfView(view);
    assert.deepStrictEqual(d.checks, [{ title: 'Station', state: 'fail', summary: 'No station.', durationMs: 4 }]);
    assert.deepStrictEqual(d.findings.map((f) => f.rule), ['station.none']);
    assert.deepStrictEqual([d.verdict, d.account, d.org, d.liveError], ['fail', 'Bob (CODE)', 'Acme', undefined]);
    assert.match(d.note ?? '', /2026-01-02T03:04:05.000Z, restored from the saved panel/);
  });
});
