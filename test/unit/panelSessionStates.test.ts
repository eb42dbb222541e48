// The panel's view model for runs that must not look like a fresh verdict:
// evidence answered from the session's cache (says so, with its age), a host
// that did not answer (one "could not reach" state, no PASS rows), no session
// for the request's host (no verdict, only actions), a run against another
// session at the user's request, and a run outdated by a sign-out.
import * as assert from 'assert';
import type { CallRecord } from '../../src/core/http/api';
import type { CheckResult, DoctorResult } from '../../src/core/live/types';
import { renderMarkdown, renderPartialMarkdown } from '../../src/core/report/markdown';
import type { Finding } from '../../src/core/types';
import type { DoctorRun } from '../../src/vscode/doctor/doctorTypes';
import { buildRunView, diagnosisOfView, isLoopbackHost, outdatedView } from '../../src/vscode/doctor/panel/viewModel';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
const opts = { secrets: [], hasDocs: () => false };
const check = (id: CheckResult['id'], state: CheckResult['state'], summary: string, findings: Finding[] = []): CheckResult =>
  ({ id, title: id, state, summary, durationMs: 2, findings });
const IDS: CheckResult['id'][] = ['grant', 'scope', 'permission', 'station', 'route', 'queue', 'user'];
const call = (request: string, extra: Partial<CallRecord> = {}): CallRecord =>
  ({ request, status: 200, durationMs: 1, startedAt: 0, endedAt: 1, level: 1, attempts: 1, cached: false, ...extra });

function live(checks: CheckResult[], extra: Partial<DoctorResult> = {}): DoctorResult {
  return {
    operation: { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' },
    environment: 'mypurecloud.com', account: { name: 'Ada Agent', grant: 'CODE' }, org: { name: 'Org' },
    checks, findings: checks.flatMap((c) => c.findings), verdict: 'pass', calls: [], criticalPath: 1, durationMs: 9, ...extra,
  };
}
function run(l: DoctorResult | undefined, extra: Partial<DoctorRun> = {}): DoctorRun {
  return {
    uri: 'file:///w/call.http', requestIndex: 0, version: 1,
    request: { method: 'POST', url: 'https://api.mypurecloud.de/api/v2/conversations/calls', rawUrl: 'x', operationId: 'postConversationsCalls', operationPath: '/api/v2/conversations/calls' },
    offline: [], live: l, startedAt: 1, durationMs: 10, ...extra,
  };
}
const states = (items: { id: string; state: string }[]) => Object.fromEntries(items.map((i) => [i.id, i.state]));

describe('panel view model: cached evidence, unreachable host, session choice', () => {
  it('evidence answered from the cache says "cached, N min old" instead of a duration; the lookups line counts them', () => {
    const f: Finding = {
      rule: 'station.none', severity: 'error', message: 'No station.', range: R, fixes: [], source: { ref: 'x', verified: true },
      evidence: [
        { request: 'GET /api/v2/users/me?expand=station', status: 200, excerpt: '{}', durationMs: 1, cached: true, ageMs: 125_000 },
        { request: 'GET /api/v2/tokens/me', status: 200, excerpt: '{}', durationMs: 40 },
      ],
    };
    const checks = IDS.map((id) => (id === 'station' ? check(id, 'fail', 'No station.', [f]) : check(id, 'pass', 'ok')));
    const calls = [call('GET /api/v2/users/me', { cached: true, ageMs: 125_000 }), call('GET /api/v2/tokens/me'), call('GET /api/v2/authorization/subjects/me', { cached: true, ageMs: 30_000 })];
    const { view } = buildRunView(run(live(checks, { calls, verdict: 'fail' })), opts);
    const ev = view.items.find((i) => i.id === 'station')!.findings[0].evidence;
    assert.deepStrictEqual(ev[0].cached, { ageMs: 125_000, label: 'cached, 2 min old' });
    assert.strictEqual(ev[1].cached, undefined, 'an answer asked in this run is not marked');
    assert.deepStrictEqual(view.lookups, { calls: 3, criticalPath: 1, fromCache: '2 from cache (up to 2 min old)' });
    // A view restored after a reload keeps the mark in its report.
    const md = renderPartialMarkdown(diagnosisOfView(view));
    assert.match(md, /`GET \/api\/v2\/users\/me\?expand=station` → 200 \(cached, 2 min old\)/);
    assert.match(md, /`GET \/api\/v2\/tokens\/me` → 200 \(40 ms\)/);
  });

  it('an unreachable host: one "could not reach" state, every live item skipped with the reason, no PASS, verdict unknown', () => {
    const reason = 'Not checked: could not reach 127.0.0.1:4567: connection refused.';
    const checks = IDS.map((id) => check(id, 'skipped', reason));
    const { view } = buildRunView(run(live(checks, { unreachable: { host: '127.0.0.1:4567', message: 'connection refused' }, verdict: 'unknown', account: undefined, org: undefined })), opts);
    assert.deepStrictEqual(view.unreachable, { host: '127.0.0.1:4567', message: 'connection refused', loopback: true });
    assert.strictEqual(view.verdict, 'unknown', 'skipped checks do not add up to a pass');
    const liveItems = view.items.filter((i) => i.id !== 'payload');
    assert.ok(liveItems.every((i) => i.state === 'skipped' && i.summary === reason), JSON.stringify(liveItems));
    assert.strictEqual(view.request.account, undefined);
  });

  it('loopback hosts are the ones a Start Sandbox Org button can help', () => {
    assert.deepStrictEqual(['127.0.0.1:80', 'localhost:3000', '[::1]:9', 'api.mypurecloud.com', '10.0.0.1:8080'].map(isLoopbackHost), [true, true, true, false, false]);
  });

  it('no session for the request\'s host: no verdict rows, the host and the signed-in environments, and the actions', () => {
    const noSession: DoctorRun['noSession'] = {
      targetHost: 'api.mypurecloud.de', reason: 'No signed-in session for https://api.mypurecloud.de.',
      sessions: [{ id: 's1', environment: 'mypurecloud.com', account: 'Ada Agent' }],
      actions: [{ kind: 'sign-in', environment: 'mypurecloud.de' }, { kind: 'pick-http-environment', environments: ['dev', 'prod'] },
        { kind: 'run-anyway', sessionId: 's1', environment: 'mypurecloud.com' }],
    };
    const { view } = buildRunView(run(undefined, { noSession, error: noSession.reason }), opts);
    assert.strictEqual(view.noSession?.message, 'This request targets api.mypurecloud.de; you are signed in to mypurecloud.com (Ada Agent).');
    assert.deepStrictEqual(view.noSession?.actions.map((a) => [a.index, a.kind, a.label]), [
      [0, 'sign-in', 'Sign In to mypurecloud.de'], [1, 'pick-http-environment', 'Select HTTP Environment'], [2, 'run-anyway', 'Run against mypurecloud.com anyway']]);
    assert.strictEqual(view.error, undefined, 'the reason is the no-session state, not a second banner');
    assert.ok(view.items.filter((i) => i.id !== 'payload').every((i) => i.state === 'skipped'));
    assert.strictEqual(view.verdict, 'unknown');
  });

  it('checked against another session at the user\'s request: the note names the session and the host the request targets', () => {
    const checks = IDS.map((id) => check(id, 'pass', 'ok'));
    const session: DoctorRun['session'] = { id: 's1', environment: 'mypurecloud.com', account: 'Ada Agent', basis: 'explicit', targetHost: 'api.mypurecloud.de' };
    const { view } = buildRunView(run(live(checks), { session }), opts);
    assert.deepStrictEqual(view.sessionNote, { kind: 'explicit', text: 'Checked against mypurecloud.com (Ada Agent) at your request; the request targets api.mypurecloud.de.' });
    // The copied report says it too (the panel passes the note as the report's session line).
    assert.match(renderMarkdown(live(checks), { session: view.sessionNote!.text }), /\n- \*\*Session:\*\* Checked against mypurecloud\.com \(Ada Agent\) at your request; the request targets api\.mypurecloud\.de\.\n/);
    const hostless = buildRunView(run(live(checks), { session: { ...session, basis: 'hostless-only-session', targetHost: undefined } }), opts).view;
    assert.strictEqual(hostless.sessionNote?.kind, 'hostless');
    assert.match(hostless.sessionNote!.text, /names no API host, and this is your only session/);
    assert.strictEqual(buildRunView(run(live(checks), { session: { ...session, basis: 'host' } }), opts).view.sessionNote, undefined);
  });

  it('outdated by a sign-out: no account, no live verdict, the reason; the offline payload item stays', () => {
    const checks = IDS.map((id) => check(id, 'pass', 'ok'));
    const { view } = buildRunView(run(live(checks)), opts);
    assert.strictEqual(view.verdict, 'pass');
    const old = outdatedView(view, 'you signed out of mypurecloud.com since this run; re-run to check again.');
    assert.strictEqual(old.request.account, undefined);
    assert.strictEqual(old.lookups, undefined);
    assert.strictEqual(old.verdict, 'unknown');
    assert.deepStrictEqual(states(old.items), { user: 'skipped', scope: 'skipped', permission: 'skipped', station: 'skipped', edge: 'skipped', route: 'skipped', queue: 'skipped', payload: 'pass' });
    assert.match(renderPartialMarkdown(diagnosisOfView(old)), /Live checks:\*\* not run: you signed out of mypurecloud\.com/);
  });
});
