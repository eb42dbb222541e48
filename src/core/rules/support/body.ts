// One JSON parse per request body, shared by every payload rule (cached on the
// request object). `{{variables}}` written as bare JSON values are replaced by
// a same-length `null` first, so offsets stay exact and such values are known
// to be unknowable until send time.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ParsedRequest, SourceDocument } from '../../sources/types';
import type { Range } from '../../types';

export interface ParsedBody {
  root: Node | undefined;
  errors: ParseError[];
  /** Range in the document for an offset/length inside the body text. */
  rangeOf(offset: number, length: number): Range;
  /** True for values that were a bare `{{variable}}` or a string containing one. */
  isVariable(node: Node): boolean;
  /** The body text came from a `< file` include: ranges all point at the include line. */
  fromInclude: boolean;
  text: string;
}

const cache = new WeakMap<ParsedRequest, ParsedBody | null>();

/** The JSON body of a request, or undefined when it has none (or a non-JSON one). */
export function jsonBody(req: ParsedRequest, doc: SourceDocument): ParsedBody | undefined {
  const hit = cache.get(req);
  if (hit !== undefined) return hit ?? undefined;
  const made = parseBody(req, doc);
  cache.set(req, made ?? null);
  return made;
}

export function parseErrorText(code: number): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'invalid symbol', InvalidNumberFormat: 'invalid number', PropertyNameExpected: 'property name expected',
    ValueExpected: 'value expected', ColonExpected: 'colon expected', CommaExpected: 'comma expected',
    CloseBraceExpected: 'closing brace expected', CloseBracketExpected: 'closing bracket expected',
    EndOfFileExpected: 'end of input expected', InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment', UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number', InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character', InvalidCharacter: 'invalid character in string',
  };
  const name = printParseErrorCode(code as Parameters<typeof printParseErrorCode>[0]);
  return words[name] ?? name;
}

function looksJson(req: ParsedRequest, text: string): boolean {
  if (req.body?.kind === 'json') return true;
  if (req.body?.kind === 'form' || req.body?.kind === 'none') return false;
  const ct = req.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  if (/json/i.test(ct)) return true;
  return req.body?.kind !== 'text' && /^\s*[{[]/.test(text);
}

const NOT_BLANK = /\S/;

function parseBody(req: ParsedRequest, doc: SourceDocument): ParsedBody | undefined {
  const body = req.body;
  if (!body) return undefined;
  const inc = body.include;
  const fromInclude = !!inc;
  const text = inc ? inc.text : body.text;
  if (text === undefined || !NOT_BLANK.test(text) || !looksJson(req, text)) return undefined;
  const { masked, spans } = maskVariables(text);
  const errors: ParseError[] = [];
  const allowComments = doc.kind === 'json' && /\.jsonc$/i.test(inc?.path ?? doc.path);
  const root = parseTree(masked, errors, { disallowComments: !allowComments, allowTrailingComma: false, allowEmptyContent: false });
  const rangeOf = inc
    ? () => inc.range
    : (offset: number, length: number) => ({ start: doc.positionAt(body.offset + offset), end: doc.positionAt(body.offset + offset + length) });
  // Only values are variables: an object or array that merely contains one is still checked field by field.
  const isVariable = (n: Node) => n.type !== 'object' && n.type !== 'array' && n.type !== 'property'
    && spans.some(([a, b]) => n.offset < b && a < n.offset + n.length);
  return { root, errors, rangeOf, isVariable, fromInclude, text };
}

/** Replaces `{{...}}` outside strings with `null` + spaces (same length); returns every variable span. */
export function maskVariables(text: string): { masked: string; spans: [number, number][] } {
  if (!text.includes('{{')) return { masked: text, spans: [] };
  const spans: [number, number][] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      const end = text.indexOf('}}', i + 2);
      if (end >= 0) {
        const len = end + 2 - i;
        spans.push([i, i + len]);
        out += inString ? text.slice(i, i + len) : 'null'.padEnd(len, ' ');
        i += len - 1;
        continue;
      }
    }
    if (inString && c === '\\') { out += c + (text[i + 1] ?? ''); i++; continue; }
    if (c === '"') inString = !inString;
    out += c;
  }
  return { masked: out, spans };
}

/** RFC 6901 pointer segment. */
export function pointerSegment(s: string | number): string {
  const str = String(s);
  return str.includes('~') || str.includes('/') ? str.replace(/~/g, '~0').replace(/\//g, '~1') : str;
}
