// Markdown for hovers: findings, operations and body-model fields. Only
// presentation of what the core returned; no Genesys knowledge lives here.
import type { JsonSchema, Operation, PermissionRequirement } from '../../core/catalog';
import type { RequirementMarks } from '../../core/token';
import type { Finding, SourceRef } from '../../core';
import { OPEN_FACTS_COMMAND, parseFactsRef } from '../../shared/protocol';

/** A `command:` link that opens the shipped facts reference at `anchor` (the hover trusts only this command). */
export function factsCommandLink(anchor: string): string {
  return `command:${OPEN_FACTS_COMMAND}?${encodeURIComponent(JSON.stringify([anchor]))}`;
}

function sourceLine(source: SourceRef): string {
  const facts = parseFactsRef(source.ref);
  const ref = facts
    ? `[docs/facts.md#${facts.anchor}](${factsCommandLink(facts.anchor)} "Open the facts reference")${facts.detail ? ` \`${facts.detail}\`` : ''}`
    : source.url ? `[${source.ref}](${source.url})` : `\`${source.ref}\``;
  return `Source: ${ref} — ${source.verified ? 'verified' : '**unverified**'}`;
}

/** VS Code already shows the diagnostic's message above the hover: add the longer explanation when there is one. */
export function findingMarkdown(f: Finding): string {
  return [`**${f.rule}** (${f.severity})`, f.explanation ?? f.message, sourceLine(f.source)].join('\n\n');
}

function permissionsMarkdown(p: PermissionRequirement | undefined): string {
  if (!p) return 'Required permissions: could not determine (no source in the catalog names them)';
  if (p.type === 'NO' || p.permissions.length === 0) return `Required permissions: none declared\n\n${sourceLine(p.source)}`;
  const how = p.type === 'ALL' ? 'ALL of' : 'ANY of';
  return `Required permissions (${how}): ${p.permissions.map((x) => `\`${x}\``).join(', ')}\n\n${sourceLine(p.source)}`;
}

export function operationMarkdown(op: Operation): string {
  const parts = [`**${op.method} ${op.path}** — \`${op.id}\` (${op.group})${op.deprecated ? ' — deprecated' : ''}`];
  if (op.summary) parts.push(op.summary);
  parts.push(permissionsMarkdown(op.permissions));
  const scopes = op.scopes;
  if (!scopes || scopes.scopes === null) {
    parts.push(`OAuth scopes: unknown${scopes ? `\n\n${sourceLine(scopes.source)}` : ''}`);
  } else {
    parts.push(`OAuth scopes (any of): ${scopes.scopes.map((s) => `\`${s}\``).join(', ') || 'none'}\n\n${sourceLine(scopes.source)}`);
  }
  if (op.bodyModel) parts.push(`Body: \`${op.bodyModel}\``);
  return parts.join('\n\n');
}

function deref(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  const m = /^#\/definitions\/(.+)$/.exec(ref);
  const defs = root.definitions as Record<string, JsonSchema> | undefined;
  return m && defs ? { ...defs[m[1]], $refName: m[1] } : schema;
}

/** The schema of the value at `path` (object keys and array indexes) in a body of `root`. */
export function schemaAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const seg of path) {
    node = deref(node, root);
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.items as JsonSchema | undefined;
    else node = (node.properties as Record<string, JsonSchema> | undefined)?.[seg]
      ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties as JsonSchema : undefined);
  }
  return deref(node, root);
}

function typeName(s: JsonSchema): string {
  if (typeof s.$refName === 'string') return s.$refName;
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.type === 'array' && s.items) {
    const items = s.items as JsonSchema;
    return `Array<${typeof items.$ref === 'string' ? items.$ref.replace('#/definitions/', '') : typeName(items)}>`;
  }
  return typeof s.type === 'string' ? s.type : Array.isArray(s.type) ? s.type.join(' | ') : 'any';
}

export function fieldMarkdown(model: string, path: readonly (string | number)[], s: JsonSchema): string {
  const field = path.filter((p) => typeof p === 'string').join('.');
  const parts = [`**${field}**: \`${typeName(s)}\` — field of \`${model}\``];
  if (typeof s.description === 'string') parts.push(s.description);
  return parts.join('\n\n');
}

const GLYPH = { held: '✓', 'other-division': '⚠', missing: '✗', unknown: '?', 'not-needed': '–', 'not-applicable': '–' } as const;

/** The signed-in user's ✓/✗/? for each scope and permission the operation needs, with the reason. */
export function accessMarkdown(marks: RequirementMarks, who: string): string {
  const rows = [...marks.scopes, ...marks.permissions].map((m) => `- ${GLYPH[m.state]} ${m.kind} \`${m.name}\` — ${m.why}`);
  rows.push(...marks.notes.map((n) => `- ? ${n}`));
  return [`**For ${who}:**`, rows.join('\n') || 'nothing to check (no scope or permission declared)'].join('\n\n');
}
