// The payload of a request checked against its operation's body model: one
// walk over the JSON tree per request, shared by the payload rules. It yields
// the fields the model does not define and every value with its schema.
import type { Node } from 'jsonc-parser';
import type { Operation } from '../../catalog/types';
import type { RuleContext } from '../../lintTypes';
import type { ParsedDocument, ParsedRequest } from '../../sources/types';
import type { Fix, SourceRef } from '../../types';
import { jsonBodyOf, pointerSegment, type JsonBody } from '../../sources/json';
import { requestFacts } from './request';
import { mapValueSchema, propertiesOf, refName, schemaView, type SchemaView } from './schema';

export interface UnknownField {
  key: string;
  keyNode: Node;
  valueNode: Node | undefined;
  pointer: string;
  /** Dotted path with [] for array items: "from", "participants[].foo". */
  fieldPath: string;
  /** Model (or property path) the field was found in, for messages. */
  owner: string;
  /** The fields the owner model defines (shared between findings: do not modify). */
  known: readonly string[];
}

export interface TypedValue { node: Node; schema: unknown; pointer: string; fieldPath: string; owner: string }

export interface Payload {
  req: ParsedRequest;
  operation: Operation;
  model: string;
  view: SchemaView;
  body: JsonBody;
  unknown: UnknownField[];
  values: TypedValue[];
}

const cache = new WeakMap<JsonBody, Map<string, Payload>>();

/** The request's JSON body with its model, when the request resolves to an operation that takes one. */
export function payloadOf(ctx: RuleContext, req: ParsedRequest): Payload | undefined {
  const facts = requestFacts(req, ctx.catalog, ctx.parsed.doc);
  const operation = facts.operation;
  const model = operation?.bodyModel;
  if (!operation || !model) return undefined;
  const body = jsonBodyOf(req, ctx.parsed.doc);
  if (!body?.root) return undefined;
  const view = schemaView(ctx.catalog, model);
  if (!view) return undefined;
  let perBody = cache.get(body);
  if (!perBody) cache.set(body, (perBody = new Map()));
  let p = perBody.get(model);
  if (!p) {
    p = { req, operation, model, view, body, unknown: [], values: [] };
    walk(p, body.root, view.root, '', '', model);
    perBody.set(model, p);
  }
  return p;
}

function walk(p: Payload, node: Node, raw: unknown, pointer: string, fieldPath: string, owner: string): void {
  const schema = p.view.resolve(raw);
  if (!schema) return;
  p.values.push({ node, schema: raw, pointer, fieldPath, owner });
  if (p.body.isVariable(node)) return;
  const ownerHere = refName(raw) ?? owner;
  if (node.type === 'object') {
    const props = propertiesOf(schema);
    const mapVal = mapValueSchema(schema);
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (key === '$schema' && !pointer) continue; // payload files name their model this way
      const ptr = `${pointer}/${pointerSegment(key)}`;
      const fp = fieldPath ? `${fieldPath}.${key}` : key;
      if (props && Object.prototype.hasOwnProperty.call(props, key)) {
        if (valueNode) walk(p, valueNode, props[key], ptr, fp, ownerHere);
      } else if (mapVal) {
        if (valueNode) walk(p, valueNode, mapVal, ptr, fp, ownerHere);
      } else if (props) {
        p.unknown.push({ key, keyNode, valueNode, pointer: ptr, fieldPath: fp, owner: ownerHere, known: fieldNames(props) });
      }
    }
  } else if (node.type === 'array') {
    const items = schema.items;
    if (items && typeof items === 'object') {
      (node.children ?? []).forEach((child, i) => walk(p, child, items, `${pointer}/${i}`, `${fieldPath}[]`, ownerHere));
    }
  }
}

// Field names per properties object of a (cached, never modified) schema: listed once, not per unknown field.
const names = new WeakMap<object, readonly string[]>();

function fieldNames(props: Record<string, unknown>): readonly string[] {
  let list = names.get(props);
  if (!list) names.set(props, (list = Object.keys(props)));
  return list;
}

/** Where body-model facts come from: the SDK the catalog was generated from. */
export function modelSource(ctx: RuleContext, model: string): SourceRef {
  return { ref: `docs/facts.md#sdk-package index.d.ts ${model}`, verified: true };
}

const perDocument = new WeakMap<ParsedDocument, { catalog: RuleContext['catalog']; list: Payload[] }>();

/** Every request of the document that has a payload to check (computed once per document and catalog). */
export function payloads(ctx: RuleContext): Payload[] {
  const hit = perDocument.get(ctx.parsed);
  if (hit && hit.catalog === ctx.catalog) return hit.list;
  const list: Payload[] = [];
  for (const req of ctx.parsed.requests) {
    const p = payloadOf(ctx, req);
    if (p) list.push(p);
  }
  perDocument.set(ctx.parsed, { catalog: ctx.catalog, list });
  return list;
}

export function rangeOfNode(p: Payload, node: Node) {
  return p.body.rangeOf(node);
}

/** Fixes edit the document, so none are offered for a body read from a `< file` include. */
export function certain(p: Payload, fixes: Fix[]): Fix[] {
  return p.body.fromInclude ? [] : fixes;
}
