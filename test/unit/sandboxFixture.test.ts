// Fixture validation (errors name the JSON path) and the default org's content.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FixtureError, loadFixture, validateFixture, classifyNumber, routable } from '../../src/sandbox';
import { SandboxState } from '../../src/sandbox/state';
import { RequestLog } from '../../src/sandbox/requestLog';
import { systemClock } from '../../src/core/ports';
import type { OrgFixture } from '../../src/sandbox/fixtureTypes';

const fresh = (): OrgFixture => structuredClone(loadFixture());
function problems(mutate: (f: OrgFixture & Record<string, any>) => void): string[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const f = fresh();
  mutate(f);
  try { validateFixture(f); return []; } catch (e) { assert.ok(e instanceof FixtureError); return e.problems; }
}

describe('sandbox fixture', () => {
  it('the default org is valid and covers every documented cause', () => {
    const f = loadFixture();
    const ids = f.scenarios.map((s) => s.id);
    for (const cause of ['healthy-agent', 'no-station', 'station-without-edge', 'missing-permission', 'permission-other-division',
      'client-credentials', 'missing-scope', 'unroutable-number', 'queue-not-member']) assert.ok(ids.includes(cause), cause);
    assert.strictEqual(f.org.scopeEnforcement, true);
    assert.ok(f.clients.some((c) => c.authorizedGrantType === 'CODE' && !c.secret && c.redirectUris?.includes('http://localhost')), 'a PKCE client with a port-less loopback redirect');
    assert.ok(f.clients.some((c) => c.deviceGrant), 'a device-capable client');
  });

  it('names the path of a dangling reference', () => {
    assert.deepStrictEqual(problems((f) => { f.users[0].stationId = 'nope'; }), ["users[0].stationId: 'nope' is not the id of any entry in stations"]);
    assert.deepStrictEqual(problems((f) => { f.grants[2].roleId = 'r?'; }), ["grants[2].roleId: 'r?' is not the id of any entry in roles"]);
  });

  it('enforces the FACTS §1.1 client rules (roles for client credentials, scopes for the rest)', () => {
    const cc = fresh().clients.findIndex((c) => c.authorizedGrantType === 'CLIENT-CREDENTIALS');
    assert.deepStrictEqual(problems((f) => { delete f.clients[cc].roleDivisions; }), [`clients[${cc}].roleDivisions: roles must be set for CLIENT-CREDENTIALS clients`]);
    assert.deepStrictEqual(problems((f) => { delete f.clients[0].scope; }), ['clients[0].scope: scopes must be set for clients not using CLIENT-CREDENTIALS']);
    assert.match(problems((f) => { (f.clients[0] as any).authorizedGrantType = 'DEVICE'; })[0], /^clients\[0\]\.authorizedGrantType: must be one of CODE/); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  it('reports duplicates, bad regexes and wrong types together', () => {
    const p = problems((f) => {
      f.users[1].id = f.users[0].id;
      f.numberPlans[0].match = '([';
      (f.org as any).scopeEnforcement = 'yes'; // eslint-disable-line @typescript-eslint/no-explicit-any
    });
    assert.ok(p.includes(`users[1].id: duplicate id '${fresh().users[0].id}'`), p.join('\n'));
    assert.ok(p.includes('numberPlans[0].match: not a valid regular expression'));
    assert.ok(p.includes('org.scopeEnforcement: must be true or false'));
  });

  it('gives a clear error for an unreadable or non-JSON file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbfix-'));
    try {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, '{ nope');
      assert.throws(() => loadFixture(bad), /is not valid JSON/);
      assert.throws(() => loadFixture(path.join(dir, 'missing.json')), /cannot read sandbox fixture/);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('classifies numbers by number-plan priority and checks routes', () => {
    const f = loadFixture();
    const state = new SandboxState(f, systemClock, new RequestLog(), Math.random);
    const site = f.sites[0].id;
    assert.strictEqual(classifyNumber(state, site, '+1 (317) 555-0199'), 'National');
    assert.strictEqual(classifyNumber(state, site, '+18005550100'), 'Toll Free');
    assert.strictEqual(classifyNumber(state, site, '+442071838750'), 'International');
    assert.strictEqual(classifyNumber(state, site, '12345'), undefined);
    assert.strictEqual(routable(state, site, '+13175550199'), true);
    assert.strictEqual(routable(state, site, '+442071838750'), false, 'the International route is disabled');
  });
});
