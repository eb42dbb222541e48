// The API catalog: SDK-generated data (data/catalog, `npm run catalog`),
// overlaid with curated troubleshooting facts (data/curated/ops-facts.json),
// overlaid with any Swagger documents given (the last one wins). Every
// overridden field keeps its provenance (its own `source`, and `fieldOrigins`).
// Nothing is read at import time: files are read on first use.
import type { Catalog, LookupResult } from './api';
import type { CatalogManifest, JsonSchema, Operation, SdkClassInfo } from './types';
import { PathIndex } from './pathIndex';
import { plainOperation, type SwaggerIndex, type SwaggerOperation } from './swagger';
import { assembleSchema } from './schemaAssembly';
import { factsFromErrorCodes } from './errorFacts';
import { dataJoin, dataPort, readDataJson, type DataPort } from '../data';

export interface LoadCatalogOptions {
  /** Where the data is read from (default: the port the front end installed, see core/data.ts). */
  data?: DataPort;
  /** A folder holding catalog/ (generated) and curated/ (committed), absolute. Default: the data port's own root. */
  dataDir?: string;
  /** Overrides dataDir/catalog, e.g. a freshly generated copy (absolute). */
  catalogDir?: string;
  /** Swagger indexes to overlay, in order (later ones win). */
  swagger?: SwaggerIndex[];
  /**
   * Add operations a Swagger document has but the SDK does not (origin "swagger:<name>").
   * Default: for documents with precedence "override" only (old documents list removed endpoints).
   */
  addSwaggerOnlyOperations?: boolean;
}

interface CuratedOp {
  method: string;
  path: string;
  permissions?: Operation['permissions'];
  scopes?: Operation['scopes'];
  errorCodes?: Operation['errorCodes'];
  requiresUserContext?: Operation['requiresUserContext'];
  requiresStation?: Operation['requiresStation'];
  singleDestination?: Operation['singleDestination'];
}

interface State {
  operations: Operation[];
  byId: Map<string, Operation>;
  index: PathIndex;
  knownPermissions: Set<string>;
}

const SDK_SCOPES_UNKNOWN = {
  ref: 'docs/facts.md#operation-scopes',
  verified: false,
};

const CURATED_FIELDS = ['permissions', 'scopes', 'errorCodes', 'requiresUserContext', 'requiresStation', 'singleDestination'] as const;


/** "METHOD /a/{}/b": the route of a template regardless of its parameter names. */
function routeKey(method: string, template: string): string {
  return `${method.toUpperCase()} ${template.replace(/\{[^}]*\}/g, '{}')}`;
}

class LoadedCatalog implements Catalog {
  private state?: State;
  private manifestCache?: CatalogManifest;
  private modelsCache?: Record<string, JsonSchema>;
  private schemaCache = new Map<string, JsonSchema | undefined>();
  private sdkCache?: Map<string, SdkClassInfo>;
  private readonly catalogDir: string;
  private readonly curatedDir: string;
  private readonly swagger: SwaggerIndex[];

  constructor(private readonly options: LoadCatalogOptions) {
    this.catalogDir = options.catalogDir ?? dataJoin(options.dataDir ?? '', 'catalog');
    this.curatedDir = dataJoin(options.dataDir ?? '', 'curated');
    this.swagger = options.swagger ?? [];
  }

  private file(name: string): string {
    return dataJoin(this.catalogDir, name);
  }

  private readJson<T>(path: string, hint: string): T {
    return readDataJson<T>(path, hint, this.options.data ?? dataPort());
  }

  get manifest(): CatalogManifest {
    if (!this.manifestCache) {
      const m = this.readJson<CatalogManifest>(this.file('manifest.json'), 'run `npm run catalog` to generate it');
      const swagger = this.swagger.map((s) => ({ origin: s.origin, operationCount: s.operations.length, definitionCount: s.definitionNames().length }));
      this.manifestCache = swagger.length ? { ...m, swagger } : m;
    }
    return this.manifestCache;
  }

  private get s(): State {
    return (this.state ??= this.build());
  }

  private build(): State {
    const operations = this.readJson<Operation[]>(this.file('operations.json'), 'run `npm run catalog` to generate it');
    const byId = new Map(operations.map((op) => [op.id, op]));
    const byRoute = new Map(operations.map((op) => [routeKey(op.method, op.path), op]));
    const knownPermissions = new Set<string>();

    const curated = this.readJson<{ operations: Record<string, CuratedOp> }>(dataJoin(this.curatedDir, 'ops-facts.json'), 'the committed curated facts are missing');
    for (const [id, facts] of Object.entries(curated.operations)) {
      const op = byId.get(id) ?? byRoute.get(routeKey(facts.method, facts.path));
      for (const p of facts.permissions?.permissions ?? []) knownPermissions.add(p);
      if (!op) continue; // curated for an operation this SDK version lacks: nothing to attach it to
      for (const field of CURATED_FIELDS) {
        if (facts[field] === undefined) continue;
        (op as unknown as Record<string, unknown>)[field] = facts[field];
        (op.fieldOrigins ??= {})[field] = 'curated';
      }
    }

    // Say "unknown, and why" explicitly on every operation rather than leaving scopes absent.
    for (const op of operations) op.scopes ??= { scopes: null, source: SDK_SCOPES_UNKNOWN };

    for (const index of this.swagger) {
      for (const p of index.permissions) knownPermissions.add(p);
      for (const sw of index.operations) {
        // Matched by route only: an old document may reuse an operationId for another path.
        const op = byRoute.get(routeKey(sw.method, sw.path));
        if (op) overlaySwagger(op, sw, `swagger:${index.origin}`, index.precedence === 'override');
        else if (this.options.addSwaggerOnlyOperations ?? index.precedence === 'override') {
          const added = swaggerOnly(sw, `swagger:${index.origin}`);
          operations.push(added);
          byRoute.set(routeKey(added.method, added.path), added);
          if (!byId.has(added.id)) byId.set(added.id, added);
        }
      }
    }
    return { operations, byId, index: new PathIndex(operations), knownPermissions };
  }

  operations(): readonly Operation[] { return this.s.operations; }

  byId(id: string): Operation | undefined { return this.s.byId.get(id); }

  lookup(method: string, urlOrPath: string): LookupResult { return this.s.index.lookup(method, urlOrPath); }

  private models(): Record<string, JsonSchema> {
    return (this.modelsCache ??= this.readJson<Record<string, JsonSchema>>(this.file('models.json'), 'run `npm run catalog` to generate it'));
  }

  schema(model: string): JsonSchema | undefined {
    if (this.schemaCache.has(model)) return this.schemaCache.get(model);
    const models = this.models();
    let result: JsonSchema | undefined;
    if (Object.prototype.hasOwnProperty.call(models, model)) {
      result = assembleSchema(model, models, `${this.manifest.sdkPackage ?? 'SDK'}@${this.manifest.sdkVersion} index.d.ts Models.${model}`);
    } else {
      // A model the SDK lacks: the latest Swagger document that defines it.
      for (let i = this.swagger.length - 1; i >= 0 && !result; i--) result = this.swagger[i].schema(model);
    }
    this.schemaCache.set(model, result);
    return result;
  }

  modelNames(): readonly string[] {
    const names = new Set(Object.keys(this.models()));
    for (const s of this.swagger) for (const n of s.definitionNames()) names.add(n);
    return [...names].sort();
  }

  knownPermissions(): ReadonlySet<string> { return this.s.knownPermissions; }

  sdkClasses(): ReadonlyMap<string, SdkClassInfo> {
    if (!this.sdkCache) {
      const data = this.readJson<{ classes: Record<string, SdkClassInfo> }>(this.file('sdk-methods.json'), 'run `npm run catalog` to generate it');
      this.sdkCache = new Map(Object.entries(data.classes));
    }
    return this.sdkCache;
  }
}

/**
 * Applies one Swagger operation. override: the document wins for what it states
 * (permissions, known scopes, error codes and the facts they imply, deprecation).
 * fill: it only supplies what nothing else stated. Parameter enums and
 * descriptions are always only added, never replaced.
 */
function overlaySwagger(op: Operation, sw: SwaggerOperation, origin: string, override: boolean): void {
  const fields = op as unknown as Record<string, unknown>;
  const set = (field: string, value: unknown): void => {
    if (value === undefined || (!override && fields[field] !== undefined)) return;
    fields[field] = value;
    (op.fieldOrigins ??= {})[field] = origin;
  };
  set('permissions', sw.permissions);
  // Known scopes replace unknown ones even when only filling; unknown never replaces anything.
  if (sw.scopes?.scopes && (override || !op.scopes?.scopes)) {
    op.scopes = sw.scopes;
    (op.fieldOrigins ??= {}).scopes = origin;
  }
  const errorCodes = sw.errorCodes;
  if (errorCodes) {
    set('errorCodes', errorCodes);
    for (const [field, fact] of Object.entries(factsFromErrorCodes(errorCodes))) set(field, fact);
  }
  if (sw.deprecated && !op.deprecated) set('deprecated', true);
  const swParams = new Map(sw.params.map((p) => [`${p.in} ${p.name}`, p]));
  for (const p of op.params) {
    const q = swParams.get(`${p.in} ${p.name}`);
    if (q?.enum && !p.enum) { p.enum = q.enum; (op.fieldOrigins ??= {})[`params.${p.name}.enum`] = origin; }
    if (q?.description && !p.description) { p.description = q.description; (op.fieldOrigins ??= {})[`params.${p.name}.description`] = origin; }
  }
}

function swaggerOnly(sw: SwaggerOperation, origin: string): Operation {
  const plain = plainOperation(sw);
  const op: Operation = { ...plain, group: plain.group ?? 'Unknown', origin };
  Object.assign(op, factsFromErrorCodes(sw.errorCodes));
  return op;
}

/** A catalog over the package's data files (read on first use). */
export function loadCatalog(options: LoadCatalogOptions = {}): Catalog & { sdkClasses(): ReadonlyMap<string, SdkClassInfo> } {
  return new LoadedCatalog(options);
}

let defaultInstance: ReturnType<typeof loadCatalog> | undefined;

/** The shared catalog without Swagger overlays (memoized; still lazy). */
export function defaultCatalog(): ReturnType<typeof loadCatalog> {
  return (defaultInstance ??= loadCatalog());
}
