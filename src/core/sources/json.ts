// The one parser for JSON request bodies: inline .http bodies, `< file` includes
// and .json/.jsonc payload files. Lint rules, the live target and live finding
// placement all read the same parse, memoised on the request's body object (a new
// document version has new body objects), so each body is parsed once.
//
// Options, the same for every consumer: a body is sent as JSON, so comments and
// trailing commas are errors (payload.invalid-json reports them). One exception, as
// before: a .jsonc payload file, whose author chose JSON with comments, may hold
// comments (trailing commas are still errors). jsonc-parser builds the same tree
// either way; only the errors differ.
//
// Bodies in .http files may hold unquoted `{{var}}` (`"priority": {{prio}}`):
// jsonTextForParsing swaps each for a same-length `null` (padded with spaces) so
// offsets stay exact; such values are unknown until send time. A leading BOM is
// blanked too (readers strip it; it is no JSON error). jsonc-parser recurses once per
// nesting level, so a body nested deeper than MAX_JSON_DEPTH is not parsed: it gets a
// single TOO_DEEP error instead of a stack overflow.
import * as jsonc from 'jsonc-parser';
import type { Range } from '../types';
import type { ParsedRequest, RequestBody, SourceDocument } from './types';

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

/** Deeper nesting is not parsed (jsonc-parser would overflow the stack near 5,000 levels). */
export const MAX_JSON_DEPTH = 1000;
/** Error code of a body nested deeper than MAX_JSON_DEPTH (the only error it then has). */
export const TOO_DEEP = 'TooDeep';

export interface JsonError {
  /** jsonc-parser's error code name (e.g. "InvalidCommentToken"), or TOO_DEEP. */
  code: string;
  /** Plain words, e.g. "comments are not allowed in JSON". */
  message: string;
  /** Offset and length in `text`. */
  offset: number;
  length: number;
  range: Range;
}

export interface JsonBody {
  /** Parsed tree (offsets relative to `text`), undefined when empty or too deep. */
  root: jsonc.Node | undefined;
  /** Plain value of the tree (bare `{{variables}}` are null); computed on first read. */
  readonly value: unknown;
  /** The text that was parsed, as written (the body or the included file). */
  text: string;
  /** True when the JSON came from a `< file` include: ranges then point at the include path. */
  fromInclude: boolean;
  errors: JsonError[];
  placeholders: Placeholder[];
  /** Document range of an offset/length inside `text` (the include path for included bodies). */
  rangeAt(offset: number, length: number): Range;
  /** Document range of a node; a bare `{{variable}}` node covers the whole placeholder. */
  rangeOf(node: jsonc.Node): Range;
  /** Range of a property's key, else of the node. */
  keyRangeOf(node: jsonc.Node): Range;
  /** True when the node stands for an unquoted `{{variable}}` (its type is unknown). */
  isPlaceholder(node: jsonc.Node): boolean;
  /** True for values that are a bare `{{variable}}` or a string holding one (known only at send time). */
  isVariable(node: jsonc.Node): boolean;
  /** Node at a JSON pointer such as "/to/0/phoneNumber". */
  nodeAt(pointer: string): jsonc.Node | undefined;
}

const parsed = new WeakMap<RequestBody, JsonBody>();
let parseCount = 0;

/** How many bodies were parsed so far (tests prove each body is parsed once). */
export function jsonParseCount(): number {
  return parseCount;
}

/** The body parsed as JSON, whatever its content type (parsed once per body object). */
export function parseJsonBody(doc: SourceDocument, body: RequestBody): JsonBody {
  let hit = parsed.get(body);
  if (!hit) parsed.set(body, (hit = parse(doc, body)));
  return hit;
}

/** The request's JSON body, or undefined when it has none, a blank one or one that is not JSON. */
export function jsonBodyOf(req: ParsedRequest, doc: SourceDocument): JsonBody | undefined {
  const body = req.body;
  const text = body?.include ? body.include.text : body?.text;
  if (!body || text === undefined || !/\S/.test(text) || !looksJson(req, text)) return undefined;
  return parseJsonBody(doc, body);
}

function looksJson(req: ParsedRequest, text: string): boolean {
  const kind = req.body?.kind;
  if (kind === 'json') return true;
  if (kind === 'form' || kind === 'none') return false;
  const ct = req.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  return /json/i.test(ct) || (kind !== 'text' && /^\s*[{[]/.test(text));
}

/** Comments are allowed only in a .jsonc payload file (see the header). */
function commentsAllowed(doc: SourceDocument, body: RequestBody): boolean {
  return doc.kind === 'json' && !body.include && /\.jsonc$/i.test(doc.path);
}

function parse(doc: SourceDocument, body: RequestBody): JsonBody {
  parseCount++;
  const inc = body.include;
  const fromInclude = inc !== undefined;
  const text = inc ? inc.text ?? '' : body.text;
  const placeholders = unquotedPlaceholders(text);
  const variables = [...text.matchAll(/\{\{.*?\}\}/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const parseable = jsonTextForParsing(text).replace(/^\uFEFF/, ' ');
  const rangeAt = (start: number, length: number): Range =>
    inc ? inc.range : { start: doc.positionAt(body.offset + start), end: doc.positionAt(body.offset + start + length) };
  const deepAt = tooDeepAt(parseable);
  const errs: jsonc.ParseError[] = [];
  const root = deepAt < 0
    ? jsonc.parseTree(parseable, errs, { disallowComments: !commentsAllowed(doc, body), allowTrailingComma: false, allowEmptyContent: false })
    : undefined;
  const errors: JsonError[] = deepAt < 0
    ? errs.map((e) => {
      const code = jsonc.printParseErrorCode(e.error);
      return { code, message: ERROR_WORDS[code] ?? code, offset: e.offset, length: e.length, range: rangeAt(e.offset, e.length) };
    })
    : [{ code: TOO_DEEP, message: `nested deeper than ${MAX_JSON_DEPTH} levels`, offset: deepAt, length: 1, range: rangeAt(deepAt, 1) }];
  const placeholderAt = (n: jsonc.Node) => placeholders.find((p) => p.start === n.offset);
  const rangeOf = (n: jsonc.Node) => {
    const p = placeholderAt(n);
    return rangeAt(n.offset, p ? p.end - n.offset : n.length);
  };
  let value: { v: unknown } | undefined;
  return {
    root, text, fromInclude, errors, placeholders, rangeAt, rangeOf,
    get value() { return (value ??= { v: root ? valueOf(root) : undefined }).v; },
    keyRangeOf: (n) => (n.parent?.type === 'property' && n.parent.children?.[0] ? rangeOf(n.parent.children[0]) : rangeOf(n)),
    isPlaceholder: (n) => placeholderAt(n) !== undefined,
    // Only values are variables: an object or array that merely contains one is still checked field by field.
    isVariable: (n) => n.type !== 'object' && n.type !== 'array' && n.type !== 'property'
      && variables.some(([a, b]) => n.offset < b && a < n.offset + n.length),
    nodeAt: (pointer) => (root ? jsonc.findNodeAtLocation(root, pointerPath(pointer)) : undefined),
  };
}

/** Offset of the first `{`/`[` nested deeper than MAX_JSON_DEPTH, else -1 (strings and comments skipped). */
function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 1;
    } else if (c === '{' || c === '[') {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  return -1;
}

/** Plain objects (jsonc's getNodeValue gives null-prototype ones); "__proto__" stays an own key, as in JSON.parse. */
function valueOf(n: jsonc.Node): unknown {
  if (n.type === 'array') return (n.children ?? []).map(valueOf);
  if (n.type !== 'object') return n.value;
  const obj: Record<string, unknown> = {};
  for (const prop of n.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v) Object.defineProperty(obj, String(k.value), { value: valueOf(v), enumerable: true, writable: true, configurable: true });
  }
  return obj;
}

const ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: 'invalid symbol', InvalidNumberFormat: 'invalid number', PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected', ColonExpected: 'colon expected', CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected', CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'end of input expected', InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment', UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number', InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character', InvalidCharacter: 'invalid character in string',
};

/** "/a/0/b~1c" -> ["a", 0, "b/c"]. */
export function pointerPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map((s) => {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(k) ? Number(k) : k;
  });
}

/** RFC 6901 pointer segment. */
export function pointerSegment(s: string | number): string {
  const str = String(s);
  return str.includes('~') || str.includes('/') ? str.replace(/~/g, '~0').replace(/\//g, '~1') : str;
}

/** JSON pointer of a node (inverse of nodeAt). */
export function pointerOf(node: jsonc.Node): string {
  const path = jsonc.getNodePath(node);
  return path.map((k) => '/' + pointerSegment(k)).join('');
}
