// Builds a self-contained draft-07 document for one model from the generated
// per-model fragments (data/catalog/models.json), whose nested models are
// `$ref: #/definitions/<Model>`: the root plus every model it reaches.
import type { JsonSchema } from './types';
import { schemaIdFor } from './schemaId';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

const DEFINITIONS = '#/definitions/';

/** Calls `onRef` with the model name of every `#/definitions/<Model>` ref inside `node`. */
export function collectRefs(node: unknown, onRef: (model: string) => void): void {
  if (Array.isArray(node)) { for (const n of node) collectRefs(n, onRef); return; }
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') { if (v.startsWith(DEFINITIONS)) onRef(v.slice(DEFINITIONS.length)); }
    else collectRefs(v, onRef);
  }
}

/** Models reachable from `model` (itself included only when it is referenced, e.g. recursively). */
export function referencedModels(model: string, fragments: Record<string, JsonSchema>): string[] {
  const seen = new Set<string>();
  const stack: string[] = [];
  const push = (name: string) => { stack.push(name); };
  collectRefs(fragments[model], push);
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name) || !fragments[name]) continue;
    seen.add(name);
    collectRefs(fragments[name], push);
  }
  return [...seen].sort();
}

export function assembleSchema(model: string, fragments: Record<string, JsonSchema>, sourceRef: string): JsonSchema {
  const defs = referencedModels(model, fragments);
  const schema: JsonSchema = {
    $schema: DRAFT_07,
    $id: schemaIdFor(model),
    ...structuredClone(fragments[model]),
    title: model,
    'x-source': { ref: sourceRef, verified: true },
  };
  if (defs.length) {
    const definitions: Record<string, JsonSchema> = {};
    for (const d of defs) definitions[d] = structuredClone(fragments[d]);
    schema.definitions = definitions;
  }
  return schema;
}
