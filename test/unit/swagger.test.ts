import * as assert from 'assert';
import * as fs from 'fs';
import { indexSwagger, SwaggerError, type SwaggerIndex } from '../../src/core/catalog/swagger';
import { loadCatalog } from '../../src/core/catalog/catalog';
import { SWAGGER_2018_FILE as swagger2018File } from './sharedDocs';

/** A small Genesys-shaped document in the current style (scheme "PureCloud OAuth"). */
function syntheticDoc(): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'synthetic', version: 'v2' },
    securityDefinitions: { 'PureCloud OAuth': { type: 'oauth2' } },
    paths: {
      '/api/v2/conversations/calls': {
        post: {
          operationId: 'postConversationsCalls',
          tags: ['Conversations'],
          summary: 'Create a call conversation',
          parameters: [{ in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/CreateCallRequest' } }],
          responses: {
            '200': { schema: { $ref: '#/definitions/CreateCallResponse' } },
            '400': { 'x-inin-error-codes': { 'not.a.user': 'This request requires a user context.' } },
          },
          security: [{ 'PureCloud OAuth': ['conversations'] }],
          'x-inin-requires-permissions': { type: 'ANY', permissions: ['conversation:conference:add'] },
        },
      },
      '/api/v2/widgets/{widgetId}': {
        parameters: [{ name: 'widgetId', in: 'path', required: true, type: 'string' }],
        put: {
          operationId: 'putWidget',
          tags: ['Widgets'],
          parameters: [
            { $ref: '#/parameters/mode' },
            { in: 'body', name: 'body', schema: { $ref: '#/definitions/Widget' } },
          ],
          responses: { '200': { schema: { $ref: '#/definitions/Widget' } } },
          security: [{ 'PureCloud OAuth': ['widgets', 'widgets:readonly'] }],
          'x-inin-requires-permissions': { type: 'ALL', permissions: ['widgets:widget:edit'] },
        },
      },
      '/api/v2/users/me': {
        get: {
          operationId: 'getUsersMe',
          parameters: [{ name: 'expand', in: 'query', type: 'array', items: { type: 'string', enum: ['authorization', 'station'] }, collectionFormat: 'multi' }],
          responses: { '200': { schema: { $ref: '#/definitions/UserMe' } } },
          security: [{ 'PureCloud OAuth': ['users', 'users:readonly'] }],
        },
      },
    },
    parameters: { mode: { name: 'mode', in: 'query', type: 'string', enum: ['fast', 'slow'] } },
    definitions: {
      Widget: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, parts: { type: 'array', items: { $ref: '#/definitions/WidgetPart' } } } },
      WidgetPart: { type: 'object', properties: { size: { type: 'integer', format: 'int32' }, child: { $ref: '#/definitions/WidgetPart' } } },
    },
  };
}

describe('swagger: indexing', () => {
  it('reads operations, permissions, scopes, error codes, parameters and body models', () => {
    const ix = indexSwagger(JSON.stringify(syntheticDoc()), 'synthetic');
    assert.strictEqual(ix.operations.length, 3);
    const calls = ix.operations.find((o) => o.id === 'postConversationsCalls')!;
    assert.deepStrictEqual(calls.scopes?.scopes, ['conversations']);
    assert.strictEqual(calls.scopes?.source.verified, true);
    assert.strictEqual(ix.precedence, 'override');
    assert.strictEqual(ix.predatesScopes, false);
    assert.deepStrictEqual(calls.permissions?.permissions, ['conversation:conference:add']);
    assert.strictEqual(calls.bodyModel, 'CreateCallRequest');
    assert.strictEqual(calls.returnModel, 'CreateCallResponse');
    assert.strictEqual(calls.errorCodes?.codes['400']['not.a.user'], 'This request requires a user context.');
    const widget = ix.operations.find((o) => o.id === 'putWidget')!;
    assert.deepStrictEqual(widget.params.map((p) => [p.in, p.name, p.required, p.enum]), [['path', 'widgetId', true, undefined], ['query', 'mode', false, ['fast', 'slow']]]);
    assert.strictEqual(widget.permissions?.type, 'ALL');
    assert.strictEqual(widget.bodyRequired, false);
    const me = ix.operations.find((o) => o.id === 'getUsersMe')!;
    assert.strictEqual(me.permissions?.type, 'NO');
    assert.deepStrictEqual(me.params[0].enum, ['authorization', 'station']);
    assert.strictEqual(me.params[0].type, 'Array<string>');
    assert.deepStrictEqual([...ix.permissions].sort(), ['conversation:conference:add', 'widgets:widget:edit']);
  });

  it('converts definitions to self-contained draft-07 schemas on request', () => {
    const ix = indexSwagger(syntheticDoc(), 'synthetic');
    const s = ix.schema('Widget') as { $id: string; required: string[]; definitions: Record<string, unknown> };
    assert.strictEqual(s.$id, 'genesys-call-doctor://schemas/Widget.json');
    assert.deepStrictEqual(s.required, ['name']);
    assert.deepStrictEqual(Object.keys(s.definitions), ['WidgetPart']);
    assert.strictEqual(ix.schema('Nope'), undefined);
    assert.deepStrictEqual(ix.definitionNames(), ['Widget', 'WidgetPart']);
  });

  it('rejects what is not a Swagger 2.0 document, saying why', () => {
    assert.throws(() => indexSwagger('{not json', 'x'), /not a Swagger 2.0 document: not valid JSON/);
    assert.throws(() => indexSwagger({ paths: {} }, 'x'), (e: Error) => e instanceof SwaggerError && e.message === `not a Swagger 2.0 document: missing 'swagger: "2.0"'`);
    assert.throws(() => indexSwagger({ openapi: '3.0.1', paths: {} }, 'x'), /found 'openapi: "3.0.1"'.*OpenAPI 3 is not supported/);
    assert.throws(() => indexSwagger({ swagger: '2.0' }, 'x'), /missing 'paths' object/);
    assert.throws(() => indexSwagger('[1]', 'x'), /expected a JSON object/);
  });
});

describe('swagger: overlay on the catalog', () => {
  it('a current-style document gives known scopes and wins, recording its origin', () => {
    const catalog = loadCatalog({ swagger: [indexSwagger(syntheticDoc(), 'synthetic')] });
    const op = catalog.byId('postConversationsCalls')!;
    assert.deepStrictEqual(op.scopes?.scopes, ['conversations']);
    assert.strictEqual(op.fieldOrigins?.scopes, 'swagger:synthetic');
    assert.strictEqual(op.fieldOrigins?.permissions, 'swagger:synthetic');
    assert.strictEqual(op.origin, 'sdk');
    assert.deepStrictEqual(catalog.byId('getUsersMe')!.params.find((p) => p.name === 'expand')!.enum, ['authorization', 'station']);
    // Not in the SDK: added, marked with its origin, resolvable by path, with its schema.
    const widget = catalog.lookup('PUT', '/api/v2/widgets/w1').match!;
    assert.strictEqual(widget.operation.origin, 'swagger:synthetic');
    assert.deepStrictEqual(widget.params, { widgetId: 'w1' });
    assert.ok(catalog.schema('Widget'));
    assert.ok(catalog.knownPermissions().has('widgets:widget:edit'));
    assert.deepStrictEqual(catalog.manifest.swagger, [{ origin: 'synthetic', operationCount: 3, definitionCount: 2 }]);
    // The SDK's own schema stays authoritative for models it has.
    assert.strictEqual((catalog.schema('CreateCallRequest') as { properties: object }).properties !== undefined, true);
  });

  it('can leave out operations only an old document has', () => {
    const catalog = loadCatalog({ swagger: [indexSwagger(syntheticDoc(), 'synthetic')], addSwaggerOnlyOperations: false });
    assert.strictEqual(catalog.lookup('PUT', '/api/v2/widgets/w1').match, undefined);
  });
});

describe('swagger: the 2018 Genesys document', function () {
  let ix: SwaggerIndex;
  before(function () {
    if (!fs.existsSync(swagger2018File)) {
      console.log(`      (skipped: ${swagger2018File} not found; set CALL_DOCTOR_SHARED_DIR)`);
      this.skip();
    }
    ix = indexSwagger(fs.readFileSync(swagger2018File, 'utf8'), 'swagger-2018');
  });

  it('indexes its operations with permissions and error codes, and says scopes are unknown', () => {
    assert.strictEqual(ix.operations.length, 932);
    const op = ix.operations.find((o) => o.id === 'postConversationsCalls')!;
    assert.deepStrictEqual(op.permissions?.permissions, ['conversation:conference:add']);
    assert.strictEqual(op.errorCodes?.codes['400']['conversation.error.no.user.station'], 'A station is required to place a call.');
    assert.strictEqual(op.scopes?.scopes, null);
    assert.match(op.scopes!.source.ref, /"PureCloud Auth": \["all"\].*predates per-operation OAuth scopes/);
    assert.strictEqual(op.scopes?.source.verified, false);
  });

  it('is recognised as predating scopes, so by default it only fills gaps: current curated facts stay', () => {
    assert.strictEqual(ix.predatesScopes, true);
    assert.strictEqual(ix.precedence, 'fill');
    const catalog = loadCatalog({ swagger: [ix] });
    // FACTS §5.2: current docs say ANY telephony:otherStationAssociation:view; the 2018 spec declared none.
    const station = catalog.byId('getUserStation')!;
    assert.deepStrictEqual(station.permissions?.permissions, ['telephony:otherStationAssociation:view']);
    assert.strictEqual(station.fieldOrigins?.permissions, 'curated');
    // Operations outside the curated set get the 2018 permissions, labelled with their origin.
    const wrapup = catalog.byId('getRoutingWrapupcodes')!;
    assert.deepStrictEqual(wrapup.permissions?.permissions, ['routing:wrapupCode:view']);
    assert.strictEqual(wrapup.fieldOrigins?.permissions, 'swagger:swagger-2018');
    assert.match(wrapup.permissions!.source.ref, /^swagger-2018 paths\["\/api\/v2\/routing\/wrapupcodes"\]\.get/);
    // Endpoints only the 2018 spec has (e.g. interactionstats rules) are not presented as existing.
    assert.strictEqual(catalog.lookup('GET', '/api/v2/alerting/interactionstats/rules/r1').match, undefined);
    assert.ok(catalog.knownPermissions().size > 150);
    assert.ok(catalog.knownPermissions().has('telephony:plugin:all'));
  });

  it('with precedence "override" it overrides curated facts, recording the origin, and keeps scopes unknown', () => {
    const catalog = loadCatalog({ swagger: [indexSwagger(fs.readFileSync(swagger2018File, 'utf8'), 'swagger-2018', { precedence: 'override' })] });
    const op = catalog.byId('postConversationsCalls')!;
    assert.strictEqual(op.fieldOrigins?.permissions, 'swagger:swagger-2018');
    assert.strictEqual(op.fieldOrigins?.errorCodes, 'swagger:swagger-2018');
    assert.match(op.permissions!.source.ref, /^swagger-2018 paths\["\/api\/v2\/conversations\/calls"\]\.post x-inin-requires-permissions$/);
    assert.strictEqual(op.requiresUserContext?.value, true);
    assert.match(op.requiresUserContext!.source.ref, /^swagger-2018 .*not\.a\.user$/);
    assert.strictEqual(op.scopes?.scopes, null);
    assert.strictEqual(op.fieldOrigins?.scopes, 'curated', 'unknown scopes do not replace anything');
    assert.strictEqual(catalog.lookup('GET', '/api/v2/alerting/interactionstats/rules/r1').match?.operation.origin, 'swagger:swagger-2018', 'override adds its extra operations');
    // A model the current SDK body set lacks comes from the document.
    const sdkModels = new Set(loadCatalog().modelNames());
    const extra = ix.definitionNames().find((n) => !sdkModels.has(n))!;
    assert.strictEqual((catalog.schema(extra) as { title: string }).title, extra);
  });
});
