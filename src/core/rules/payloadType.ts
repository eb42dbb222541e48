// payload.type: a body value of the wrong JSON type for its schema (priority
// as a string, routingSkillsIds as a string, attributes values as numbers),
// or a string outside the schema's enum.
import type { Node } from 'jsonc-parser';
import type { Rule, RuleContext } from '../lintTypes';
import type { Finding, Fix } from '../types';
import { describeSchema, typesOf } from './support/schema';
import { certain, modelSource, payloads, rangeOfNode, type Payload, type TypedValue } from './support/payload';

const ID = 'payload.type';

export const payloadType: Rule = {
  id: ID,
  title: 'Body value has the wrong JSON type or is not an allowed value',
  defaultSeverity: 'error',
  help: 'A body value has a JSON type its field does not take, or is not one of the field\'s allowed values, which Genesys probably rejects with 400 invalid.value or bad.request. Write a value of the type, or one of the values, the message names (a quick fix does it when the conversion is certain).',
  source: { ref: 'docs/facts.md#sdk-package index.d.ts', verified: true },
  check(ctx) {
    const out: Finding[] = [];
    for (const p of payloads(ctx)) {
      for (const v of p.values) {
        const f = check(ctx, p, v);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

function jsonType(n: Node): string {
  return n.type === 'number' && Number.isInteger(n.value) ? 'integer' : n.type;
}

const ARTICLE: Record<string, string> = { string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', object: 'an object', array: 'an array', null: 'null' };

function check(ctx: RuleContext, p: Payload, v: TypedValue): Finding | undefined {
  const { node } = v;
  if (p.body.isVariable(node) || node.type === 'null') return undefined;
  const schema = p.view.resolve(v.schema);
  if (!schema) return undefined;
  const allowed = typesOf(schema);
  const actual = jsonType(node);
  const ok = !allowed.length || allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
  const en = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : undefined;
  const notInEnum = en !== undefined && !en.includes(node.value);
  if (ok && !notInEnum) return undefined;   // the common case: build no range, source or message
  const name = v.pointer ? `\`${v.fieldPath}\`` : 'The body';
  const range = rangeOfNode(p, node);
  const source = modelSource(ctx, v.owner);
  // Whole object literals, not `{ ...base, x }` (much slower in V8); the key order is the one findings always had.
  if (!ok) {
    const expected = describeSchema(p.view, v.schema);
    return {
      rule: ID, severity: 'error', range, request: p.req.index, pointer: v.pointer, source,
      message: `${name} must be ${expected}${v.pointer ? ` (${v.owner})` : ''}, but it is ${ARTICLE[actual] ?? actual}${actual === 'number' && allowed.includes('integer') ? ' with a fraction' : ''}.`,
      fixes: certain(p, fixFor(p, node, allowed, schema.items)),
    };
  }
  if (en && notInEnum) {
    const caseMatch = en.find((e) => typeof e === 'string' && typeof node.value === 'string' && e.toLowerCase() === node.value.toLowerCase());
    return {
      rule: ID, severity: 'error', range, request: p.req.index, pointer: v.pointer, source,
      message: `${name} must be one of ${en.map((e) => JSON.stringify(e)).join(', ')}; ${JSON.stringify(node.value)} is not allowed.`,
      fixes: caseMatch === undefined ? [] : certain(p, [{ title: `Use ${JSON.stringify(caseMatch)}`, edits: [{ range, newText: JSON.stringify(caseMatch) }] }]),
    };
  }
  return undefined;
}

/** Only conversions whose result is certain: "5" → 5, 5 → "5", "id" → ["id"]. */
function fixFor(p: Payload, node: Node, allowed: string[], items: unknown): Fix[] {
  const raw = p.body.text.slice(node.offset, node.offset + node.length);
  const range = rangeOfNode(p, node);
  if (node.type === 'string' && (allowed.includes('number') || allowed.includes('integer'))) {
    const s = String(node.value).trim();
    const num = allowed.includes('integer') ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
    if (num.test(s)) return [{ title: `Use the number ${s}`, edits: [{ range, newText: s }] }];
  }
  if ((node.type === 'number' || node.type === 'boolean') && allowed.includes('string')) {
    return [{ title: `Quote ${raw}`, edits: [{ range, newText: JSON.stringify(raw) }] }];
  }
  if (node.type === 'string' && allowed.includes('array') && typesOf(p.view.resolve(items)).includes('string')) {
    return [{ title: 'Wrap in an array', edits: [{ range, newText: `[${raw}]` }] }];
  }
  return [];
}
