import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import type { FileLintResult } from '../../src/core/lintTypes';
import { LIVE_RULES } from '../../src/core/live';
import { liveFinding } from '../../src/core/live/finding';
import { sarifOptions } from '../../src/core/report';
import { formatSarif, pathToUriReference, ruleName, toSarifLog } from '../../src/core/report/sarif';
import { RULE_REGISTRY, ruleInfo } from '../../src/core/rules';
import { runLint } from '../../src/cli/commands/lint';
import { range } from '../../src/core/types';

const root = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));

// ajv ships no format checkers; these are strict enough to catch relative
// helpUri/informationUri values and paths with spaces.
let compiled: ReturnType<Ajv['compile']> | undefined;
export function sarifValidator() {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s\\]*$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  return (compiled = ajv.compile(schema));
}

function results(): FileLintResult[] {
  return [{
    path: 'examples/forum case/payload.json',
    requests: [],
    findings: [
      { rule: 'payload.unknown-field', severity: 'error', message: '`to` is not a CreateCallRequest field: use `phoneNumber`.',
        range: range(5, 2, 5, 6), request: 0, pointer: '/to', source: { ref: 'sdk CreateCallRequest', verified: true },
        fixes: [{ title: 'Rename to phoneNumber', edits: [{ range: range(5, 3, 5, 5), newText: 'phoneNumber' }] }] },
      { rule: 'scope.unknown', severity: 'warning', message: 'not a scope', range: range(0, 0, 0, 0),
        source: { ref: 'FACTS.md §2.3', verified: false, url: 'https://help.mypurecloud.com/' }, fixes: [] },
      { rule: 'auth.note', severity: 'info', message: 'note', range: range(2, 0, 3, 1), source: { ref: 'x', verified: false }, fixes: [] },
    ],
  }];
}

const LEVEL_OF = { error: 'error', warning: 'warning', info: 'note' } as const;
/** A registered rule's descriptor (the driver's array also admits bare `{ id }` ones). */
type Descriptor = { shortDescription: { text: string }; help: { text: string }; helpUri: string; defaultConfiguration: { level: string }; properties: { kind: string } };

const OPTIONS = {
  toolVersion: '0.1.0',
  docsBaseUri: 'file:///opt/call-doctor',
  srcRootUri: 'file:///home/dev/project/',
};

describe('report: sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const log = JSON.parse(formatSarif(results(), OPTIONS));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const empty = JSON.parse(formatSarif([], { toolVersion: '0.1.0', docsBaseUri: 'file:///x/' }));
    assert.ok(validate(empty), JSON.stringify(validate.errors, null, 2));
  });

  it('the validator rejects a broken log (so the schema test can fail)', () => {
    const validate = sarifValidator();
    const log = toSarifLog(results(), OPTIONS) as unknown as { runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    log.runs[0].results[0].level = 'fatal';
    assert.ok(!validate(log));
    const zeroLine = toSarifLog(results(), OPTIONS) as typeof log;
    zeroLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.ok(!validate(zeroLine));
  });

  it('converts 0-based ranges to 1-based regions and maps levels', () => {
    const run = toSarifLog(results(), OPTIONS).runs[0];
    const [first, second, third] = run.results;
    assert.deepStrictEqual(first.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    assert.strictEqual(first.level, 'warning');
    assert.deepStrictEqual(third.locations[0].physicalLocation.region, { startLine: 6, startColumn: 3, endLine: 6, endColumn: 7 });
    assert.strictEqual(third.level, 'error');
    assert.strictEqual(second.level, 'note');
    assert.deepStrictEqual(second.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 4, endColumn: 2 });
  });

  it('describes every registered rule from the registry, and an unregistered id with a bare descriptor', () => {
    const driver = toSarifLog(results(), OPTIONS).runs[0].tool.driver;
    assert.strictEqual(driver.name, 'call-doctor');
    assert.strictEqual(driver.version, '0.1.0');
    assert.deepStrictEqual(driver.rules.map((r) => r.id), [...RULE_REGISTRY.map((r) => r.id), 'auth.note'].sort());
    const field = ruleInfo('payload.unknown-field')!;
    assert.deepStrictEqual(driver.rules.find((r) => r.id === 'payload.unknown-field'), {
      id: 'payload.unknown-field', name: 'PayloadUnknownField',
      shortDescription: { text: field.title }, fullDescription: { text: field.help },
      help: { text: `${field.help} Source: ${field.source.ref}.` },
      defaultConfiguration: { level: 'error' },
      helpUri: 'file:///opt/call-doctor/docs/rules/payload.unknown-field.md',
      properties: { kind: 'offline', source: field.source },
    });
    // Live rules too: their default level and the UNVERIFIED mark come from the registry.
    const route = driver.rules.find((r) => r.id === 'route.no-match') as Descriptor;
    assert.strictEqual(route.defaultConfiguration.level, LEVEL_OF[ruleInfo('route.no-match')!.defaultSeverity]);
    assert.match(route.help.text, /\(UNVERIFIED\)\.$/);
    assert.strictEqual((driver.rules.find((r) => r.id === 'check.unavailable') as Descriptor).properties.kind, 'live');
    assert.strictEqual((driver.rules.find((r) => r.id === 'grant.no-user-context') as Descriptor).properties.kind, 'both');
    assert.deepStrictEqual(driver.rules.find((r) => r.id === 'auth.note'), { id: 'auth.note' });
    const run = toSarifLog(results(), OPTIONS).runs[0];
    for (const r of run.results) assert.strictEqual(driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('a check run (lint and live findings in one file) validates, each result pointing at its registered rule', () => {
    const src = { ref: 'docs/facts.md#calls-error-codes', verified: true };
    const file: FileLintResult = {
      path: 'call.http', requests: [],
      findings: [
        { rule: 'payload.unknown-field', severity: 'error', message: 'unknown', range: range(3, 2, 3, 6), fixes: [], source: src },
        liveFinding(LIVE_RULES.stationNone, 'error', 'You have no station associated.', src, [{ request: 'GET /api/v2/users/me', status: 200, excerpt: '{}' }]),
        liveFinding(LIVE_RULES.unavailable, 'warning', 'Could not determine the routes.', src, []),
      ],
    };
    const log = toSarifLog([file], sarifOptions({ toolVersion: '1.0.0', packageRoot: '/opt/call doctor', cwd: '/home/dev' }));
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(JSON.stringify(log))), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.deepStrictEqual(run.results.map((r) => run.tool.driver.rules[r.ruleIndex].id).sort(), ['check.unavailable', 'payload.unknown-field', 'station.none']);
    const station = run.tool.driver.rules[run.results.find((r) => r.ruleId === 'station.none')!.ruleIndex] as Descriptor;
    assert.strictEqual(station.shortDescription.text, ruleInfo('station.none')!.title);
    assert.strictEqual(station.helpUri, 'file:///opt/call%20doctor/docs/rules/station.none.md');
    assert.deepStrictEqual(run.originalUriBaseIds, { SRCROOT: { uri: 'file:///home/dev/' } });
  });

  it('names rules readably', () => {
    assert.strictEqual(ruleName('grant.no-user-context'), 'GrantNoUserContext');
    assert.strictEqual(ruleName('check.unavailable'), 'CheckUnavailable');
  });

  it('carries fixes as artifactChanges/replacements and provenance in properties', () => {
    const run = toSarifLog(results(), OPTIONS).runs[0];
    const error = run.results.find((r) => r.ruleId === 'payload.unknown-field')!;
    assert.deepStrictEqual(error.fixes, [{
      description: { text: 'Rename to phoneNumber' },
      artifactChanges: [{
        artifactLocation: { uri: 'examples/forum%20case/payload.json', uriBaseId: 'SRCROOT' },
        replacements: [{ deletedRegion: { startLine: 6, startColumn: 4, endLine: 6, endColumn: 6 }, insertedContent: { text: 'phoneNumber' } }],
      }],
    }]);
    assert.deepStrictEqual(error.properties, { source: { ref: 'sdk CreateCallRequest', verified: true }, verified: true, pointer: '/to', request: 0 });
    const warning = run.results.find((r) => r.ruleId === 'scope.unknown')!;
    assert.strictEqual(warning.fixes, undefined);
    assert.deepStrictEqual(warning.properties, { source: { ref: 'FACTS.md §2.3', verified: false, url: 'https://help.mypurecloud.com/' }, verified: false });
    assert.deepStrictEqual(run.originalUriBaseIds, { SRCROOT: { uri: 'file:///home/dev/project/' } });
  });

  it('real `lint examples --format sarif` output validates, with every result pointing at a listed rule', async () => {
    let out = '';
    const code = await runLint(['examples', '--format', 'sarif'], { cwd: root, env: {}, stdout: (t) => { out += t; }, stderr: () => {}, readStdin: async () => '' });
    assert.strictEqual(code, 1);
    const log = JSON.parse(out);
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.ok(run.results.length > 10);
    for (const r of run.results) assert.strictEqual(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /^file:\/\/.*\/docs\/rules\/[a-z.-]+\.md$/);
  });

  it('reports source problems as tool execution notifications', () => {
    const withProblem: FileLintResult[] = [{ path: 'a.http', requests: [], findings: [], problems: [{ message: 'Environment "x" is not defined.' }, { message: 'missing include', range: range(2, 4, 2, 9) }] }];
    const log = toSarifLog(withProblem, OPTIONS);
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(JSON.stringify(log))), JSON.stringify(validate.errors, null, 2));
    assert.deepStrictEqual(log.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [
      { level: 'warning', message: { text: 'Environment "x" is not defined.' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.http', uriBaseId: 'SRCROOT' } } }] },
      { level: 'warning', message: { text: 'missing include' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.http', uriBaseId: 'SRCROOT' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 10 } } }] },
    ] }]);
    assert.deepStrictEqual(log.runs[0].results, []);
  });

  it('percent-encodes path segments but keeps slashes and dot segments', () => {
    assert.strictEqual(pathToUriReference('..\\a b\\c#d.http'), '../a%20b/c%23d.http');
  });
});
