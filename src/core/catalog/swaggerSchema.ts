// Swagger 2.0 definitions -> self-contained draft-07 JSON Schemas. Swagger's
// schema objects are (nearly) a JSON Schema draft-04 subset that draft-07
// validators accept as is; refs stay `#/definitions/<Model>`, so we copy the
// definitions each model reaches. Runs lazily, per model asked for.
import type { JsonSchema } from './types';
import { schemaIdFor } from './schemaId';

type Json = Record<string, unknown>;

function asObject(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function refName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith('#/definitions/') ? ref.slice('#/definitions/'.length) : undefined;
}

/** Draft-07 schema for `model` with every definition it reaches under `definitions`. */
export function swaggerDefinitionSchema(model: string, definitions: Json, origin: string): JsonSchema {
  const needed = new Set<string>();
  const stack = [model];
  while (stack.length) {
    const name = stack.pop()!;
    const def = definitions[name];
    collectRefs(def, (ref) => { if (!needed.has(ref) && asObject(definitions[ref])) { needed.add(ref); stack.push(ref); } });
  }
  const defs: Json = {};
  for (const name of [...needed].sort()) defs[name] = { title: name, ...structuredClone(definitions[name] as Json) };
  const root = structuredClone(definitions[model] as Json);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaIdFor(model),
    title: model,
    ...root,
    ...(needed.size ? { definitions: defs } : {}),
    'x-source': { ref: `${origin} definitions.${model}`, verified: true },
  };
}

function collectRefs(node: unknown, onRef: (name: string) => void): void {
  if (Array.isArray(node)) { for (const n of node) collectRefs(n, onRef); return; }
  const obj = asObject(node);
  if (!obj) return;
  for (const [k, v] of Object.entries(obj)) {
    if (k === '$ref') { const r = refName(v); if (r) onRef(r); } else collectRefs(v, onRef);
  }
}
