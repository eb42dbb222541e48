// Indexes a Genesys Cloud Swagger 2.0 document (the live
// https://api.<env>/api/v2/docs/swagger, or an old copy such as swagger-2018.json)
// into operation records the catalog overlays on the SDK data. Indexing reads
// only each operation's id and declared permissions; everything else about an
// operation is read on first access (swaggerOperation.ts), and definitions are
// converted to JSON Schema when a model is asked for. Measured: indexing costs
// little more than the JSON.parse of the same bytes (bench/swagger.bench.ts).
import type { HttpMethod, JsonSchema } from './types';
import { swaggerDefinitionSchema } from './swaggerSchema';
import { IndexedOperation, asObject, type Json, type SwaggerOperation } from './swaggerOperation';

export { OAUTH_SCHEME, plainOperation, type SwaggerOperation } from './swaggerOperation';

const METHODS: readonly [HttpMethod, string][] = [
  ['GET', 'get'], ['PUT', 'put'], ['POST', 'post'], ['DELETE', 'delete'], ['PATCH', 'patch'], ['HEAD', 'head'], ['OPTIONS', 'options'],
];

export interface SwaggerIndex {
  /** Short name used in `origin` ("swagger:<origin>") and in source refs, e.g. "swagger-2018" or "live:mypurecloud.com". */
  readonly origin: string;
  /**
   * How the catalog applies this document. "override": its statements win over
   * the SDK and curated facts, and operations only it has are added (a current
   * spec). "fill": it only fills what nothing else states, and adds no
   * operations (an old spec, whose values and endpoints may be outdated).
   */
  readonly precedence: SwaggerPrecedence;
  /** True when no operation uses the "PureCloud OAuth" scheme: a spec from before per-operation scopes. */
  readonly predatesScopes: boolean;
  readonly title?: string;
  readonly version?: string;
  readonly operations: readonly SwaggerOperation[];
  /** Every permission named by any operation's x-inin-requires-permissions. */
  readonly permissions: ReadonlySet<string>;
  definitionNames(): readonly string[];
  /** Self-contained draft-07 schema for a definition (converted on first request). */
  schema(model: string): JsonSchema | undefined;
}

export class SwaggerError extends Error {}

function parseDocument(doc: object | string): Json {
  let value: unknown = doc;
  if (typeof doc === 'string') {
    try { value = JSON.parse(doc); } catch (err) {
      throw new SwaggerError(`not a Swagger 2.0 document: not valid JSON (${(err as Error).message})`);
    }
  }
  const obj = asObject(value);
  if (!obj) throw new SwaggerError('not a Swagger 2.0 document: expected a JSON object at the top level');
  if (obj.swagger !== '2.0') {
    if (typeof obj.openapi === 'string') {
      throw new SwaggerError(`not a Swagger 2.0 document: found 'openapi: "${obj.openapi}"' (OpenAPI 3 is not supported; Genesys serves Swagger 2.0 at https://api.<env>/api/v2/docs/swagger)`);
    }
    throw new SwaggerError(`not a Swagger 2.0 document: missing 'swagger: "2.0"'${obj.swagger !== undefined ? ` (found ${JSON.stringify(obj.swagger)})` : ''}`);
  }
  if (!asObject(obj.paths)) throw new SwaggerError("not a Swagger 2.0 document: missing 'paths' object");
  return obj;
}

export type SwaggerPrecedence = 'override' | 'fill';

export interface IndexSwaggerOptions {
  /** Default: "override" for a document with OAuth scopes, "fill" for one that predates them (e.g. swagger-2018). */
  precedence?: SwaggerPrecedence;
}

export function indexSwagger(doc: object | string, origin: string, options: IndexSwaggerOptions = {}): SwaggerIndex {
  const root = parseDocument(doc);
  const info = asObject(root.info);
  const definitions = asObject(root.definitions) ?? {};
  const sharedParams = asObject(root.parameters) ?? {};
  const docSecurity = Array.isArray(root.security) ? root.security : undefined;
  const operations: SwaggerOperation[] = [];
  const permissions = new Set<string>();
  const seen = { oauthScheme: false };
  const paths = root.paths as Json;
  for (const path of Object.keys(paths)) {
    const item = asObject(paths[path]);
    if (!item) continue;
    const pathParams = Array.isArray(item.parameters) ? item.parameters : [];
    for (const [method, key] of METHODS) {
      const raw = item[key] as Json | undefined;
      if (!raw || typeof raw !== 'object') continue;
      const op = new IndexedOperation(raw, method, path, origin, { pathParams, sharedParams, docSecurity, seen });
      for (const p of op.permissions?.permissions ?? []) permissions.add(p);
      operations.push(op);
    }
  }
  const schemas = new Map<string, JsonSchema>();
  return {
    origin,
    precedence: options.precedence ?? (seen.oauthScheme ? 'override' : 'fill'),
    predatesScopes: !seen.oauthScheme,
    title: typeof info?.title === 'string' ? info.title : undefined,
    version: typeof info?.version === 'string' ? info.version : undefined,
    operations,
    permissions,
    definitionNames: () => Object.keys(definitions).sort(),
    schema(model: string): JsonSchema | undefined {
      if (!asObject(definitions[model])) return undefined;
      let s = schemas.get(model);
      if (!s) { s = swaggerDefinitionSchema(model, definitions, origin); schemas.set(model, s); }
      return s;
    },
  };
}
