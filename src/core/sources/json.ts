// JSON bodies with exact document positions. Bodies in .http files may hold
// unquoted `{{var}}` (e.g. `"priority": {{prio}}`); jsonTextForParsing swaps each
// for a same-length `null` (padded with spaces) so jsonc-parser offsets stay exact.
import * as jsonc from 'jsonc-parser';
import type { Range } from '../types';
import type { RequestBody, SourceDocument } from './types';

export interface Placeholder { start: number; end: number; name: string }

/** Unquoted `{{...}}` spans outside strings and comments (offsets into `body`). */
export function unquotedPlaceholders(body: string): Placeholder[] {
  const out: Placeholder[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '"') {                                       // skip a string (with escapes)
      i++;
      while (i < body.length && body[i] !== '"' && body[i] !== '\n') i += body[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && body[i + 1] === '/') {
      while (i < body.length && body[i] !== '\n') i++;
    } else if (c === '/' && body[i + 1] === '*') {
      const e = body.indexOf('*/', i + 2);
      i = e < 0 ? body.length : e + 2;
    } else if (c === '{' && body[i + 1] === '{') {
      const e = body.indexOf('}}', i + 2);
      const nl = body.indexOf('\n', i);
      if (e < 0 || (nl >= 0 && nl < e)) { i++; continue; }
      out.push({ start: i, end: e + 2, name: body.slice(i + 2, e).trim() });
      i = e + 2;
    } else i++;
  }
  return out;
}

/** Same length as `body`; each unquoted `{{...}}` becomes `null` plus spaces. */
export function jsonTextForParsing(body: string): string {
  let out = '', last = 0;
  for (const p of unquotedPlaceholders(body)) {
    out += body.slice(last, p.start) + 'null'.padEnd(p.end - p.start, ' ');
    last = p.end;
  }
  return out + body.slice(last);
}

export interface JsonBody {
  /** Parsed tree (offsets relative to the parsed text), undefined when empty. */
  root: jsonc.Node | undefined;
  value: unknown;
  /** The text that was parsed (the body or the included file). */
  text: string;
  /** True when the JSON came from a `< file` include: ranges then point at the include path. */
  fromInclude: boolean;
  errors: { message: string; range: Range }[];
  placeholders: Placeholder[];
  /** Document range of a node (include path range for included bodies). */
  rangeOf(node: jsonc.Node): Range;
  /** Range of a property's key, else of the node. */
  keyRangeOf(node: jsonc.Node): Range;
  /** True when the node stands for an unquoted `{{variable}}` (its type is unknown). */
  isPlaceholder(node: jsonc.Node): boolean;
  /** Node at a JSON pointer such as "/to/0/phoneNumber". */
  nodeAt(pointer: string): jsonc.Node | undefined;
}

/** Parses a request body (inline or included) as JSONC, keeping document positions. */
export function parseJsonBody(doc: SourceDocument, body: RequestBody): JsonBody {
  const fromInclude = body.include !== undefined;
  const text = fromInclude ? body.include!.text ?? '' : body.text;
  const placeholders = unquotedPlaceholders(text);
  const errs: jsonc.ParseError[] = [];
  const parseable = jsonTextForParsing(text);
  const root = jsonc.parseTree(parseable, errs, { allowTrailingComma: true, disallowComments: false });
  const rangeAt = (start: number, length: number): Range =>
    fromInclude ? body.include!.range : { start: doc.positionAt(body.offset + start), end: doc.positionAt(body.offset + start + length) };
  const placeholderAt = (n: jsonc.Node) => placeholders.find((p) => p.start === n.offset);
  /** A placeholder node covers the whole `{{...}}`, not just the `null` standing in for it. */
  const rangeOf = (n: jsonc.Node) => rangeAt(n.offset, placeholderAt(n) ? placeholderAt(n)!.end - n.offset : n.length);
  return {
    root, text, fromInclude, placeholders,
    // jsonc.parse builds plain objects (getNodeValue's have a null prototype).
    value: root ? jsonc.parse(parseable, [], { allowTrailingComma: true }) : undefined,
    errors: errs.map((e) => ({ message: jsonc.printParseErrorCode(e.error), range: rangeAt(e.offset, e.length) })),
    rangeOf,
    keyRangeOf: (n) => (n.parent?.type === 'property' && n.parent.children?.[0] ? rangeOf(n.parent.children[0]) : rangeOf(n)),
    isPlaceholder: (n) => placeholderAt(n) !== undefined,
    nodeAt: (pointer) => (root ? jsonc.findNodeAtLocation(root, pointerPath(pointer)) : undefined),
  };
}

/** "/a/0/b~1c" -> ["a", 0, "b/c"]. */
export function pointerPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map((s) => {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(k) ? Number(k) : k;
  });
}

/** JSON pointer of a node (inverse of nodeAt). */
export function pointerOf(node: jsonc.Node): string {
  const path = jsonc.getNodePath(node);
  if (path.length === 0) return '';
  return '/' + path.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
