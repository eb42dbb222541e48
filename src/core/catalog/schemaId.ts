// Stable ids of the body-model JSON Schemas we generate. A payload file that
// says "$schema": "genesys-call-doctor://schemas/CreateCallRequest.json" is
// associated with that model's operation. The VS Code layer serves this scheme.
export const SCHEMA_SCHEME = 'genesys-call-doctor';
export const SCHEMA_ID_PREFIX = `${SCHEMA_SCHEME}://schemas/`;

export function schemaIdFor(model: string): string { return `${SCHEMA_ID_PREFIX}${model}.json`; }

/** The model named by a `$schema` value: our id, or any path/URL ending in `<Model>.json` under a `schemas` folder. */
export function modelFromSchemaRef(ref: string): string | undefined {
  const m = /(?:^|\/)schemas\/(?:[^/]*\/)*([A-Za-z][A-Za-z0-9]*)\.(?:schema\.)?json$/.exec(ref.trim());
  return m?.[1];
}
