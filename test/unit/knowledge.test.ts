import * as assert from 'assert';
import * as fs from 'fs';
import { FOLKLORE, folkloreEndpoint, folkloreField, folkloreScope, folkloreSdkMethod } from '../../src/core/knowledge/folklore';
import { FACTS_PERMISSIONS, isKnownPermission, offlinePermissions, withLivePermissions } from '../../src/core/knowledge/permissions';
import {
  acceptScopesFromSwagger, classifyScope, defaultScopeRegistry, fromLiveScopes, OFFLINE_SCOPES, scopesFromSwagger, splitScopeParam,
} from '../../src/core/knowledge/scopes';
import { lint, only } from './rulesSupport';
import { SWAGGER_2018_FILE } from './sharedDocs';

const perms = offlinePermissions();
const isPerm = (p: string) => perms.has(p);

const FOLKLORE_SCOPES = ['outbound:campaign:execute', 'outbound:campaign:write', 'outbound:contactlist:read', 'outbound:contact:write',
  'conversations:read', 'conversations:write', 'calls:view', 'calls:modify', 'callcenter:outboundcalls:modify',
  'calls:outbound', 'calls:manage', 'conversation:write', 'user:read', 'call:outbound:initiate', 'conversations:call:create',
  'conversation:call:write', 'view:myprofile', 'agent:login', 'analytics:view', 'report:execute', 'conversations:call:add',
  'conversations:call:control', 'users:manage', 'routing:queue:view', 'scheduling:manage'];

describe('knowledge: scopes', () => {
  it('the offline registry has the FACTS §2.3 names, all verified:false', () => {
    const reg = defaultScopeRegistry();
    assert.strictEqual(OFFLINE_SCOPES.length, 46 * 2 + 5 + 3);
    for (const s of ['conversations', 'conversations:readonly', 'outbound', 'audits:readonly', 'user-basic-info', 'workforce-management:readonly']) {
      assert.strictEqual(reg.get(s)?.source.verified, false, s);
    }
    assert.ok(!reg.has('audits'), 'audits is readonly-only');
    assert.ok(!reg.has('notifications:readonly'), 'notifications has no readonly variant');
  });

  it('classifies: known, is-permission, folklore, permission-shaped, unknown', () => {
    assert.strictEqual(classifyScope('users:readonly', isPerm).kind, 'known');
    assert.strictEqual(classifyScope('outbound:campaign:view', isPerm).kind, 'is-permission');
    const lore = classifyScope('calls:outbound', isPerm);
    assert.strictEqual(lore.kind, 'folklore');
    assert.match(lore.folklore!.why, /forum\.sggu\.com/);
    const shaped = classifyScope('outbound:dialer:start', isPerm);
    assert.strictEqual(shaped.kind, 'unknown-permission-shaped');
    assert.deepStrictEqual(shaped.suggestions, ['outbound', 'outbound:readonly']);
    assert.strictEqual(classifyScope('telephony:magic', isPerm).kind, 'unknown');
    assert.strictEqual(classifyScope('routing:queue:view', new Set(['routing:queue:view'])).kind, 'is-permission');
    assert.strictEqual(classifyScope('outbound:campaign:write', isPerm).shape, 'permission');
  });

  it('acceptance: every real scope in the registry is accepted and every folklore scope is flagged (through lint)', async () => {
    const head = 'POST https://login.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=authorization_code&scope=';
    const real = await lint(head + OFFLINE_SCOPES.join(' '));
    assert.deepStrictEqual(real.findings.filter((f) => f.rule.startsWith('scope.')), []);
    const fake = await lint(head + FOLKLORE_SCOPES.join(' '));
    const flagged = fake.findings.filter((f) => f.rule === 'scope.unknown' || f.rule === 'scope.is-permission');
    assert.strictEqual(flagged.length, FOLKLORE_SCOPES.length);
    assert.deepStrictEqual(only(fake, 'scope.is-permission').length, 1, 'routing:queue:view is a real permission used as a scope');
    for (const s of FOLKLORE_SCOPES) assert.ok(folkloreScope(s), `folklore entry for ${s}`);
  });

  it('Swagger scopes count only from the "PureCloud OAuth" scheme and become verified', () => {
    const doc = {
      securityDefinitions: { 'PureCloud OAuth': { scopes: { 'brand-new': 'x' } } },
      paths: { '/a': { get: { security: [{ 'PureCloud OAuth': ['conversations', 'extra:readonly'] }] } }, '/b': { get: { security: [{ 'PureCloud Auth': ['all'] }] } } },
    };
    assert.deepStrictEqual(scopesFromSwagger(doc).sort(), ['brand-new', 'conversations', 'extra:readonly']);
    const reg = acceptScopesFromSwagger(defaultScopeRegistry(), doc, 'live.json');
    assert.strictEqual(reg.get('conversations')?.source.verified, true);
    assert.strictEqual(reg.get('users')?.source.verified, false);
    assert.ok(!reg.has('all'));
  });

  it('the 2018 Swagger (security "PureCloud Auth": ["all"]) adds no scope', function () {
    if (!fs.existsSync(SWAGGER_2018_FILE)) this.skip();
    assert.deepStrictEqual(scopesFromSwagger(JSON.parse(fs.readFileSync(SWAGGER_2018_FILE, 'utf8'))), []);
  });

  it('fromLiveScopes builds an authoritative registry and rejects other shapes', () => {
    const reg = fromLiveScopes({ total: 2, entities: [{ id: 'users' }, { id: 'conversations' }] }, 'us_east_1');
    assert.ok(reg.authoritative);
    assert.deepStrictEqual(reg.names(), ['users', 'conversations']);
    assert.strictEqual(reg.get('users')?.source.ref, 'docs/facts.md#scope-list-live us_east_1');
    assert.throws(() => fromLiveScopes({ nope: 1 }), /OAuthScopeListing/);
  });

  it('splitScopeParam splits on spaces, + and %20 and decodes', () => {
    assert.deepStrictEqual(splitScopeParam('a b+c%20d%3Areadonly'), [
      { name: 'a', start: 0, end: 1 }, { name: 'b', start: 2, end: 3 }, { name: 'c', start: 4, end: 5 }, { name: 'd:readonly', start: 8, end: 20 },
    ]);
  });
});

describe('knowledge: folklore table', () => {
  it('covers the FACTS §0 inventions and the brief\'s endpoints, fields, SDK method and headers', () => {
    assert.match(folkloreEndpoint('GET', '/api/v2/users/abc/permissions')!.truth, /authorization\/subjects/);
    assert.match(folkloreEndpoint('get', '/api/v2/outbound/routes/')!.truth, /telephony\/providers\/edges\/outboundroutes/);
    assert.strictEqual(folkloreEndpoint('POST', '/api/v2/users/abc/permissions'), undefined);
    assert.match(folkloreSdkMethod('setScopes')!.truth, /configured on the OAuth client/);
    for (const f of ['to', 'to[].phoneNumber', 'from', 'from.id', 'from.phoneNumber', 'from.name', 'type', 'callType', 'metadata', 'metadata.outbound.campaignId', 'routing', 'routing.userId', 'agentId']) {
      assert.ok(folkloreField('CreateCallRequest', f), f);
    }
    assert.match(folkloreField('CreateCallRequest', 'from.phoneNumber')!.truth, /`callerId`/);
    assert.match(folkloreField('CreateCallRequest', 'from.name')!.truth, /`callerIdName`/);
    assert.strictEqual(folkloreField('Destination', 'to'), undefined);
    const names = FOLKLORE.map((e) => e.name);
    for (const n of ['x-genesys-user-id', 'impersonation', 'insufficient_scope', 'errors[].code=forbidden', 'JWT claims']) assert.ok(names.includes(n), n);
  });

  it('every entry has a truth, a reason and a source; scope truths are marked unverified', () => {
    for (const e of FOLKLORE) {
      assert.ok(e.truth && e.why && e.source.ref, e.name);
      if (e.kind === 'scope') assert.strictEqual(e.source.verified, false, e.name);
    }
  });
});

describe('knowledge: permissions', () => {
  it('knows the FACTS permissions and the catalog\'s, and layers a live list', () => {
    assert.ok(FACTS_PERMISSIONS.includes('conversation:agentlessCall:add'));
    assert.ok(isKnownPermission('outbound:campaign:delete'));
    assert.ok(!isKnownPermission('outbound:campaign:write'));
    const withCat = offlinePermissions(new Set(['foo:bar:baz']));
    assert.ok(withCat.has('foo:bar:baz') && !withCat.live);
    const live = withLivePermissions(['new:thing:view'], withCat);
    assert.ok(withLivePermissions(['x:y:z']).has('outbound:campaign:view'));
    assert.ok(live.live && live.has('new:thing:view') && live.has('telephony:plugin:all'));
  });
});
