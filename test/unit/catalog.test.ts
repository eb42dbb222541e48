import * as assert from 'assert';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import type { Operation } from '../../src/core/catalog/types';
import { pathSegments } from '../../src/core/catalog/pathIndex';
import { isSdkMethod, sdkMethodNames } from '../../src/core/catalog/sdkMethods';

const catalog = defaultCatalog();

function instantiate(template: string, value: (name: string) => string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => value(name));
}

describe('catalog: operations from the SDK', () => {
  it('has every SDK operation once (3,468 callApi sites, some generated into several API classes)', () => {
    assert.strictEqual(catalog.manifest.callApiSites, 3468);
    assert.strictEqual(catalog.manifest.sdkVersion, '262.0.0');
    const ops = catalog.operations();
    assert.strictEqual(ops.length, catalog.manifest.operationCount);
    assert.ok(ops.length > 3000, `only ${ops.length} operations`);
    assert.strictEqual(new Set(ops.map((o) => o.id)).size, ops.length);
    assert.strictEqual(new Set(ops.map((o) => `${o.method} ${o.path}`)).size, ops.length);
    const search = catalog.byId('getUsersSearch')!;
    assert.deepStrictEqual(search.groups, ['Search', 'Users']);
    assert.strictEqual(search.group, 'Users');
  });

  it('postConversationsCalls: CreateCallRequest -> CreateCallResponse, curated ANY conversation:conference:add, scopes unknown', () => {
    const op = catalog.byId('postConversationsCalls')!;
    assert.strictEqual(op.method, 'POST');
    assert.strictEqual(op.path, '/api/v2/conversations/calls');
    assert.strictEqual(op.group, 'Conversations');
    assert.strictEqual(op.summary, 'Create a call conversation');
    assert.strictEqual(op.bodyModel, 'CreateCallRequest');
    assert.strictEqual(op.bodyRequired, true);
    assert.strictEqual(op.returnModel, 'CreateCallResponse');
    assert.strictEqual(op.permissions?.type, 'ANY');
    assert.deepStrictEqual(op.permissions?.permissions, ['conversation:conference:add']);
    assert.strictEqual(op.permissions?.source.verified, true);
    assert.strictEqual(op.permissions!.source.ref, 'docs/facts.md#sdk-permission-docs ConversationsApi.md#postConversationsCalls');
    assert.strictEqual(op.scopes?.scopes, null);
    assert.strictEqual(op.scopes?.source.verified, false);
    assert.strictEqual(op.requiresUserContext?.value, true);
    assert.match(op.requiresUserContext!.source.ref, /swagger-2018.*not\.a\.user/);
    assert.strictEqual(op.requiresStation?.value, true);
    assert.strictEqual(op.singleDestination?.value, true);
    assert.ok(op.errorCodes?.codes['400']['not.a.user']);
    assert.strictEqual(op.fieldOrigins?.permissions, 'curated');
  });

  it('on-behalf call: its own permissions, and the client-credentials question marked unverified', () => {
    const op = catalog.byId('postConversationsCallsUserUserId')!;
    assert.strictEqual(op.path, '/api/v2/conversations/calls/user/{userId}');
    assert.deepStrictEqual(op.permissions?.permissions, ['conversation:agentlessCall:add', 'conversation:call:add']);
    assert.strictEqual(op.requiresUserContext?.source.verified, false);
    assert.strictEqual(op.errorCodes, undefined, 'not in the 2018 spec, so no documented error codes');
  });

  it('keeps query parameter types and JSDoc descriptions (getUsersMe)', () => {
    const op = catalog.byId('getUsersMe')!;
    assert.match(op.description ?? '', /not valid when using the Client Credentials OAuth grant/);
    const expand = op.params.find((p) => p.name === 'expand')!;
    assert.deepStrictEqual({ in: expand.in, type: expand.type, required: expand.required, cf: expand.collectionFormat },
      { in: 'query', type: 'Array<string>', required: false, cf: 'multi' });
    assert.strictEqual(expand.description, 'Which fields, if any, to expand.', 'opts.* JSDoc descriptions are kept');
    const user = catalog.byId('getUser')!.params.find((p) => p.name === 'userId')!;
    assert.deepStrictEqual({ in: user.in, type: user.type, required: user.required }, { in: 'path', type: 'string', required: true });
  });

  it('marks deprecated operations from the JSDoc', () => {
    assert.strictEqual(catalog.byId('getAuthorizationDivisionspermittedMe')?.deprecated, true);
    assert.strictEqual(catalog.byId('getAuthorizationDivisionspermittedPagedMe')?.deprecated, undefined);
  });

  it('states on every operation that scopes are unknown from the SDK, and why', () => {
    const op = catalog.byId('getRoutingWrapupcodes')!;
    assert.strictEqual(op.scopes?.scopes, null);
    assert.strictEqual(op.scopes!.source.ref, 'docs/facts.md#operation-scopes'); // the entry says why
    assert.ok(catalog.operations().every((o) => o.scopes && o.scopes.scopes === null));
  });

  it('knows curated permissions', () => {
    const perms = catalog.knownPermissions();
    for (const p of ['conversation:conference:add', 'conversation:call:add', 'telephony:plugin:all', 'routing:queue:view']) assert.ok(perms.has(p), p);
    assert.ok(!perms.has('conversation:call:write'));
  });

  it('lists SDK methods, so calls to undefined ones can be flagged', () => {
    const classes = catalog.sdkClasses!();
    const client = classes.get('ApiClientClass')!;
    for (const m of ['loginClientCredentialsGrant', 'setEnvironment', 'setAccessToken', 'setPersistSettings', 'loginPKCEGrant']) {
      assert.ok(client.methods.includes(m), m);
    }
    assert.ok(!client.methods.includes('setScopes'));
    assert.ok(classes.get('ConversationsApi')!.methods.includes('postConversationsCalls'));
    assert.ok(classes.get('UsersApi')!.methods.includes('getUsersMe'));
    assert.ok(!classes.get('UsersApi')!.methods.includes('getUserPermissions'));
    assert.strictEqual(isSdkMethod(catalog, 'ApiClient', 'setScopes'), false);
    assert.strictEqual(isSdkMethod(catalog, 'ApiClient.instance', 'loginSaml2BearerGrant'), true, 'implemented in ApiClient.js though not declared in index.d.ts');
    assert.strictEqual(isSdkMethod(catalog, 'NoSuchApi', 'x'), undefined);
    assert.ok(sdkMethodNames(catalog, 'ApiClient').includes('setAccessToken'));
  });
});

describe('catalog: CreateCallRequest schema', () => {
  const schema = catalog.schema('CreateCallRequest') as {
    $schema: string; $id: string; title: string; type: string; additionalProperties?: unknown;
    properties: Record<string, Record<string, unknown>>; definitions: Record<string, { properties: Record<string, unknown> }>;
  };

  it('has exactly the 16 fields of FACTS §3.3', () => {
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), [
      'attributes', 'callFromQueueId', 'callQueueId', 'callUserId', 'callerId', 'callerIdName', 'conversationIds',
      'externalContactId', 'label', 'languageId', 'participants', 'phoneNumber', 'priority', 'routingSkillExpression',
      'routingSkillsIds', 'uuiData',
    ]);
  });

  it('has the right types, nested Destination and no additionalProperties assertion', () => {
    const p = schema.properties;
    assert.deepStrictEqual(p.priority.type, 'number');
    assert.deepStrictEqual(p.attributes.type, 'object');
    assert.deepStrictEqual(p.attributes.additionalProperties, { type: 'string' });
    assert.deepStrictEqual(p.routingSkillsIds.items, { type: 'string' });
    assert.strictEqual(p.routingSkillsIds.type, 'array');
    assert.deepStrictEqual(p.participants.items, { $ref: '#/definitions/Destination' });
    assert.deepStrictEqual(Object.keys(schema.definitions), ['Destination']);
    assert.deepStrictEqual(Object.keys(schema.definitions.Destination.properties).sort(), ['address', 'name', 'queueId', 'userId']);
    assert.strictEqual(schema.additionalProperties, undefined);
    assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.strictEqual(schema.$id, 'genesys-call-doctor://schemas/CreateCallRequest.json');
    assert.strictEqual(schema.title, 'CreateCallRequest');
  });

  it('carries the curated field descriptions with their source', () => {
    assert.strictEqual(schema.properties.phoneNumber.description, 'The phone number to dial.');
    // The entry names platform-client-sdk-python build/docs/CreateCallRequest.md (v258).
    assert.deepStrictEqual(schema['x-description-source' as keyof typeof schema], { ref: 'docs/facts.md#create-call-request', verified: true });
  });

  it('is self-contained for every body model', () => {
    const names = catalog.modelNames();
    assert.ok(names.length > 1000);
    for (const op of catalog.operations()) {
      const model = op.bodyModel ?? op.bodyItemModel;
      if (!model) continue;
      const s = catalog.schema(model) as { definitions?: Record<string, unknown> };
      assert.ok(s, `no schema for ${model} (${op.id})`);
      const refs = JSON.stringify(s).match(/#\/definitions\/[A-Za-z0-9_]+/g) ?? [];
      for (const r of refs) assert.ok(s.definitions?.[r.slice(14)], `${model}: dangling ${r}`);
    }
    assert.strictEqual(catalog.schema('NoSuchModel'), undefined);
  });
});

describe('catalog: path lookup', () => {
  const ops = catalog.operations();

  function expectResolves(op: Operation, url: string, expectParams?: Record<string, string>): void {
    const r = catalog.lookup(op.method, url);
    assert.strictEqual(r.match?.operation.id, op.id, `${op.method} ${url} resolved to ${r.match?.operation.id ?? 'nothing'}`);
    if (expectParams) assert.deepStrictEqual(r.match!.params, expectParams);
  }

  it('resolves every operation template instantiated with sample values back to itself', () => {
    for (const op of ops) {
      const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const params = Object.fromEntries(names.map((n) => [n, `id-1`]));
      expectResolves(op, instantiate(op.path, () => 'id-1'), params);
    }
  });

  it('... and with a query string, trailing slash, {{baseUrl}} prefix, absolute URL or {{var}} segments', () => {
    for (const op of ops) {
      const concrete = instantiate(op.path, () => 'id-1');
      expectResolves(op, `${concrete}?pageSize=25&x=%2F#frag`);
      expectResolves(op, `${concrete}/`);
      expectResolves(op, `{{baseUrl}}${concrete}`);
      expectResolves(op, `https://api.mypurecloud.ie${concrete}`);
      const vars = instantiate(op.path, (n) => `{{${n}}}`);
      const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expectResolves(op, vars, Object.fromEntries(names.map((n) => [n, `{{${n}}}`])));
    }
  });

  it('prefers literal segments over parameters', () => {
    assert.strictEqual(catalog.lookup('POST', '/api/v2/conversations/calls/user/abc').match?.operation.id, 'postConversationsCallsUserUserId');
    const r = catalog.lookup('POST', '/api/v2/conversations/calls/abc');
    assert.strictEqual(r.match?.operation.id, 'postConversationsCall');
    assert.deepStrictEqual(r.match?.params, { conversationId: 'abc' });
    assert.strictEqual(catalog.lookup('GET', '/api/v2/users/me').match?.operation.id, 'getUsersMe');
    assert.strictEqual(catalog.lookup('GET', '/api/v2/users/{{userId}}').match?.operation.id, 'getUser');
    assert.strictEqual(catalog.lookup('GET', '/api/v2/users/:userId').match?.operation.id, 'getUser');
    assert.strictEqual(catalog.lookup('GET', '/api/v2/users/{userId}').match?.operation.id, 'getUser');
  });

  it('percent-decodes segments and accepts paths relative to /api/v2', () => {
    const r = catalog.lookup('get', 'https://api.mypurecloud.com/api/v2/users/a%20b?expand=authorization');
    assert.strictEqual(r.match?.operation.id, 'getUser');
    assert.deepStrictEqual(r.match?.params, { userId: 'a b' });
    assert.strictEqual(catalog.lookup('GET', 'users/me').match?.operation.id, 'getUsersMe');
    assert.strictEqual(catalog.lookup('GET', '{{host}}/api/v2/tokens/me').match?.operation.id, 'getTokensMe');
    assert.strictEqual(catalog.lookup('POST', 'https://{{host}}/api/v2/conversations/calls').match?.operation.id, 'postConversationsCalls');
    assert.strictEqual(catalog.lookup('POST', '  {{baseUrl}}/conversations/calls ').match?.operation.id, 'postConversationsCalls', 'base URL ending in /api/v2');
  });

  it('reports other methods on the same path when the method is wrong', () => {
    const r = catalog.lookup('GET', '/api/v2/conversations/calls/user/abc');
    assert.strictEqual(r.match, undefined);
    assert.deepStrictEqual(r.otherMethods.map((o) => o.id), ['postConversationsCallsUserUserId']);
    assert.deepStrictEqual(r.suggestions, []);
  });

  it('suggests close paths only when nothing matches', () => {
    const r = catalog.lookup('POST', '/api/v2/conversation/calls');
    assert.strictEqual(r.match, undefined);
    assert.strictEqual(r.suggestions[0]?.id, 'postConversationsCalls');
    assert.ok(r.suggestions.length <= 5);
    const none = catalog.lookup('GET', '/api/v2/users/abc/permissions');
    assert.strictEqual(none.match, undefined);
    assert.ok(none.suggestions.every((o) => o.path.startsWith('/api/v2/users/')), none.suggestions.map((o) => o.path).join());
  });

  it('splits URLs into decoded path segments', () => {
    assert.deepStrictEqual(pathSegments('{{baseUrl}}/api/v2//users/me/?a=1#x'), ['api', 'v2', 'users', 'me']);
    assert.deepStrictEqual(pathSegments('api.mypurecloud.com/api/v2/users'), ['api', 'v2', 'users']);
    assert.deepStrictEqual(pathSegments('//api.example/api/v2/x%2Fy'), ['api', 'v2', 'x/y']);
  });
});
