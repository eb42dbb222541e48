// One operation of an indexed Swagger document, read lazily from the parsed
// document: see IndexedOperation. Also the small readers for parameters, body,
// permissions, scopes (scheme "PureCloud OAuth") and x-inin-error-codes.
import type { HttpMethod, Operation, ParamInfo, PermissionRequirement, ScopeRequirement } from './types';

/** The OAuth security scheme name of the current Genesys spec (docs/facts.md#operation-scopes). */
export const OAUTH_SCHEME = 'PureCloud OAuth';

/** Operation data one Swagger document provides (no `origin` bookkeeping yet). */
export type SwaggerOperation = Omit<Operation, 'group' | 'origin'> & { group?: string };

export type Json = Record<string, unknown>;

export function asObject(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export interface Context { pathParams: unknown[]; sharedParams: Json; docSecurity?: unknown[]; seen: { oauthScheme: boolean } }

interface BodyInfo { model?: string; itemModel?: string; type?: string; required: boolean; description?: string }

/**
 * One operation of the document. Indexing reads only what routing and the
 * document-wide facts need (id, method, path, permissions, whether the OAuth
 * scheme is used); parameters, body, scopes, error codes and the rest are read
 * from the document on first access and then kept. Allocating little while
 * indexing is what keeps indexing close to the cost of JSON.parse.
 */
export class IndexedOperation implements SwaggerOperation {
  readonly id: string;
  readonly permissions: PermissionRequirement;
  private cache: { params?: ParamInfo[]; body?: BodyInfo | null; scopes?: ScopeRequirement; errorCodes?: Operation['errorCodes'] | null; ret?: { model?: string; type?: string } } = {};

  constructor(private readonly raw: Json, readonly method: HttpMethod, readonly path: string, private readonly origin: string, private readonly ctx: Context) {
    this.id = str(raw.operationId) ?? str(raw['x-purecloud-method-name']) ?? `${method.toLowerCase()} ${path}`;
    this.permissions = permissionsOf(raw, this.where);
    if (!ctx.seen.oauthScheme && usesOAuthScheme(this.security)) ctx.seen.oauthScheme = true;
  }

  private get where(): string { return `${this.origin} paths["${this.path}"].${this.method.toLowerCase()}`; }
  private get security(): unknown[] | undefined { return Array.isArray(this.raw.security) ? this.raw.security : this.ctx.docSecurity; }

  get group(): string | undefined { const t = this.raw.tags; return Array.isArray(t) && typeof t[0] === 'string' ? t[0] : undefined; }
  get summary(): string | undefined { return str(this.raw.summary); }
  get description(): string | undefined { return str(this.raw.description); }
  get deprecated(): boolean | undefined { return this.raw.deprecated === true ? true : undefined; }
  get params(): ParamInfo[] { this.readParams(); return this.cache.params!; }
  get bodyRequired(): boolean | undefined { return this.body?.required; }
  get bodyModel(): string | undefined { return this.body?.model; }
  get bodyItemModel(): string | undefined { return this.body?.itemModel; }
  get bodyType(): string | undefined { return this.body?.type; }
  get bodyDescription(): string | undefined { return this.body?.description; }
  get scopes(): ScopeRequirement { return (this.cache.scopes ??= scopesOf(this.security, this.where, this.origin)); }
  get returnModel(): string | undefined { return this.ret.model; }
  get returnType(): string | undefined { return this.ret.type; }

  get errorCodes(): Operation['errorCodes'] {
    if (this.cache.errorCodes === undefined) {
      const codes = errorCodesOf(asObject(this.raw.responses));
      this.cache.errorCodes = codes ? { codes, source: { ref: `${this.where} x-inin-error-codes`, verified: true } } : null;
    }
    return this.cache.errorCodes ?? undefined;
  }

  private get ret(): { model?: string; type?: string } { return (this.cache.ret ??= returnOf(asObject(this.raw.responses))); }
  private get body(): BodyInfo | undefined { this.readParams(); return this.cache.body ?? undefined; }

  private readParams(): void {
    if (this.cache.params) return;
    const params: ParamInfo[] = [];
    let body: BodyInfo | null = null;
    const own = Array.isArray(this.raw.parameters) ? this.raw.parameters : [];
    for (const entry of [...this.ctx.pathParams, ...own]) {
      const p = resolveParam(asObject(entry), this.ctx.sharedParams);
      if (!p) continue;
      if (p.in === 'body') body = bodyInfo(p);
      else if (p.in === 'path' || p.in === 'query') params.push(paramInfo(p));
    }
    this.cache.params = params;
    this.cache.body = body;
  }

  /** A plain object with every field (for JSON, spreading, or copying into the catalog). */
  toJSON(): SwaggerOperation {
    const out: SwaggerOperation = { id: this.id, method: this.method, path: this.path, params: this.params.map((p) => ({ ...p })), permissions: this.permissions, scopes: this.scopes };
    const optional = {
      group: this.group, summary: this.summary, description: this.description, deprecated: this.deprecated,
      bodyRequired: this.bodyRequired, bodyModel: this.bodyModel, bodyItemModel: this.bodyItemModel, bodyType: this.bodyType,
      bodyDescription: this.bodyDescription, errorCodes: this.errorCodes, returnModel: this.returnModel, returnType: this.returnType,
    };
    for (const [k, v] of Object.entries(optional)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    return out;
  }
}

/** A plain-object copy of an operation (indexed operations compute their fields on access). */
export function plainOperation(op: SwaggerOperation): SwaggerOperation {
  return op instanceof IndexedOperation ? op.toJSON() : { ...op, params: op.params.map((p) => ({ ...p })) };
}

function bodyInfo(p: Json): BodyInfo {
  const schema = asObject(p.schema);
  const model = refName(schema?.$ref);
  const itemModel = schema?.type === 'array' ? refName(asObject(schema.items)?.$ref) : undefined;
  return { model, itemModel, type: model ?? (itemModel ? `Array<${itemModel}>` : typeText(schema)), required: p.required === true, description: str(p.description) };
}

function paramInfo(p: Json): ParamInfo {
  const where = p.in as 'path' | 'query';
  const info: ParamInfo = { name: String(p.name), in: where, required: where === 'path' || p.required === true };
  const type = typeText(p);
  if (type) info.type = type;
  const items = asObject(p.items);
  const en = Array.isArray(p.enum) ? p.enum : Array.isArray(items?.enum) ? (items!.enum as unknown[]) : undefined;
  if (en) info.enum = en.map(String);
  if (str(p.description)) info.description = str(p.description);
  if (str(p.collectionFormat)) info.collectionFormat = str(p.collectionFormat);
  return info;
}

function usesOAuthScheme(security: unknown[] | undefined): boolean {
  if (!security) return false;
  for (const req of security) if (asObject(req) && Object.prototype.hasOwnProperty.call(req, OAUTH_SCHEME)) return true;
  return false;
}

function resolveParam(p: Json | undefined, shared: Json): Json | undefined {
  const ref = refName(p?.$ref, '#/parameters/');
  return ref ? asObject(shared[ref]) : p;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function refName(ref: unknown, prefix = '#/definitions/'): string | undefined {
  return typeof ref === 'string' && ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

/** The SDK-style type text of a Swagger parameter or schema ("number", "Array<string>", "Destination"). */
function typeText(s: Json | undefined): string | undefined {
  if (!s) return undefined;
  const ref = refName(s.$ref);
  if (ref) return ref;
  switch (s.type) {
    case 'integer': case 'number': return 'number';
    case 'string': case 'boolean': case 'object': return s.type;
    case 'file': return 'File';
    case 'array': { const inner = typeText(asObject(s.items)); return inner ? `Array<${inner}>` : 'Array<any>'; }
    default: return undefined;
  }
}

function permissionsOf(raw: Json, where: string): PermissionRequirement {
  const p = asObject(raw['x-inin-requires-permissions']);
  if (!p) return { type: 'NO', permissions: [], source: { ref: `${where} (no x-inin-requires-permissions: none declared)`, verified: true } };
  const type = p.type === 'ALL' ? 'ALL' : 'ANY';
  const list = Array.isArray(p.permissions) ? p.permissions.filter((x): x is string => typeof x === 'string') : [];
  return { type, permissions: list, source: { ref: `${where} x-inin-requires-permissions`, verified: true } };
}

/** Scopes under the "PureCloud OAuth" scheme; anything else (e.g. 2018's "PureCloud Auth": ["all"]) means unknown. */
function scopesOf(security: unknown[] | undefined, where: string, origin: string): ScopeRequirement {
  if (!security) return { scopes: null, source: { ref: `${where} declares no security requirement; ${origin} gives no scopes for it`, verified: false } };
  const scopes = new Set<string>();
  let found = false;
  const other: string[] = [];
  for (const req of security) {
    const r = asObject(req);
    if (!r) continue;
    for (const [scheme, list] of Object.entries(r)) {
      if (scheme === OAUTH_SCHEME && Array.isArray(list)) { found = true; for (const s of list) if (typeof s === 'string') scopes.add(s); }
      else other.push(`"${scheme}": ${JSON.stringify(list)}`);
    }
  }
  if (found) return { scopes: [...scopes].sort(), source: { ref: `${where} security["${OAUTH_SCHEME}"]`, verified: true } };
  if (security.length === 0) return { scopes: [], source: { ref: `${where} security: [] (no authentication declared)`, verified: true } };
  return {
    scopes: null,
    source: {
      ref: `${where} security is {${other.join(', ')}}, not the "${OAUTH_SCHEME}" scheme: this spec predates per-operation OAuth scopes, so they are not known from it`,
      verified: false,
    },
  };
}

/**
 * status -> code -> message. The code maps are the document's own objects, not
 * copies: copying them was most of the indexing time (they are large, with
 * dotted keys). Consumers treat catalog data as read-only.
 */
function errorCodesOf(responses: Json | undefined): Record<string, Record<string, string>> | undefined {
  if (!responses) return undefined;
  let out: Record<string, Record<string, string>> | undefined;
  for (const status in responses) {
    const response = responses[status] as Json | null;
    const codes = response && typeof response === 'object' ? response['x-inin-error-codes'] : undefined;
    if (codes && typeof codes === 'object') (out ??= {})[status] = codes as Record<string, string>;
  }
  return out;
}

function returnOf(responses: Json | undefined): { model?: string; type?: string } {
  for (const status of ['200', '201', '202', '203']) {
    const schema = asObject(asObject(responses?.[status])?.schema);
    if (!schema) continue;
    const model = refName(schema.$ref);
    const itemModel = schema.type === 'array' ? refName(asObject(schema.items)?.$ref) : undefined;
    return { model: model ?? itemModel, type: typeText(schema) };
  }
  return {};
}
