// Test helpers for the rule tests: a small in-memory Catalog built from
// FACTS.md §3/§5 operations and CreateCallRequest, plus lint shortcuts.
import type { Catalog, LookupResult } from '../../src/core/catalog/api';
import type { JsonSchema, Operation } from '../../src/core/catalog/types';
import { sdkMethodIndex } from '../../src/core/knowledge/sdkMethods';
import { lintParsed } from '../../src/core/lint';
import type { FileLintResult, LintOptions } from '../../src/core/lintTypes';
import { parseDocument } from '../../src/core/sources';
import { createDocument } from '../../src/core/text';
import type { Finding, TextEdit } from '../../src/core/types';

const SRC = { ref: 'test fixture (FACTS.md §3)', verified: true };

function op(id: string, method: Operation['method'], path: string, extra: Partial<Operation> = {}): Operation {
  return { id, method, path, group: 'Test', params: [], origin: 'test', ...extra };
}

export const OPS: Operation[] = [
  op('postConversationsCalls', 'POST', '/api/v2/conversations/calls', {
    bodyModel: 'CreateCallRequest',
    permissions: { type: 'ANY', permissions: ['conversation:conference:add'], source: SRC },
    requiresUserContext: { value: true, source: { ref: 'swagger-2018 x-inin-error-codes 400 not.a.user', verified: true } },
    singleDestination: { value: true, source: { ref: 'swagger-2018 too.many.create.conversation.parameters', verified: true } },
    errorCodes: { codes: { 400: { 'not.a.user': 'This request requires a user context. Client credentials cannot be used for requests to this resource.' } }, source: SRC },
  }),
  op('postConversationsCallsUserUserId', 'POST', '/api/v2/conversations/calls/user/{userId}', {
    bodyModel: 'CreateCallRequest',
    permissions: { type: 'ANY', permissions: ['conversation:agentlessCall:add', 'conversation:call:add'], source: SRC },
  }),
  op('getConversationsCalls', 'GET', '/api/v2/conversations/calls'),
  op('getConversationsCall', 'GET', '/api/v2/conversations/calls/{conversationId}'),
  op('getUsersMe', 'GET', '/api/v2/users/me', { requiresUserContext: { value: true, source: { ref: 'SDK docs getUsersMe', verified: true } } }),
  op('getUser', 'GET', '/api/v2/users/{userId}'),
  op('getUserRoles', 'GET', '/api/v2/users/{subjectId}/roles', { permissions: { type: 'ANY', permissions: ['authorization:grant:view'], source: SRC } }),
  op('getAuthorizationSubject', 'GET', '/api/v2/authorization/subjects/{subjectId}'),
  op('getTelephonyProvidersEdgesOutboundroutes', 'GET', '/api/v2/telephony/providers/edges/outboundroutes', { permissions: { type: 'ANY', permissions: ['telephony:plugin:all'], source: SRC } }),
  op('getOutboundCampaigns', 'GET', '/api/v2/outbound/campaigns', { permissions: { type: 'ANY', permissions: ['outbound:campaign:view'], source: SRC } }),
  op('getTokensMe', 'GET', '/api/v2/tokens/me'),
  op('postOauthClients', 'POST', '/api/v2/oauth/clients', { bodyModel: 'OAuthClientRequest' }),
];

const SCHEMAS: Record<string, JsonSchema> = {
  CreateCallRequest: {
    type: 'object',
    properties: {
      phoneNumber: { type: 'string' }, callerId: { type: 'string' }, callerIdName: { type: 'string' },
      callFromQueueId: { type: 'string' }, callQueueId: { type: 'string' }, callUserId: { type: 'string' },
      priority: { type: 'integer' }, attributes: { type: 'object', additionalProperties: { type: 'string' } },
      languageId: { type: 'string' }, routingSkillsIds: { type: 'array', items: { type: 'string' } },
      routingSkillExpression: { type: 'string' }, conversationIds: { type: 'array', items: { type: 'string' } },
      participants: { type: 'array', items: { $ref: '#/definitions/Destination' } },
      uuiData: { type: 'string' }, externalContactId: { type: 'string' }, label: { type: 'string' },
    },
    additionalProperties: false,
    definitions: {
      Destination: { type: 'object', properties: { address: { type: 'string' }, name: { type: 'string' }, userId: { type: 'string' }, queueId: { type: 'string' } }, additionalProperties: false },
    },
  },
  OAuthClientRequest: {
    type: 'object',
    properties: { name: { type: 'string' }, scope: { type: 'array', items: { type: 'string' } }, authorizedGrantType: { type: 'string', enum: ['CODE', 'TOKEN', 'SAML2BEARER', 'PASSWORD', 'CLIENT-CREDENTIALS'] } },
  },
};

function segments(p: string): string[] { return p.replace(/\/+$/, '').split('/'); }

function matches(template: string, path: string): Record<string, string> | undefined {
  const t = segments(template), s = segments(path);
  if (t.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    if (t[i].startsWith('{')) params[t[i].slice(1, -1)] = s[i];
    else if (t[i] !== s[i] && !s[i].includes('{{')) return undefined;
  }
  return params;
}

export function fakeCatalog(ops: Operation[] = OPS): Catalog & { lookups: number } {
  const cat = {
    lookups: 0,
    manifest: { sdkVersion: '262.0.0', operationCount: ops.length, modelCount: Object.keys(SCHEMAS).length, generator: 'test' },
    operations: () => ops,
    byId: (id: string) => ops.find((o) => o.id === id),
    lookup(method: string, url: string): LookupResult {
      cat.lookups++;
      const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\{\{[^}]+\}\}/, '').replace(/[?#].*$/, '');
      const same = ops.map((o) => ({ o, params: matches(o.path, path) })).filter((x) => x.params);
      const exact = same.find((x) => x.o.method === method.toUpperCase());
      if (exact) return { match: { operation: exact.o, params: exact.params! }, otherMethods: [], suggestions: [] };
      const prefix = (o: Operation) => segments(o.path).filter((s, i) => segments(path)[i] === s).length;
      return { otherMethods: same.map((x) => x.o), suggestions: [...ops].sort((a, b) => prefix(b) - prefix(a)).slice(0, 3) };
    },
    schema: (model: string) => SCHEMAS[model],
    modelNames: () => Object.keys(SCHEMAS),
    knownPermissions: () => new Set(ops.flatMap((o) => o.permissions?.permissions ?? [])),
  };
  return cat;
}

/** A small SDK method list in the shape of data/catalog/sdk-methods.json. */
export const TEST_SDK = sdkMethodIndex({
  _meta: { source: 'test sdk-methods' },
  classes: {
    ApiClientClass: { methods: ['loginClientCredentialsGrant', 'setEnvironment', 'setAccessToken', 'loginPKCEGrant', 'loginImplicitGrant'] },
    ConversationsApi: { methods: ['postConversationsCalls', 'postConversationsCallsUserUserId', 'getConversationsCalls'] },
    UsersApi: { methods: ['getUsersMe', 'getUser'] },
  },
});

export const catalog = fakeCatalog();

export async function lint(text: string, path = 'test.http', options: Partial<LintOptions> = {}): Promise<FileLintResult> {
  const cat = options.catalog ?? catalog;
  const parsed = await parseDocument(createDocument(path, text), { catalog: cat, ...options });
  return lintParsed(parsed, { catalog: cat, knowledge: { sdkMethods: TEST_SDK, ...options.knowledge } });
}

export function only(result: FileLintResult, rule: string): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

/** Text of a range of `text` (0-based lines/characters). */
export function textAt(text: string, f: { range: Finding['range'] }): string {
  const doc = createDocument('x', text);
  return text.slice(doc.offsetAt(f.range.start), doc.offsetAt(f.range.end));
}

/** Applies edits (non-overlapping) to text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = createDocument('x', text);
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, doc.offsetAt(e.range.start)) + e.newText + out.slice(doc.offsetAt(e.range.end));
  return out;
}
