// Swagger 2.0 definitions -> self-contained draft-07 JSON Schemas. Swagger's
// schema objects are (nearly) a JSON Schema draft-04 subset that draft-07
// validators accept as is; refs stay `#/definitions/<Model>`, so we copy the
// definitions each model reaches. Runs lazily, per model asked for.
import type { JsonSchema } from './types';
import { schemaIdFor } from './schemaId';
import { collectRefs, DRAFT_07 } from './schemaAssembly';
import { asObject } from './swaggerOperation';

type Json = Record<string, unknown>;

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
    $schema: DRAFT_07,
    $id: schemaIdFor(model),
    title: model,
    ...root,
    ...(needed.size ? { definitions: defs } : {}),
    'x-source': { ref: `${origin} definitions.${model}`, verified: true },
  };
}
