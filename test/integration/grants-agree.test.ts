// The token tree's view and the Call Doctor's verdict agree for every sandbox
// fixture user: the tree's marks (inspectToken + the live Swagger scopes +
// markRequirements, what the Session & Token view shows) give the same scope
// and permission verdicts as the doctor's checks. Regressions: a permission
// granted only in another division ("permission-other-division") was ✓ in the
// tree and FAIL in the doctor; the scope of "missing-scope" was unknown in the
// tree and FAIL in the doctor.
import * as assert from 'assert';
import { apiGet } from '../../src/core/auth/apiClient';
import type { Session } from '../../src/core/auth/session';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { runDoctor } from '../../src/core/live';
import { silentLog, systemClock } from '../../src/core/ports';
import { inspectToken } from '../../src/core/token/inspect';
import { markRequirements, type RequirementMark } from '../../src/core/token/requirements';
import { resolveRequiredScopes, swaggerScopeIndex } from '../../src/core/token/scopes';
import { nodeHttp } from '../../src/cli/adapters';
import { EXPECTED_RULES, signInFor } from '../../src/cli/commands/demo';
import { startSandbox, type Sandbox } from '../../src/sandbox';

const catalog = defaultCatalog();

/** The verdict a reader of the tree's rows would take: ✓ passes, ⚠/✗ fail, ? unknown, – only: skipped. */
function shownVerdict(marks: RequirementMark[], type: 'ANY' | 'ALL'): string {
  if (marks.length === 0) return 'unknown';
  if (marks.every((m) => m.state === 'not-applicable')) return 'skipped';
  if (marks.some((m) => m.state === 'unknown')) return 'unknown';
  const held = marks.filter((m) => m.state === 'held').length;
  return (type === 'ALL' ? held === marks.length : held > 0) ? 'pass' : 'fail';
}

describe('token tree and Call Doctor agree (sandbox fixture users)', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  const http = nodeHttp({ timeoutMs: 10_000 });
  before(async () => { sandbox = await startSandbox({ port: 0, deviceInterval: 1 }); });
  after(async () => { await sandbox.close(); });

  /** What the Session & Token view computes for the request (TokenReports + SessionTree). */
  async function treeMarks(session: Session, op: NonNullable<ReturnType<typeof catalog.lookup>['match']>['operation']) {
    const report = await inspectToken(session, { http, clock: systemClock });
    const live = async () => {
      const res = await apiGet(session, http, '/api/v2/docs/swagger');
      const index = swaggerScopeIndex(JSON.parse(res.body));
      return { ok: res.status === 200, scopes: (m: string, p: string) => index.get(`${m.toUpperCase()} ${p}`) ?? null };
    };
    return markRequirements(op, report, { requiredScopes: await resolveRequiredScopes(op, { live }) });
  }

  const scenarios = () => sandbox.fixture.scenarios.filter((s) => EXPECTED_RULES[s.id] && s.request.path.startsWith('/api/v2/conversations/calls'));

  it('covers the regressions', () => {
    const ids = scenarios().map((s) => s.id);
    for (const id of ['permission-other-division', 'missing-scope', 'missing-permission', 'healthy-agent', 'client-credentials']) assert.ok(ids.includes(id), id);
  });

  for (const id of Object.keys(EXPECTED_RULES)) {
    it(`${id}: same scope and permission verdicts`, async function () {
      const s = sandbox.fixture.scenarios.find((x) => x.id === id);
      if (!s || !s.request.path.startsWith('/api/v2/conversations/calls')) this.skip();
      const match = catalog.lookup(s!.request.method, s!.request.path).match!;
      const session = await signInFor(sandbox, s!, http);
      const doctor = await runDoctor({
        operation: match.operation, body: s!.request.body, pathParams: match.params, accessToken: session.accessToken,
        environment: session.environment, catalog, ports: { http, clock: systemClock, log: silentLog },
      });
      const marks = await treeMarks(session, match.operation);
      const state = (c: string) => doctor.checks.find((x) => x.id === c)!.state;
      const type = match.operation.permissions?.type === 'ALL' ? 'ALL' : 'ANY';
      // On-behalf calls are judged in the target's division, which only the doctor looks up.
      if (!/\{userId\}/.test(match.operation.path) || state('permission') !== 'fail') {
        assert.strictEqual(shownVerdict(marks.permissions, type), state('permission'), `permission: tree ${marks.permissions.map((m) => `${m.name}=${m.state}`).join(', ')} vs doctor ${state('permission')}`);
      }
      assert.strictEqual(shownVerdict(marks.scopes, 'ANY'), state('scope'), `scope: tree ${marks.scopes.map((m) => `${m.name}=${m.state}`).join(', ') || marks.notes.join(' ')} vs doctor ${state('scope')}`);
      if (id === 'permission-other-division') {
        assert.deepStrictEqual(marks.permissions.map((m) => [m.state, m.grantedIn]), [['other-division', ['Sales EMEA']]]);
        const finding = doctor.findings.find((f) => f.rule === 'permission.missing')!;
        const phrase = /granted only in division Sales EMEA, not in your division [^;(]+/;
        assert.strictEqual(finding.message.match(phrase)?.[0], marks.permissions[0].why.match(new RegExp(phrase.source, 'i'))?.[0].replace(/^G/, 'g'), 'the same wording');
      }
    });
  }
});
