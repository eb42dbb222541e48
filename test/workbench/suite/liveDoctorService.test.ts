// DoctorService: one run per (session, document version, request), events
// for every run, and re-runs of what was shown when the session changes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import type { DoctorRun } from '../../../src/vscode/doctor/doctorTypes';
import type { DoctorService } from '../../../src/vscode/doctor/doctorService';
import { api, signInAs, signOut } from './sandboxUsers';

function nextRun(doctor: DoctorService, accept: (r: DoctorRun) => boolean): Promise<DoctorRun> {
  return new Promise((resolve) => {
    const sub = doctor.onDidRun((r) => { if (accept(r)) { sub.dispose(); resolve(r); } });
  });
}

describe('DoctorService (sandbox)', () => {
  let sandbox: Sandbox;
  let doctor: DoctorService;

  before(async () => {
    doctor = (await api()).doctor!;
    assert.ok(doctor, 'the extension exposes its DoctorService under tests');
    sandbox = await startSandbox();
  });

  after(async () => {
    await signOut(sandbox.url);
    await sandbox.close();
  });

  it('runs offline + live checks for one request, caches per version and session, re-runs on sign-in change', async () => {
    await signOut(sandbox.url);
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: `POST ${sandbox.url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199", "to": "x" }\n` });
    await vscode.window.showTextDocument(doc); // re-runs after a sign-in change are for what is shown
    const signedOut = await doctor.run(doc, 0);
    assert.match(signedOut.error ?? '', /Not signed in to Genesys Cloud/);
    assert.deepStrictEqual(signedOut.request, { method: 'POST', url: `${sandbox.url}/api/v2/conversations/calls`, rawUrl: `${sandbox.url}/api/v2/conversations/calls`, operationId: 'postConversationsCalls', operationPath: '/api/v2/conversations/calls' });
    assert.ok(signedOut.offline.some((f) => f.rule === 'payload.unknown-field'), 'offline findings of the request');

    // Signing in re-runs what was shown (the signed-out run) with the new session.
    const rerun = nextRun(doctor, (r) => r.uri === doc.uri.toString() && r.live !== undefined);
    await signInAs(sandbox.url, 'bob');
    const bob = await rerun;
    assert.strictEqual(bob.live?.checks.find((c) => c.id === 'station')?.state, 'fail');
    assert.ok(bob.liveInFile?.some((f) => f.rule === 'station.none' && f.request === 0 && f.range.start.line === 0), 'live findings placed in the file');
    assert.strictEqual(doctor.last(doc.uri, 0), bob);

    // Same session, same version: the cached run.
    const again = await doctor.run(doc, 0);
    assert.strictEqual(again.startedAt, bob.startedAt);
    assert.strictEqual(again.sessionId, bob.sessionId);

    // Another user: a new session, so a new run (Alice has a station).
    const rerunAlice = nextRun(doctor, (r) => r.uri === doc.uri.toString() && r.live !== undefined && r.sessionId !== bob.sessionId);
    await signInAs(sandbox.url, 'alice');
    const alice = await rerunAlice;
    assert.strictEqual(alice.live?.checks.find((c) => c.id === 'station')?.state, 'pass');
  });

  it('a cancelled run says so and is not cached', async () => {
    await signInAs(sandbox.url, 'alice');
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: `GET ${sandbox.url}/api/v2/users/me\n` });
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const run = await doctor.run(doc, 0, source.token);
    assert.strictEqual(run.cancelled, true);
    assert.match(run.error ?? '', /cancelled/);
    const fresh = await doctor.run(doc, 0);
    assert.strictEqual(fresh.live?.operation.id, 'getUsersMe');
  });

  it('rejects a request index the document does not have', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: `GET ${sandbox.url}/api/v2/users/me\n` });
    await assert.rejects(doctor.run(doc, 3), /no request 4 \(it has 1\)/);
  });
});
