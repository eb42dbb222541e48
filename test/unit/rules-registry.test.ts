// The rule registry: every rule id a finding can carry (lint over every example
// and fixture, every live check's finding) is registered and documented.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { collectFiles } from '../../src/node/walk';
import { createLintEngine } from '../../src/cli/engine';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { parseEnvironment } from '../../src/core/env/environment';
import { KNOWN_CODES } from '../../src/core/explain/codes';
import type { Rule } from '../../src/core/lintTypes';
import { LIVE_RULES, runDoctor, type DoctorInput } from '../../src/core/live';
import { LIVE_RULE_INFO, liveFinding, SHARED_LIVE_RULES, unavailable } from '../../src/core/live/finding';
import { silentLog, systemClock } from '../../src/core/ports';
import { RULE_REGISTRY, RULES, ruleInfo } from '../../src/core/rules';
import { buildRegistry } from '../../src/core/rules/registry';
import { FakeGenesys, healthyOrg, TOKEN, type FakeOrg } from './live-fake-org';

const root = path.resolve(__dirname, '../../..');
const catalog = defaultCatalog();
const unregistered = (ids: Iterable<string>) => [...ids].filter((id) => !ruleInfo(id));

describe('rule registry', function () {
  this.timeout(60000);

  it('registers every id the lint rules emit over examples/ and the test fixtures', async () => {
    const { files, problems } = await collectFiles(['examples', 'test/fixtures'], root);
    assert.deepStrictEqual(problems, []);
    assert.ok(files.length > 20, `${files.length} files`);
    const engine = await createLintEngine({ cwd: root });
    const seen = new Set<string>();
    for (const file of files) {
      for (const f of (await engine.lintFile(file, fs.readFileSync(file, 'utf8'))).findings) seen.add(f.rule);
    }
    // Enough different rules fire that this is a real check, not an empty loop.
    assert.ok(seen.size >= 8, [...seen].join(', '));
    assert.deepStrictEqual(unregistered(seen), []);
  });

  it('registers every id the live checks emit (each LIVE_RULES id is reached by some fake org)', async () => {
    const env = parseEnvironment('mypurecloud.com');
    const CALLS = '/api/v2/conversations/calls';
    const ON_BEHALF = '/api/v2/conversations/calls/user/{userId}';
    const scenarios: [(o: FakeOrg) => void, Partial<DoctorInput> & { path?: string }][] = [
      [(o) => { o.grant = 'CLIENT-CREDENTIALS'; }, {}],
      [(o) => { o.scopes = ['users:readonly']; }, {}],
      [(o) => { o.grants = []; }, {}],
      [(o) => { delete o.stationId; }, {}],
      [(o) => { o.stationId = 'st-noedge'; }, {}],
      [() => {}, { body: { phoneNumber: '+442071234567' } }],
      [() => {}, { body: { phoneNumber: '+13175550100', callFromQueueId: 'q-missing' } }],
      [() => {}, { body: { phoneNumber: '+13175550100', callFromQueueId: 'q-other' } }],
      [() => {}, { path: ON_BEHALF, pathParams: { userId: 'u-ghost' } }],
      [(o) => { o.override['/api/v2/users/me'] = { status: 403, body: '{"status":403,"code":"missing.permissions","message":"x"}' }; }, {}],
    ];
    const seen = new Set<string>();
    for (const [mutate, extra] of scenarios) {
      const org = healthyOrg();
      mutate(org);
      const op = catalog.lookup('POST', extra.path ?? CALLS).match!.operation;
      const r = await runDoctor({
        operation: op, body: { phoneNumber: '+13175550100' }, accessToken: TOKEN, environment: env, catalog,
        ports: { http: new FakeGenesys(org), clock: systemClock, log: silentLog }, retry: { maxAttempts: 1, baseDelayMs: 1, timeoutMs: 2000 },
        ...extra,
      });
      for (const f of r.findings) seen.add(f.rule);
    }
    assert.deepStrictEqual([...seen].sort(), Object.values(LIVE_RULES).sort());
    assert.deepStrictEqual(unregistered(seen), []);
    // The constructors themselves: whatever id they are given must be registered.
    const src = { ref: 'test', verified: true };
    const built = [...Object.values(LIVE_RULES).map((id) => liveFinding(id, 'error', 'm', src, [])),
      unavailable('x', { ok: false, status: 500, request: 'GET /x', evidence: { request: 'GET /x', status: 500, excerpt: '' } }, undefined, src)];
    assert.deepStrictEqual(unregistered(built.map((f) => f.rule)), []);
  });

  it('registers the rule each explained error code points to', () => {
    assert.deepStrictEqual(unregistered(KNOWN_CODES.flatMap((c) => (c.rule ? [c.rule] : []))), []);
  });

  it('has one entry per id: every lint rule, every live rule, shared ids once as "both"', () => {
    const ids = RULE_REGISTRY.map((r) => r.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.deepStrictEqual(ids, [...RULES.map((r) => r.id), ...Object.keys(LIVE_RULE_INFO)]);
    for (const id of Object.values(LIVE_RULES)) assert.ok(ruleInfo(id), id);
    for (const id of SHARED_LIVE_RULES) assert.strictEqual(ruleInfo(id)!.kind, 'both', id);
    assert.strictEqual(ruleInfo('payload.type')!.kind, 'offline');
    assert.strictEqual(ruleInfo('station.none')!.kind, 'live');
  });

  it('refuses a second entry for an id', () => {
    const clash: Rule = { ...RULES[0], id: 'scope.missing' };
    assert.throws(() => buildRegistry([...RULES, clash]), /scope\.missing is registered twice/);
    assert.throws(() => buildRegistry(RULES.filter((r) => r.id !== 'grant.no-user-context')), /grant\.no-user-context is declared as shared/);
  });

  it('every entry has a docs page, a title, a short help and a docs/facts.md source; every page has an entry', () => {
    for (const r of RULE_REGISTRY) {
      assert.strictEqual(r.docs, `docs/rules/${r.id}.md`);
      const page = path.join(root, r.docs);
      assert.ok(fs.existsSync(page), r.docs);
      assert.strictEqual(fs.readFileSync(page, 'utf8').split('\n')[0], `# ${r.id}`, r.docs);
      assert.ok(r.title.length > 10 && !r.title.endsWith('.'), r.id);
      assert.ok(r.help.length > 40 && r.help.length < 400 && r.help.endsWith('.'), `${r.id}: ${r.help.length} chars`);
      assert.match(r.source.ref, /^docs\/facts\.md#[a-z0-9-]+( |$)/, r.id);
    }
    const pages = fs.readdirSync(path.join(root, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    assert.deepStrictEqual(unregistered(pages), []);
  });

  it('every source anchor exists in docs/facts.md', function () {
    const facts = path.join(root, 'docs/facts.md');
    if (!fs.existsSync(facts)) this.skip();   // the facts page comes with its own change
    const text = fs.readFileSync(facts, 'utf8');
    for (const r of RULE_REGISTRY) {
      const anchor = /^docs\/facts\.md#([a-z0-9-]+)/.exec(r.source.ref)![1];
      assert.ok(text.includes(`id="${anchor}"`), `${r.id}: docs/facts.md#${anchor}`);
    }
  });
});
