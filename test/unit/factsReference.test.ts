// Provenance a user can open: every source the product cites is an entry of the
// shipped docs/facts.md (`docs/facts.md#<anchor>`, optionally followed by a place
// inside that entry's artefact), the entry exists, and the source's `verified`
// flag agrees with the entry's status. Nothing cites the internal research notes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { REGION_SOURCE } from '../../src/core/env/regions';
import { explainError } from '../../src/core/explain';
import { KNOWN_CODES } from '../../src/core/explain/codes';
import { defaultScopeRegistry, FACTS_PERMISSIONS_SOURCE, fromLiveScopes, FOLKLORE, SCOPE_FORMAT_SOURCE } from '../../src/core/knowledge';
import { acceptScopesFromSwagger } from '../../src/core/knowledge/scopes';
import { analyzeText, type AnalysisContext } from '../../src/core/pipeline';
import { SRC } from '../../src/core/live/sources';
import { RULES } from '../../src/core/rules';
import { TOKEN_SOURCES } from '../../src/core/token/inspect';
import { ZERO_RANGE, type SourceRef } from '../../src/core/types';
import { OPEN_FACTS_COMMAND, parseFactsRef } from '../../src/shared/protocol';
import { factsCommandLink, findingMarkdown } from '../../src/vscode/language/hoverContent';

const lintText = async (path: string, text: string, ctx: AnalysisContext) => (await analyzeText(path, text, ctx)).lint;

const root = path.join(__dirname, '..', '..', '..');
const factsFile = path.join(root, 'docs', 'facts.md');
const REF = /^docs\/facts\.md#([a-z0-9]+(?:-[a-z0-9]+)*)(?: (\S.*))?$/;

type Status = 'VERIFIED' | 'VERIFIED (old spec)' | 'UNVERIFIED';

/** anchor -> the status its entry states (once, on its "**Status: ...**" line). */
function readEntries(text: string): Map<string, Status> {
  const entries = new Map<string, Status>();
  const parts = text.split(/<a id="([^"]+)"><\/a>/);
  for (let i = 1; i < parts.length; i += 2) {
    const anchor = parts[i];
    const body = parts[i + 1].split(/\n## /)[0];
    const statuses = [...body.matchAll(/^\*\*Status: (VERIFIED \(old spec\)|VERIFIED|UNVERIFIED)\*\*/gm)].map((m) => m[1] as Status);
    assert.strictEqual(statuses.length, 1, `docs/facts.md#${anchor} must state its status exactly once`);
    assert.ok(!entries.has(anchor), `docs/facts.md#${anchor} is defined twice`);
    assert.match(body, /^Source: \S/m, `docs/facts.md#${anchor} must name its source`);
    entries.set(anchor, statuses[0]);
  }
  return entries;
}

const entries = readEntries(fs.readFileSync(factsFile, 'utf8'));

/** Where each checked source was seen, for the failure message. */
function checkSource(where: string, s: SourceRef, problems: string[]): void {
  const m = REF.exec(s.ref);
  if (!m) { problems.push(`${where}: "${s.ref}" is not docs/facts.md#<anchor>`); return; }
  const status = entries.get(m[1]);
  if (!status) { problems.push(`${where}: docs/facts.md has no entry #${m[1]}`); return; }
  if (s.verified !== (status !== 'UNVERIFIED')) problems.push(`${where}: verified=${s.verified} but docs/facts.md#${m[1]} is ${status}`);
}

function assertAll(sources: [string, SourceRef][]): void {
  assert.ok(sources.length > 0);
  const problems: string[] = [];
  for (const [where, s] of sources) checkSource(where, s, problems);
  assert.deepStrictEqual(problems, []);
}

// One input per rule, each written to trigger it, plus the repository's examples.
const CORPUS: [string, string][] = [
  ['invalid.http', 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{"phoneNumber": "+13175550199",}\n'],
  ['folklore.http', [
    'POST https://api.mypurecloud.com/api/v2/conversations/calls',
    'Content-Type: application/json',
    '',
    '{"from": {"id": "u1"}, "to": [{"phoneNumber": "+1 317 555 0199"}], "agentId": "u1", "metadata": {"outbound": {"campaignId": "c"}}, "phonenumber": "x", "priority": "5", "callUserId": "u2", "callQueueId": "q", "callerId": "317-555"}',
  ].join('\n') + '\n'],
  ['onbehalf.http', 'POST https://api.mypurecloud.com/api/v2/conversations/calls/user/u1\nContent-Type: application/json\n\n{"phoneNumber": "+13175550199", "callUserId": "u2"}\n'],
  ['hosts.http', [
    'POST https://api.mypurecloud.com/api/v2/oauth/token', 'Content-Type: application/x-www-form-urlencoded', '',
    'grant_type=client_credentials&scope=calls:outbound conversations:write outbound:campaign:view routing:queue:view nosuch-scope a:b:c',
    '', '###', 'GET https://api.mypurecloud.con/api/v2/users/me', '',
    '###', 'GET https://login.mypurecloud.com/api/v2/users/me', '',
    '###', 'GET https://api.mypurecloud.com/api/v2/users/u1/permissions', '',
    '###', 'DELETE https://api.mypurecloud.com/api/v2/users/me', '',
    '###', 'GET https://api.mypurecloud.com/api/v2/outbound/campaignz', '',
    '###', 'GET https://api.mypurecloud.com/api/v2/outbound/routes', '',
    '###', 'GET https://api.{{host}}/api/v2/users/me', '',
  ].join('\n') + '\n'],
  ['cc.http', [
    '# @name login', 'POST https://login.mypurecloud.com/oauth/token', 'Content-Type: application/x-www-form-urlencoded', '',
    'grant_type=client_credentials', '', '###',
    'POST https://api.mypurecloud.com/api/v2/conversations/calls', 'Authorization: Bearer {{login.response.body.access_token}}',
    'Content-Type: application/json', '', '{"phoneNumber": "+13175550199"}',
  ].join('\n') + '\n'],
  ['client.js', [
    "const platformClient = require('purecloud-platform-client-v2');",
    'const client = platformClient.ApiClient.instance;',
    "client.setScopes(['calls:outbound']);",
    'client.loginClientCredentialsGrnt(id, secret);',
    'const api = new platformClient.ConversationsApi();',
    'api.postConversationsCall({ phoneNumber: "+13175550199" });',
  ].join('\n') + '\n'],
  ['payload.json', '{"phoneNumber": "+13175550199", "callFromQueueId": "q", "to": "+13175550100"}\n'],
];

function filesUnder(dir: string, accept: (f: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, accept) : accept(p) ? [p] : [];
  });
}

describe('facts reference: every cited source is an entry of docs/facts.md', () => {
  const catalog = defaultCatalog();

  it('docs/facts.md: each entry has one status and a source, and its internal links resolve', () => {
    const text = fs.readFileSync(factsFile, 'utf8');
    assert.ok(entries.size >= 40, `only ${entries.size} entries`);
    for (const [, anchor] of text.matchAll(/\]\(#([^)]+)\)/g)) assert.ok(entries.has(anchor), `broken link #${anchor}`);
    // Public sources only: no local paths of the team's notes.
    assert.doesNotMatch(text, /FACTS|ops-extract|\/work\/|swagger-2018\.json/);
  });

  it('every rule\'s findings on a corpus that triggers each rule', async () => {
    const inputs: [string, string][] = [...CORPUS];
    for (const f of [...filesUnder(path.join(root, 'examples'), (p) => /\.(http|rest|json|js|ts)$/.test(p)), ...filesUnder(path.join(root, 'test', 'fixtures', 'sources'), () => true)]) {
      inputs.push([path.relative(root, f), fs.readFileSync(f, 'utf8')]);
    }
    const sources: [string, SourceRef][] = [];
    const fired = new Set<string>();
    for (const [name, text] of inputs) {
      const r = await lintText(name, text, { catalog });
      for (const f of r.findings) {
        fired.add(f.rule);
        sources.push([`${name}: ${f.rule} "${f.message.slice(0, 60)}"`, f.source]);
      }
    }
    const silent = RULES.map((r) => r.id).filter((id) => !fired.has(id));
    assert.deepStrictEqual(silent, [], 'the corpus must make every rule report at least once');
    assertAll(sources);
  });

  it('sources rules share: scope format, permission names, regions', () => {
    assertAll([['SCOPE_FORMAT_SOURCE', SCOPE_FORMAT_SOURCE], ['FACTS_PERMISSIONS_SOURCE', FACTS_PERMISSIONS_SOURCE], ['REGION_SOURCE', REGION_SOURCE]]);
  });

  it('the live checks\' SRC table and the token report\'s sources', () => {
    assertAll([...Object.entries(SRC), ...Object.entries(TOKEN_SOURCES)].map(([k, s]) => [k, s] as [string, SourceRef]));
  });

  it('knowledge: the scope registries and the folklore table', () => {
    const offline = defaultScopeRegistry();
    const live = fromLiveScopes({ total: 1, entities: [{ id: 'conversations' }] }, 'us_east_1');
    const swagger = acceptScopesFromSwagger(offline, { paths: { '/x': { get: { security: [{ 'PureCloud OAuth': ['users'] }] } } } }, 'my-swagger.json');
    assertAll([
      ...[offline, live, swagger].flatMap((r) => r.names().map((n) => [`scope ${n}`, r.get(n)!.source] as [string, SourceRef])),
      ...FOLKLORE.map((e) => [`folklore ${e.kind} ${e.name}`, e.source] as [string, SourceRef]),
    ]);
  });

  it('the curated catalog facts of every operation', () => {
    const sources: [string, SourceRef][] = [];
    for (const op of catalog.operations()) {
      for (const key of ['permissions', 'scopes', 'errorCodes', 'requiresUserContext', 'requiresStation', 'singleDestination'] as const) {
        const s = op[key]?.source;
        if (s) sources.push([`${op.id}.${key}`, s]);
      }
    }
    assert.ok(sources.some(([w]) => w === 'postConversationsCalls.requiresUserContext'));
    assertAll(sources);
  });

  it('explain: every known code and the answers for unknown codes and invented shapes', () => {
    assertAll([
      ...KNOWN_CODES.map((c) => [`code ${c.code}`, c.source] as [string, SourceRef]),
      ['unknown code', explainError('HTTP/1.1 400\n\n{"code":"no.such.code","message":"x","status":400}').source],
      ['invented shape', explainError('HTTP/1.1 403\n\n{"errors":[{"code":"forbidden"}]}').source],
      ['no body', explainError('HTTP/1.1 502').source],
    ]);
  });

  it('every docs/facts.md#<anchor> written anywhere in src, docs, data, README.md and examples exists', () => {
    const files = ['src', 'docs', 'data', 'examples', 'scripts'].flatMap((d) => filesUnder(path.join(root, d), (p) => !p.includes(`${path.sep}node_modules${path.sep}`)));
    files.push(path.join(root, 'README.md'));
    const broken: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const rel = path.relative(root, f);
      for (const m of text.matchAll(/(?:docs\/|\.\.\/|\()facts\.md#([a-z0-9-]+)/g)) if (!entries.has(m[1])) broken.push(`${rel}: #${m[1]}`);
    }
    assert.deepStrictEqual(broken, []);
  });
});

describe('facts reference: nothing cites the internal research notes', () => {
  it('no "FACTS.md" in src/, docs/, data/, scripts/catalog/ or README.md', () => {
    const files = [
      ...['src', 'docs', 'data', path.join('scripts', 'catalog')].flatMap((d) => filesUnder(path.join(root, d), () => true)),
      path.join(root, 'README.md'),
    ];
    assert.ok(files.length > 100);
    const hits = files.filter((f) => fs.readFileSync(f, 'utf8').includes('FACTS.md')).map((f) => path.relative(root, f));
    assert.deepStrictEqual(hits, []);
  });
});

describe('facts reference: the links hovers and the panel build', () => {
  it('parses docs/facts.md#<anchor> with or without a place after it, and nothing else', () => {
    assert.deepStrictEqual(parseFactsRef('docs/facts.md#calls-permissions'), { anchor: 'calls-permissions' });
    assert.deepStrictEqual(parseFactsRef('docs/facts.md#swagger-2018 paths["/x"].get x-inin-error-codes'), { anchor: 'swagger-2018', detail: 'paths["/x"].get x-inin-error-codes' });
    for (const bad of ['FACTS.md §3.1', 'docs/facts.md', 'docs/facts.md#', 'docs/facts.md#Bad_Anchor', 'x docs/facts.md#calls-permissions']) assert.strictEqual(parseFactsRef(bad), undefined, bad);
  });

  it('a hover source is a command: link to Open Facts Reference with the anchor as its argument', () => {
    const md = findingMarkdown({ rule: 'r', severity: 'error', message: 'm', range: ZERO_RANGE, fixes: [], source: { ref: 'docs/facts.md#operation-scopes', verified: false } });
    const link = `command:${OPEN_FACTS_COMMAND}?${encodeURIComponent(JSON.stringify(['operation-scopes']))}`;
    assert.ok(md.includes(`[docs/facts.md#operation-scopes](${link} `), md);
    assert.match(md, /— \*\*unverified\*\*$/);
    assert.strictEqual(factsCommandLink('operation-scopes'), link);
  });
});
