// payload.unknown-field: a body field the operation's model does not define
// (nested objects too). Invented fields from forum answers (from/to/type/...)
// get their real mapping (and, when certain, a whole-body rewrite or the
// on-behalf endpoint: support/callFixes.ts); typos get "did you mean".
import type { Rule } from '../lintTypes';
import type { Finding, Fix } from '../types';
import { folkloreField, type FolkloreEntry } from '../knowledge/folklore';
import { callFixes } from './support/callFixes';
import { certain, modelSource, payloads, rangeOfNode, type Payload, type UnknownField } from './support/payload';
import { closest } from './support/similar';

const ID = 'payload.unknown-field';

export const payloadUnknownField: Rule = {
  id: ID,
  title: 'Body field not defined by the operation\'s request model',
  defaultSeverity: 'error',
  help: 'The body has a field the operation\'s request model does not define, so its data does not reach the call; forum answers invent such fields (from, to, type, metadata, agentId). Use the real field the message names, or remove the field.',
  source: { ref: 'docs/facts.md#sdk-package index.d.ts', verified: true },
  check(ctx) {
    const out: Finding[] = [];
    for (const p of payloads(ctx)) for (const u of p.unknown) out.push(finding(ctx, p, u));
    return out;
  },
};

function finding(ctx: Parameters<Rule['check']>[0], p: Payload, u: UnknownField): Finding {
  const where = u.owner === p.model ? p.model : `${u.owner} (at ${u.pointer.replace(/\/[^/]*$/, '') || '/'})`;
  // Findings are written out as whole object literals: `{ ...base, x }` costs microseconds per finding in V8.
  const range = rangeOfNode(p, u.keyNode);
  const lore = folkloreField(p.model, u.fieldPath);
  if (lore) {
    const details = subEntries(p, u).map((e) => `\`${e.path}\` → ${e.truth}`);
    return {
      rule: ID, range, request: p.req.index, pointer: u.pointer, severity: 'error',
      message: `\`${u.key}\` is not a field of ${where}: ${truthFor(p, lore)}.${details.length ? ` ${details.join('; ')}.` : ''}`,
      fixes: [...certain(p, folkloreFix(p, u)), ...(u.pointer.lastIndexOf('/') === 0 ? callFixes(ctx, p) : [])],
      source: lore.source,
      explanation: `Why: ${lore.why}.`,
    };
  }
  const near = closest(u.key, u.known);
  const sameCase = u.known.filter((k) => k.toLowerCase() === u.key.toLowerCase());
  const fixes: Fix[] = sameCase.length === 1 && !hasKey(p, u, sameCase[0])
    ? [{ title: `Rename to \`${sameCase[0]}\``, edits: [{ range: rangeOfNode(p, u.keyNode), newText: JSON.stringify(sameCase[0]) }] }]
    : [];
  const hint = near.length
    ? `did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?`
    : u.known.length <= 20 ? `its fields are ${u.known.join(', ')}.` : `see the ${u.owner} model for its fields.`;
  return {
    rule: ID, range, request: p.req.index, pointer: u.pointer, severity: 'warning',
    message: `Unknown field \`${u.key}\` in ${where}: ${hint}`,
    fixes: certain(p, fixes),
    source: modelSource(ctx, u.owner),
  };
}

/** Folklore entries for the fields inside an invented object: from.id, to[].phoneNumber, ... */
function subEntries(p: Payload, u: UnknownField): { path: string; truth: string }[] {
  const out: { path: string; truth: string }[] = [];
  const visit = (node: typeof u.valueNode, path: string, depth: number) => {
    if (!node || depth > 3) return;
    if (node.type === 'array') for (const c of node.children ?? []) visit(c, `${path}[]`, depth + 1);
    if (node.type !== 'object') return;
    for (const prop of node.children ?? []) {
      const key = String(prop.children?.[0]?.value);
      const sub = `${path}.${key}`;
      const e = folkloreField(p.model, sub);
      if (e) out.push({ path: sub, truth: truthFor(p, e) });
      else visit(prop.children?.[1], sub, depth + 1);
    }
  };
  visit(u.valueNode, u.fieldPath, 0);
  return out.filter((e, i) => out.findIndex((x) => x.path === e.path) === i);
}

/** On the on-behalf endpoint the user already is the {userId} path parameter. */
function truthFor(p: Payload, e: FolkloreEntry): string {
  const onBehalf = /\/user\/\{userId\}$/.test(p.operation.path);
  return onBehalf && /calls\/user\/\{userId\}/.test(e.truth) && e.name !== 'from' && e.name !== 'routing'
    ? 'the user who places the call is the {userId} in this endpoint\'s path'
    : e.truth;
}

function hasKey(p: Payload, u: UnknownField, key: string): boolean {
  const parent = u.keyNode.parent?.parent;
  return !!parent?.children?.some((prop) => prop.children?.[0]?.value === key);
}

/** The one certain rewrite: `"to": "<number>"` → `"phoneNumber": "<number>"` when phoneNumber is absent. */
function folkloreFix(p: Payload, u: UnknownField): Fix[] {
  if (u.fieldPath !== 'to' || u.valueNode?.type !== 'string' || hasKey(p, u, 'phoneNumber')) return [];
  return [{ title: 'Rename `to` to `phoneNumber`', edits: [{ range: rangeOfNode(p, u.keyNode), newText: '"phoneNumber"' }] }];
}
