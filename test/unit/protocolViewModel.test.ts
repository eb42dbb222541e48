// The panel's view model (what the webview receives) built from fixture
// DoctorRuns: checklist states, the station/Edge split, payload findings,
// runs that could not go live, and that no token survives into it.
import * as assert from 'assert';
import type { CheckResult, DoctorResult } from '../../src/core/live/types';
import type { Finding } from '../../src/core/types';
import { CHECKLIST_IDS } from '../../src/shared/protocol';
import { buildRunView, explanationView } from '../../src/vscode/doctor/panel/viewModel';
import type { DoctorRun } from '../../src/vscode/doctor/doctorTypes';
import { explainError } from '../../src/core/explain';

const CANARY = 'canary-token-7f3c9e1d2b4a';
const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
const src = { ref: 'FACTS.md §5', verified: true };

const check = (id: CheckResult['id'], state: CheckResult['state'], summary: string, findings: Finding[] = [], durationMs = 3): CheckResult =>
  ({ id, title: id, state, summary, durationMs, findings });
const finding = (rule: string, message: string, extra: Partial<Finding> = {}): Finding =>
  ({ rule, severity: 'error', message, range: R, fixes: [], source: src, ...extra });

function live(checks: CheckResult[]): DoctorResult {
  return {
    operation: { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' },
    environment: 'http://127.0.0.1:9', account: { name: 'Bob Nostation', grant: 'CODE' }, org: { name: 'Sandbox Org' },
    checks, findings: checks.flatMap((c) => c.findings), verdict: checks.some((c) => c.state === 'fail') ? 'fail' : 'pass',
    calls: [], criticalPath: 2, durationMs: 20,
  };
}

function run(l: DoctorResult | undefined, extra: Partial<DoctorRun> = {}): DoctorRun {
  return {
    uri: 'file:///home/dev/calls/place%20call.http', requestIndex: 0, version: 1,
    request: { method: 'POST', url: 'http://127.0.0.1:9/api/v2/conversations/calls', rawUrl: '{{base}}/api/v2/conversations/calls', operationId: 'postConversationsCalls', operationPath: '/api/v2/conversations/calls' },
    offline: [], live: l, startedAt: 1, durationMs: 25.4, ...extra,
  };
}

const opts = { secrets: [CANARY], hasDocs: (r: string) => r === 'station.none' };
const states = (v: { items: { id: string; state: string }[] }) => Object.fromEntries(v.items.map((i) => [i.id, i.state]));

const healthy = [
  check('grant', 'pass', 'The token has a user context.'), check('scope', 'pass', 'Scope conversations granted.'),
  check('permission', 'pass', 'Has conversation:call:add.'), check('station', 'pass', 'Station Alice Phone has an online Edge.'),
  check('route', 'pass', 'Route Local matches.'), check('queue', 'skipped', 'No queue in the request.'), check('user', 'skipped', 'No user in the request.'),
];

describe('panel view model', () => {
  it('lists the eight checklist items in order; a healthy run passes', () => {
    const { view } = buildRunView(run(live(healthy)), opts);
    assert.deepStrictEqual(view.items.map((i) => i.id), CHECKLIST_IDS);
    assert.deepStrictEqual(states(view), { user: 'pass', scope: 'pass', permission: 'pass', station: 'pass', edge: 'pass', route: 'pass', queue: 'skipped', payload: 'pass' });
    assert.strictEqual(view.verdict, 'pass');
    assert.deepStrictEqual(view.request, {
      file: 'place call.http', index: 0, method: 'POST', url: 'http://127.0.0.1:9/api/v2/conversations/calls',
      operationId: 'postConversationsCalls', operationPath: '/api/v2/conversations/calls', environment: 'http://127.0.0.1:9',
      account: 'Bob Nostation (CODE)', org: 'Sandbox Org',
    });
    assert.strictEqual(view.durationMs, 25);
    assert.deepStrictEqual(view.lookups, { calls: 0, criticalPath: 2 });
  });

  it('no station: station FAIL with its evidence and docs, Edge skipped, verdict fail', () => {
    const none = finding('station.none', 'You have no station associated.', {
      evidence: [{ request: 'GET /api/v2/users/me?expand=station', status: 200, excerpt: '{"id":"u1","station":{}}', durationMs: 4 }],
    });
    const checks = healthy.map((c) => (c.id === 'station' ? check('station', 'fail', 'No station associated with you.', [none], 7) : c));
    const { view, findings } = buildRunView(run(live(checks)), opts);
    const station = view.items.find((i) => i.id === 'station')!;
    assert.strictEqual(station.state, 'fail');
    assert.strictEqual(station.durationMs, 7);
    assert.deepStrictEqual(station.findings.map((f) => [f.key, f.rule, f.hasDocs, f.evidence[0].request]), [['station:0', 'station.none', true, 'GET /api/v2/users/me?expand=station']]);
    assert.strictEqual(view.items.find((i) => i.id === 'edge')!.state, 'skipped');
    assert.strictEqual(view.verdict, 'fail');
    assert.strictEqual(findings.get('station:0'), none, 'the host can find the finding a key names');
  });

  it('a station without an Edge: station PASS, Edge FAIL', () => {
    const noEdge = finding('station.no-edge', 'Station X has no primary or secondary Edge.');
    const checks = healthy.map((c) => (c.id === 'station' ? check('station', 'fail', 'Station X has no Edge.', [noEdge]) : c));
    const { view } = buildRunView(run(live(checks)), opts);
    assert.deepStrictEqual([states(view).station, states(view).edge], ['pass', 'fail']);
    assert.deepStrictEqual(view.items.find((i) => i.id === 'edge')!.findings.map((f) => f.rule), ['station.no-edge']);
  });

  it('user context is the worse of the grant and user checks', () => {
    const checks = healthy.map((c) => (c.id === 'user' ? check('user', 'fail', 'A user in the request does not exist.', [finding('user.not-found', 'No user u9.')]) : c));
    const { view } = buildRunView(run(live(checks)), opts);
    const user = view.items.find((i) => i.id === 'user')!;
    assert.strictEqual(user.state, 'fail');
    assert.strictEqual(user.summary, 'The token has a user context. A user in the request does not exist.');
    assert.strictEqual(user.durationMs, 6);
  });

  it('offline findings make the payload item, with their fixes', () => {
    const fix = { title: 'Rewrite as CreateCallRequest', edits: [{ range: R, newText: '{}' }] };
    const offline = [finding('payload.unknown-field', 'Unknown field "to".', { fixes: [fix] }), finding('payload.phone-format', 'Not E.164.', { severity: 'warning' })];
    const { view, findings } = buildRunView(run(live(healthy), { offline }), opts);
    const payload = view.items.find((i) => i.id === 'payload')!;
    assert.strictEqual(payload.state, 'fail');
    assert.strictEqual(payload.summary, 'Offline checks: 1 error, 1 warning.');
    assert.deepStrictEqual(payload.findings[0].fixes, [{ index: 0, title: 'Rewrite as CreateCallRequest' }]);
    assert.strictEqual(findings.get('payload:0')!.fixes[0], fix);
    assert.strictEqual(view.verdict, 'fail');
  });

  it('a run that could not go live: live items skipped with the reason, verdict unknown', () => {
    const { view } = buildRunView(run(undefined, { error: 'Not signed in to Genesys Cloud.' }), opts);
    assert.deepStrictEqual(states(view), { user: 'skipped', scope: 'skipped', permission: 'skipped', station: 'skipped', edge: 'skipped', route: 'skipped', queue: 'skipped', payload: 'pass' });
    assert.strictEqual(view.items[0].summary, 'Not checked: Not signed in to Genesys Cloud.');
    assert.strictEqual(view.verdict, 'unknown');
    assert.strictEqual(view.error, 'Not signed in to Genesys Cloud.');
  });

  it('never carries a token: known secrets by value, credentials by shape', () => {
    const leaky = finding('check.unavailable', `Lookup failed for token ${CANARY}`, {
      evidence: [{ request: `GET /api/v2/tokens/me?access_token=${CANARY}`, status: 401, excerpt: `{"authorization":"Bearer ${CANARY}","other":"abc"}` }],
    });
    const checks = healthy.map((c) => (c.id === 'scope' ? check('scope', 'unknown', `Token ${CANARY} scopes unreadable.`, [leaky]) : c));
    const { view } = buildRunView(run(live(checks), { error: `echo ${CANARY}` }), opts);
    const json = JSON.stringify(view);
    assert.ok(!json.includes(CANARY), json);
    assert.ok(json.includes('[REDACTED]'));
    assert.ok(!JSON.stringify(buildRunView(run(live(checks)), { ...opts, secrets: [] }).view).includes(`Bearer ${CANARY}`), 'shape-based redaction without the secret list');
  });

  it('explanations are plain, redacted data', () => {
    const body = `HTTP/1.1 403 Forbidden\nAuthorization: Bearer ${CANARY}\n\n{"message":"Missing permission","code":"missing.any.permissions","status":403,"messageParams":{"perms":"conversation:call:add"},"contextId":"ctx-123"}`;
    const x = explanationView(explainError(body), [CANARY]);
    assert.strictEqual(x.code, 'missing.any.permissions');
    assert.deepStrictEqual(x.permissions, ['conversation:call:add']);
    assert.strictEqual(x.permissionsType, 'ANY');
    assert.strictEqual(x.correlationId, 'ctx-123');
    assert.ok(!JSON.stringify(x).includes(CANARY));
  });

  it('explains a status line followed directly by the body (no headers)', () => {
    const x = explanationView(explainError('HTTP/1.1 400 Bad Request\n\n{"message":"A station is required to place a call.","code":"conversation.error.no.user.station","status":400}'), []);
    assert.strictEqual(x.status, 400);
    assert.strictEqual(x.code, 'conversation.error.no.user.station');
    assert.strictEqual(x.known, true);
  });
});
