// Re-printing a JSON body in the style it was written in (indent unit, base
// indent, line endings, compact or not). Leaf values are copied verbatim from
// the original text, so numbers, escapes and `{{variables}}` survive a rewrite.
import type { Node } from 'jsonc-parser';

export interface JsonStyle {
  /** One indentation level ("  " by default, or a tab). */
  unit: string;
  /** Indentation of the line the body starts on. */
  base: string;
  eol: string;
  /** The body was written on one line. */
  compact: boolean;
  /** Compact bodies only: separators as written (`": "` or `":"`, `", "` or `","`). */
  colon: string;
  comma: string;
}

/** The style of the JSON value `root` inside `text`. */
export function styleOf(text: string, root: Node): JsonStyle {
  const own = text.slice(root.offset, root.offset + root.length);
  const lineStart = text.lastIndexOf('\n', root.offset - 1) + 1;
  const lead = text.slice(lineStart, root.offset);
  const base = /^[ \t]*$/.test(lead) ? lead : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const compact = !own.includes('\n');
  const nested = /\n([ \t]+)\S/.exec(own)?.[1];
  const unit = nested && nested.startsWith(base) && nested.length > base.length ? nested.slice(base.length) : '  ';
  return { unit, base, eol, compact, colon: /"\s*:\s/.test(own) ? ': ' : ':', comma: /,\s/.test(own) ? ', ' : ',' };
}

/** A property to print: its key as JSON text and either a node of the original text or a printed value. */
export interface Entry { key: string; node?: Node; value?: string }

export function raw(text: string, node: Node): string {
  return text.slice(node.offset, node.offset + node.length);
}

function indent(style: JsonStyle, level: number): string {
  return style.base + style.unit.repeat(level);
}

function wrap(open: string, close: string, items: string[], style: JsonStyle, level: number): string {
  if (items.length === 0) return open + close;
  if (style.compact) return open + items.join(style.comma) + close;
  const inner = indent(style, level + 1);
  return `${open}${style.eol}${items.map((i) => inner + i).join(`,${style.eol}`)}${style.eol}${indent(style, level)}${close}`;
}

/** A value of the original text, re-indented for `level`. */
export function printNode(text: string, node: Node, style: JsonStyle, level: number): string {
  if (node.type === 'object') {
    const items = (node.children ?? []).map((prop) => {
      const [k, v] = prop.children ?? [];
      return `${raw(text, k)}${style.compact ? style.colon : ': '}${v ? printNode(text, v, style, level + 1) : 'null'}`;
    });
    return wrap('{', '}', items, style, level);
  }
  if (node.type === 'array') return wrap('[', ']', (node.children ?? []).map((c) => printNode(text, c, style, level + 1)), style, level);
  return raw(text, node);
}

/** A top-level object made of `entries`. */
export function printObject(text: string, entries: Entry[], style: JsonStyle): string {
  const colon = style.compact ? style.colon : ': ';
  const items = entries.map((e) => `${e.key}${colon}${e.node ? printNode(text, e.node, style, 1) : e.value}`);
  return wrap('{', '}', items, style, 0);
}
