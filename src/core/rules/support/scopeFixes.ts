// Quick fixes for a name written where an OAuth scope belongs. Per-operation
// scopes are UNVERIFIED (docs/facts.md#operation-scopes), so the only replacement offered is the
// documented pattern (docs/facts.md#scope-format): no `:write` suffix (`conversations:write` ->
// `conversations`), read-only is `:readonly` (`conversations:read` ->
// `conversations:readonly`), and only when that domain scope is in the
// registry. Any other name that is certainly no scope gets "Remove scope".
import type { SourceDocument } from '../../sources/types';
import type { Fix, Range, TextEdit } from '../../types';
import type { ScopeRegistry } from '../../knowledge/scopes';
import type { ScopeSite } from './scopeSites';

export const BY_PATTERN = '(scope name by pattern, unverified)';

/** The domain scope a `<domain>:write` / `<domain>:read` name stands for, when the registry has it. */
export function patternScope(name: string, registry: ScopeRegistry): string | undefined {
  const m = /^([a-z][a-z-]*):(write|read)$/i.exec(name);
  if (!m) return undefined;
  const domain = m[1].toLowerCase();
  for (const d of [domain, `${domain}s`]) {
    const scope = m[2].toLowerCase() === 'write' ? d : `${d}:readonly`;
    if (registry.has(scope)) return scope;
  }
  return undefined;
}

/** A name that is certainly not a scope: folklore, a permission, a:b:c, or absent from an authoritative list. */
function certainlyNoScope(site: ScopeSite, authoritative: boolean): boolean {
  const { kind, shape } = site.cls;
  return kind === 'folklore' || kind === 'is-permission' || kind === 'unknown-permission-shaped'
    || (kind === 'unknown' && (authoritative || shape !== 'scope'));
}

export function scopeFixes(doc: SourceDocument, site: ScopeSite, registry: ScopeRegistry, authoritative: boolean): Fix[] {
  if (!site.where || site.cls.kind === 'known') return [];
  const a = doc.offsetAt(site.range.start);
  const b = doc.offsetAt(site.range.end);
  const written = doc.text.slice(a, b);
  const replacement = patternScope(site.name, registry);
  if (replacement) {
    const newText = site.where === 'array' ? JSON.stringify(replacement) : written.includes('%') ? encodeURIComponent(replacement) : replacement;
    return [{ title: `Replace \`${site.name}\` with \`${replacement}\` ${BY_PATTERN}`, edits: [{ range: site.range, newText }] }];
  }
  if (!certainlyNoScope(site, authoritative)) return [];
  const span = removalSpan(doc, site, a, b);
  if (!span) return [];
  const edit: TextEdit = { range: toRange(doc, span[0], span[1]), newText: '' };
  return [{ title: `Remove scope \`${site.name}\``, edits: [edit] }];
}

function toRange(doc: SourceDocument, a: number, b: number): Range {
  return { start: doc.positionAt(a), end: doc.positionAt(b) };
}

function removalSpan(doc: SourceDocument, site: ScopeSite, a: number, b: number): [number, number] | undefined {
  const text = doc.text;
  if (site.where === 'array') return arrayItem(text, a, b);
  if (site.where === 'code') {
    const la = doc.offsetAt(site.literal!.start);
    const lb = doc.offsetAt(site.literal!.end);
    // The literal holds this name alone: remove the literal from its array; else the name from the literal.
    return la + 1 === a && b + 1 === lb ? arrayItem(text, la, lb) : separatedItem(text, a, b);
  }
  return separatedItem(text, a, b) ?? scopeParam(text, a, b);
}

const SEP_AFTER = /^(?:[ \t]|\+|%20|,)+/i;
const SEP_BEFORE = /(?:[ \t]|\+|%20|,)+$/i;
const NAME_CHAR = /[A-Za-z0-9%_.:-]/;

/** One name of a space / `+` / `%20` / comma separated list, with one separator, when it has neighbours. */
function separatedItem(text: string, a: number, b: number): [number, number] | undefined {
  const after = SEP_AFTER.exec(text.slice(b, b + 200));
  if (after && NAME_CHAR.test(text[b + after[0].length] ?? '')) return [a, b + after[0].length];
  const before = SEP_BEFORE.exec(text.slice(Math.max(0, a - 200), a));
  if (before && NAME_CHAR.test(text[a - before[0].length - 1] ?? '')) return [a - before[0].length, b];
  return undefined;
}

/** The whole `scope=<name>` parameter with one `&` (or the `?` when it was the only query parameter). */
function scopeParam(text: string, a: number, b: number): [number, number] | undefined {
  const start = a - 'scope='.length;
  if (start < 0 || text.slice(start, a).toLowerCase() !== 'scope=') return undefined;
  if (text[b] === '&') return [start, b + 1];
  if (text[start - 1] === '&' || text[start - 1] === '?') return [start - 1, b];
  return undefined;
}

/** An item of a JSON / JS array (given with its quotes) with its comma; the only item leaves `[]`. */
function arrayItem(text: string, a: number, b: number): [number, number] | undefined {
  const rest = text.slice(b, b + 200);
  const head = text.slice(Math.max(0, a - 200), a);
  const after = /^\s*,\s*/.exec(rest);
  if (after && rest[after[0].length] !== ']') return [a, b + after[0].length];
  const before = /,\s*$/.exec(head);
  if (before) return [a - before[0].length, b];
  const open = /\[\s*$/.exec(head);
  const close = /^\s*,?\s*(?=\])/.exec(rest);
  if (open && close) return [a - open[0].length + 1, b + close[0].length];
  return undefined;
}
