// Light JSON Schema (draft-07) navigation for the payload rules: resolve
// `#/definitions/X` refs, find the schema of a property or array item. Each
// model's resolved view is cached per catalog, so no schema is re-walked per request.
import type { Catalog } from '../../catalog/api';
import type { JsonSchema } from '../../catalog/types';

export interface SchemaView {
  model: string;
  root: JsonSchema;
  resolve(s: unknown): JsonSchema | undefined;
}

const cache = new WeakMap<Catalog, Map<string, SchemaView | null>>();

export function schemaView(catalog: Catalog, model: string): SchemaView | undefined {
  let perCatalog = cache.get(catalog);
  if (!perCatalog) cache.set(catalog, (perCatalog = new Map()));
  const hit = perCatalog.get(model);
  if (hit !== undefined) return hit ?? undefined;
  const root = catalog.schema(model);
  const view = root ? makeView(catalog, model, root) : undefined;
  perCatalog.set(model, view ?? null);
  return view;
}

function makeView(catalog: Catalog, model: string, root: JsonSchema): SchemaView {
  const resolve = (s: unknown, depth = 0): JsonSchema | undefined => {
    if (!s || typeof s !== 'object') return undefined;
    const ref = (s as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string' || depth > 20) return s as JsonSchema;
    const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
    const name = m ? decodeURIComponent(m[2]) : ref.replace(/^.*\//, '').replace(/\.json$/, '');
    const defs = (root[m?.[1] ?? 'definitions'] ?? {}) as Record<string, unknown>;
    const target = defs[name] ?? catalog.schema(name);
    return resolve(target, depth + 1);
  };
  return { model, root, resolve: (s) => resolve(s) };
}

export function propertiesOf(s: JsonSchema | undefined): Record<string, unknown> | undefined {
  const p = s?.properties;
  return p && typeof p === 'object' ? (p as Record<string, unknown>) : undefined;
}

/** The schema's declared JSON types (draft-07 `type` as string or list). */
export function typesOf(s: JsonSchema | undefined): string[] {
  const t = s?.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A map schema (`additionalProperties: {...}`) such as attributes: map<string,string>. */
export function mapValueSchema(s: JsonSchema | undefined): unknown {
  const ap = s?.additionalProperties;
  return ap && typeof ap === 'object' ? ap : undefined;
}

/** Model name a property/item schema refers to, for messages ("Destination"). */
export function refName(s: unknown): string | undefined {
  const ref = (s as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' ? ref.replace(/^.*\//, '').replace(/\.json$/, '') : undefined;
}

/** Plain-words type of a schema for messages: "a number", "an array of strings", "a map of strings". */
export function describeSchema(view: SchemaView, raw: unknown): string {
  const s = view.resolve(raw);
  const name = refName(raw);
  if (!s) return 'a value';
  if (Array.isArray(s.enum)) return `one of ${(s.enum as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  const types = typesOf(s);
  const t = types[0] ?? (propertiesOf(s) ? 'object' : undefined);
  switch (t) {
    case 'string': return 'a string';
    case 'integer': return 'an integer';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean (true or false)';
    case 'array': {
      return `an array of ${plural(describeSchema(view, s.items))}`;
    }
    case 'object': {
      const mv = mapValueSchema(s);
      if (mv && !propertiesOf(s)) return `a map of ${plural(describeSchema(view, mv))}`;
      return name ? `a ${name} object` : 'an object';
    }
    default: return 'a value';
  }
}

function plural(desc: string): string {
  const bare = desc.replace(/^an? /, '');
  if (bare.startsWith('one of')) return `values, each ${bare}`;
  return bare.replace(/^(\w+)( \(.*\))?$/, '$1s$2').replace(/ object$/, ' objects');
}
