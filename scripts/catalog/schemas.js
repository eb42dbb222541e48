// Converts Models-namespace interfaces from index.d.ts into JSON Schema
// (draft-07) fragments. Nested models become `$ref: #/definitions/<Model>`;
// the catalog assembles self-contained documents (root + definitions).
// additionalProperties is left unset on models: we do not know that Genesys
// rejects unknown fields, so our own rule flags them instead of the schema.
'use strict';
const ts = require('typescript');
const { entityName } = require('./parseDts');

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** JSON Schema for one TypeScript type node; `refs` collects the models it names. */
function typeToSchema(node, refs, sf) {
  if (!node) return {};
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword: return { type: 'number' };
    case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
    case ts.SyntaxKind.ObjectKeyword: return { type: 'object' };
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword: return {};
    default: break;
  }
  if (ts.isParenthesizedTypeNode(node)) return typeToSchema(node.type, refs, sf);
  if (ts.isArrayTypeNode(node)) return { type: 'array', items: typeToSchema(node.elementType, refs, sf) };
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: 'string', enum: [node.literal.text] };
  if (ts.isUnionTypeNode(node)) return unionToSchema(node, refs, sf);
  if (ts.isTypeLiteralNode(node)) return typeLiteralToSchema(node, refs, sf);
  if (ts.isTypeReferenceNode(node)) {
    const name = entityName(node.typeName);
    const args = node.typeArguments || [];
    if (name.startsWith('Models.')) {
      const model = name.slice('Models.'.length);
      refs.add(model);
      return { $ref: `#/definitions/${model}` };
    }
    if (name === 'Array' && args.length === 1) return { type: 'array', items: typeToSchema(args[0], refs, sf) };
    if (name === 'Record' && args.length === 2) return { type: 'object', additionalProperties: typeToSchema(args[1], refs, sf) };
    if (name === 'Date') return { type: 'string', format: 'date-time' };
  }
  throw new Error(`unsupported type in index.d.ts model: ${sf ? node.getText(sf) : ts.SyntaxKind[node.kind]}`);
}

function unionToSchema(node, refs, sf) {
  const literals = node.types.filter((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
  if (literals.length === node.types.length) return { type: 'string', enum: literals.map((t) => t.literal.text) };
  return { anyOf: node.types.map((t) => typeToSchema(t, refs, sf)) };
}

/** `{ [key: string]: T }` -> a map; other inline object types -> properties. */
function typeLiteralToSchema(node, refs, sf) {
  const schema = { type: 'object' };
  const properties = {};
  for (const m of node.members) {
    if (ts.isIndexSignatureDeclaration(m)) schema.additionalProperties = typeToSchema(m.type, refs, sf);
    else if (ts.isPropertySignature(m) && m.name) properties[m.name.text] = typeToSchema(m.type, refs, sf);
  }
  if (Object.keys(properties).length) schema.properties = properties;
  return schema;
}

/**
 * One model's schema fragment (no definitions). `descriptions` is the curated
 * entry for this model: { fields: { name: { description } }, source }.
 */
function modelToSchema(name, props, descriptions) {
  const refs = new Set();
  const properties = {};
  const required = [];
  for (const p of props) {
    const s = typeToSchema(p.typeNode, refs, p.sf);
    const d = descriptions?.fields?.[p.name]?.description;
    properties[p.name] = d ? { ...s, description: d } : s;
    if (!p.optional) required.push(p.name);
  }
  const schema = { type: 'object', title: name, properties };
  if (required.length) schema.required = required;
  if (descriptions?.description) schema.description = descriptions.description;
  if (descriptions?.source) schema['x-description-source'] = descriptions.source;
  return { schema, refs };
}

/** Models reachable from `roots` through nested $refs (sorted). */
function reachableModels(roots, models) {
  const seen = new Set();
  const stack = [...roots];
  const refsOf = new Map();
  while (stack.length) {
    const m = stack.pop();
    if (seen.has(m) || !models[m]) continue;
    seen.add(m);
    const refs = new Set();
    for (const p of models[m]) typeToSchema(p.typeNode, refs, p.sf);
    refsOf.set(m, refs);
    for (const r of refs) stack.push(r);
  }
  return [...seen].sort();
}

module.exports = { typeToSchema, modelToSchema, reachableModels, DRAFT_07 };
