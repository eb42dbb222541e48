// GET /api/v2/docs/swagger: a Swagger 2.0 document of the sandbox's own
// endpoints, in the layout of the live Genesys spec (docs/facts.md#live-swagger): operationId =
// SDK method name, security "PureCloud OAuth", x-inin-requires-permissions,
// x-inin-error-codes. Summaries, parameters and body schemas come from the
// catalog (SDK-generated) when its data is present, else from operations.ts.
import { defaultCatalog } from '../core/catalog';
import type { Operation } from '../core/catalog';
import { OPERATION_SCOPES } from './assumptions';
import { ERROR_CODES } from './errors';
import { OPERATIONS, type SandboxOperation } from './operations';
import type { SandboxState } from './state';

type Json = Record<string, unknown>;

function catalogOp(id: string): Operation | undefined {
  try { return defaultCatalog().byId(id); } catch { return undefined; }
}

function catalogSchema(model: string): Json | undefined {
  try { return defaultCatalog().schema(model) as Json | undefined; } catch { return undefined; }
}

/** Adds a model (and the models it reaches) to `defs`; returns its $ref, or undefined when unknown. */
function addDefinition(model: string, defs: Json): string | undefined {
  if (!defs[model]) {
    const schema = catalogSchema(model);
    if (!schema) return undefined;
    const { $schema, $id, definitions, 'x-source': _src, ...root } = schema as Json;
    void $schema; void $id; void _src;
    defs[model] = root;
    for (const [name, def] of Object.entries((definitions ?? {}) as Json)) defs[name] ??= def;
  }
  return `#/definitions/${model}`;
}

const COMMON: Record<string, string[]> = {
  '400': ['bad.request'], '401': ['authentication.required', 'bad.credentials'],
  '403': ['missing.permissions', 'missing.any.permissions', 'not.authorized'], '404': ['not.found'],
  '429': ['too.many.requests'], '500': ['internal.server.error'], '503': ['service.unavailable'],
};
const CALLS_EXTRA: Record<string, string[]> = {
  '400': ['not.a.user', 'conversation.error.no.user.station', 'too.many.create.conversation.parameters'],
  '415': ['unsupported.media.type'],
  '500': ['providerapi.error.station.no.active.edge', 'providerapi.error.no.station.for.edge'],
  '504': ['request.timeout'],
};

/** status -> code -> message: the catalog's documented codes (2018 spec) when known, else the sandbox's own. */
function errorCodes(op: SandboxOperation): Record<string, Record<string, string>> {
  const documented = catalogOp(op.id)?.errorCodes?.codes;
  if (documented && Object.keys(documented).length) return documented;
  const calls = op.id.startsWith('postConversationsCalls');
  const out: Record<string, Record<string, string>> = {};
  for (const table of calls ? [COMMON, CALLS_EXTRA] : [COMMON]) {
    for (const [status, codes] of Object.entries(table)) for (const c of codes) (out[status] ??= {})[c] = ERROR_CODES[c][1];
  }
  return out;
}

function responses(op: SandboxOperation, defs: Json): Json {
  const out: Json = {};
  const ret = op.returnModel;
  if (ret === undefined) out['200'] = { description: 'successful operation' };
  else {
    const arr = /^Array<(.+)>$/.exec(ret);
    const inner = arr ? arr[1] : ret;
    const schema = inner === 'string' ? { type: 'string' } : (addDefinition(inner, defs) ? { $ref: `#/definitions/${inner}` } : { type: 'object', 'x-sdk-model': inner });
    out['200'] = { description: 'successful operation', schema: arr ? { type: 'array', items: schema } : schema };
  }
  const errorRef = addDefinition('ErrorBody', defs) ? { $ref: '#/definitions/ErrorBody' } : { type: 'object', 'x-sdk-model': 'ErrorBody' };
  for (const [status, codes] of Object.entries(errorCodes(op)).sort()) {
    out[status] = { description: Object.values(codes)[0] ?? '', schema: errorRef, 'x-inin-error-codes': codes };
  }
  return out;
}

function operation(op: SandboxOperation, defs: Json): Json {
  const cat = catalogOp(op.id);
  const params: Json[] = (cat?.params ?? op.params).map((p) => ({
    name: p.name, in: p.in, required: p.in === 'path' ? true : !!p.required, description: p.description,
    ...(p.type?.startsWith('Array<') ? { type: 'array', items: { type: p.type.slice(6, -1).toLowerCase() }, collectionFormat: 'multi' } : { type: (p.type ?? 'string').toLowerCase() }),
    ...(p.enum ? { enum: p.enum } : {}),
  }));
  const bodyModel = cat?.bodyModel ?? op.bodyModel;
  if (bodyModel) {
    const ref = addDefinition(bodyModel, defs);
    params.push({ in: 'body', name: 'body', required: true, schema: ref ? { $ref: ref } : { type: 'object', 'x-sdk-model': bodyModel } });
  }
  return {
    tags: [cat?.group ?? op.group], summary: cat?.summary ?? op.summary, operationId: op.id,
    produces: ['application/json'], consumes: ['application/json'], parameters: params,
    responses: responses(op, defs),
    security: [{ 'PureCloud OAuth': OPERATION_SCOPES[op.id] ?? [] }],
    'x-inin-requires-permissions': { type: op.permType, permissions: [...op.permissions] },
    'x-purecloud-method-name': op.id,
  };
}

const built = new WeakMap<SandboxState, Json>();

/** The document is the same for the life of a sandbox: build it once (the catalog read is slow). */
export function swaggerDocument(state: SandboxState): Json {
  let doc = built.get(state);
  if (!doc) built.set(state, doc = buildSwagger(state));
  return doc;
}

function buildSwagger(state: SandboxState): Json {
  const defs: Json = {};
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(op, defs);
  const base = new URL(state.baseUrl || 'http://127.0.0.1');
  return {
    swagger: '2.0',
    info: {
      title: `Genesys Cloud Call Doctor sandbox (${state.fixture.org.name})`, version: '1.0',
      description: 'The sandbox org\'s own endpoints. Permissions follow the SDK docs (docs/facts.md#sdk-permission-docs); the per-operation scopes are a sandbox ASSUMPTION (docs/facts.md#operation-scopes).',
    },
    host: base.host, basePath: '/', schemes: [base.protocol.replace(':', '')],
    securityDefinitions: {
      'PureCloud OAuth': {
        type: 'oauth2', flow: 'implicit', authorizationUrl: `${state.baseUrl}/oauth/authorize`,
        scopes: Object.fromEntries(state.fixture.scopes.map((s) => [s, `Sandbox scope '${s}'`])),
      },
    },
    paths, definitions: defs,
  };
}
