// Line-level structure of a .http/.rest file (REST Client and JetBrains/httpYac
// syntax), with document offsets. No variable resolution here (see build.ts).
//
// A block runs from a `###` line (optional title after it) to the next one. Inside:
//   pre:     blank lines, `#`/`//` comments (incl. `# @name x`), `@var = value`,
//            pre-request scripts `< {% ... %}` / `< ./script.js`
//   request: `[METHOD] URL [HTTP/x.y]` (no method = GET), then `?`/`&` continuation lines
//   headers: `Name: value` lines (comments skipped) up to a blank line
//   body:    the rest, up to a response handler (`> {% ... %}`, `> ./file.js`,
//            `>> file`, `<> file`); trailing blank and comment lines are not body.
import type { TextDocument } from '../../text';
import type { RawHeader, RawRequest, Span } from './rawTypes';
import { curlEndLine, isCurlLine, lexCurl } from './curl';

export type { RawHeader, RawRequest, Span } from './rawTypes';


export interface RawFileVariable { name: Span; value: Span; line: Span }

export interface LexResult {
  requests: RawRequest[];
  fileVariables: RawFileVariable[];
  /** Text of response-handler / pre-request scripts (for names they set). */
  scripts: string[];
  /** `# @prompt name` variables: asked for when the request is sent. */
  prompts: string[];
  /** Script files (`> ./handler.js`, `< ./pre.js`) as written, to look for names they set. */
  scriptFiles: string[];
}

export const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE',
  'LOCK', 'UNLOCK', 'PROPFIND', 'PROPPATCH', 'COPY', 'MOVE', 'MKCOL', 'MKCALENDAR', 'ACL', 'SEARCH',
  'GRAPHQL', 'WEBSOCKET', 'GRPC', 'SSE']);

const SEPARATOR = /^\s*###/;
const COMMENT = /^\s*(#|\/\/)/;
const NAME_COMMENT = /^\s*(?:#|\/\/)\s*@name(?:\s*=\s*|\s+)(\S+)\s*$/;
const FILE_VAR = /^(\s*)@([^\s=]+)(\s*=\s*)(.*?)\s*$/;
const SCRIPT_START = /^\s*[<>]\s*\{%/;
const HANDLER = /^\s*(>|>>!?|<>)\s*\S/;        // response handler / redirect / reference
const PRE_SCRIPT_FILE = /^\s*<\s+(\S+\.(?:js|mjs|cjs|ts))\s*$/;
const HANDLER_FILE = /^\s*>\s+(\S+\.(?:js|mjs|cjs|ts))\s*$/;
// RFC 9110 token characters (so a body line like `{"a": 1}` is never a header), or a {{variable}}.
const HEADER = /^(\s*)([\w!#$%&'*+.^`|~-]+|\{\{[^{}]+\}\})(\s*:\s*)(.*?)\s*$/;
const PROMPT = /^\s*(?:#|\/\/)\s*@prompt\s+([\w.-]+)/;
const YAC_SCRIPT_START = /^\s*\{\{[+@]?\w*\s*$/;    // httpYac script block: "{{" alone on a line ... "}}"
const INCLUDE = /^(\s*)<(@\w*)?\s+(.*?)\s*$/;
const QUERY_CONT = /^\s*[?&]/;

export function lexHttp(doc: TextDocument): LexResult {
  const result: LexResult = { requests: [], fileVariables: [], scripts: [], prompts: [], scriptFiles: [] };
  let blockStart = 0;
  let blockIndex = 0;
  for (const i of separatorLines(doc)) {
    if (i > blockStart) lexBlock(doc, blockStart, i, blockIndex, result);
    blockIndex++;
    blockStart = i;
  }
  lexBlock(doc, blockStart, doc.lineCount, blockIndex, result);
  return result;
}

/** The `###` lines, in order: found by searching the text for "###" rather than testing every line. */
function separatorLines(doc: TextDocument): number[] {
  const out: number[] = [];
  const text = doc.text;
  for (let at = text.indexOf('###'); at >= 0;) {
    const line = doc.positionAt(at).line;
    if (SEPARATOR.test(doc.lineAt(line).text)) out.push(line);
    if (line + 1 >= doc.lineCount) break;
    at = text.indexOf('###', Math.max(at + 3, doc.offsetAt({ line: line + 1, character: 0 })));
  }
  return out;
}

function trimmedSpan(doc: TextDocument, line: number): Span {
  const { text, start } = doc.lineAt(line);
  let a = 0, b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return { start: start + a, end: start + b };
}

/** Offset just past a line's last non-blank character (trimmedSpan(...).end without the span). */
function contentEnd(doc: TextDocument, line: number): number {
  const { text, start } = doc.lineAt(line);
  let b = text.length;
  while (b > 0 && isSpace(text.charCodeAt(b - 1))) b--;
  return start + b;
}

/** The whitespace String.prototype.trim removes (ASCII and Unicode). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/** First non-blank character code of a line, or -1 for a blank line. */
function firstChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) return c;
  }
  return -1;
}

// Only a line starting with one of these can be a script, include, handler or comment.
const LT = 60, GT = 62, HASH = 35, SLASH = 47;
// ... or, before the request line, a file variable (@) or an httpYac script block ({{).
const PRE_LINE_START = new Set([LT, GT, HASH, SLASH, 64 /* @ */, 123 /* { */]);

function lexBlock(doc: TextDocument, from: number, to: number, blockIndex: number, out: LexResult): void {
  let i = from;
  let title: RawRequest['title'];
  if (i < to && SEPARATOR.test(doc.lineAt(i).text)) {
    const l = doc.lineAt(i);
    const m = /^(\s*###\s*)(.*?)\s*$/.exec(l.text)!;
    if (m[2]) title = { text: m[2], span: { start: l.start + m[1].length, end: l.start + m[1].length + m[2].length } };
    i++;
  }
  let name: RawRequest['name'];
  let firstContent: number | undefined;
  // pre phase
  for (; i < to; i++) {
    const text = doc.lineAt(i).text;
    const first = firstChar(text);
    if (first === -1) continue;
    firstContent ??= i;
    if (!PRE_LINE_START.has(first)) break;     // the request line (or curl)
    const nm = NAME_COMMENT.exec(text);
    if (nm) {
      const s = doc.lineAt(i).start + text.lastIndexOf(nm[1]);
      name = { text: nm[1], span: { start: s, end: s + nm[1].length } };
      continue;
    }
    const prompt = PROMPT.exec(text);
    if (prompt) { out.prompts.push(prompt[1]); continue; }
    if (COMMENT.test(text)) continue;
    if (YAC_SCRIPT_START.test(text)) { i = skipYacScript(doc, i, to, out); continue; }
    const fv = FILE_VAR.exec(text);
    if (fv) {
      const s = doc.lineAt(i).start;
      const ns = s + fv[1].length + 1;
      const vs = ns + fv[2].length + fv[3].length;
      out.fileVariables.push({ name: { start: ns, end: ns + fv[2].length }, value: { start: vs, end: vs + fv[4].length }, line: trimmedSpan(doc, i) });
      continue;
    }
    if (SCRIPT_START.test(text)) { i = skipScript(doc, i, to, out); continue; }
    const pre = PRE_SCRIPT_FILE.exec(text);
    if (pre) { out.scriptFiles.push(pre[1]); continue; }
    break;
  }
  if (i >= to) return;                          // only variables/comments: no request
  const req: RawRequest = { blockIndex, title, name, range: { start: 0, end: 0 }, urlParts: [], headers: [] };
  const reqStart = doc.lineAt(firstContent ?? i).start;
  if (isCurlLine(doc.lineAt(i).text)) {
    const end = curlEndLine(doc, i, to);
    lexCurl(doc, i, end, req);
    if (!req.urlParts.length) {                 // no URL written: an empty URL right after "curl"
      const at = doc.lineAt(i).start + doc.lineAt(i).text.indexOf('curl') + 4;
      req.urlParts.push({ start: at, end: at });
    }
    req.range = { start: reqStart, end: contentEnd(doc, end - 1) };
    out.requests.push(req);
    return;
  }
  lexRequestLine(doc, i, req);
  let lastContentEnd = contentEnd(doc, i);
  i++;
  for (; i < to && QUERY_CONT.test(doc.lineAt(i).text); i++) {
    req.urlParts.push(trimmedSpan(doc, i));
    lastContentEnd = contentEnd(doc, i);
  }
  // headers
  for (; i < to; i++) {
    const text = doc.lineAt(i).text;
    const first = firstChar(text);
    if (first === -1) { i++; break; }
    if (first === LT || first === GT || first === HASH || first === SLASH) {
      if (COMMENT.test(text)) continue;
      if (SCRIPT_START.test(text) || HANDLER.test(text)) break;
    }
    const h = HEADER.exec(text);
    if (!h) break;                              // no blank line before the body: be lenient
    const s = doc.lineAt(i).start + h[1].length;
    const vs = s + h[2].length + h[3].length;
    req.headers.push({ line: trimmedSpan(doc, i), name: { start: s, end: s + h[2].length }, value: { start: vs, end: vs + h[4].length } });
    lastContentEnd = contentEnd(doc, i);
  }
  // body: stops at the first response handler; leading/trailing comment lines are not body
  let bodyFirst: number | undefined, bodyLast: number | undefined;
  let afterHandler = false;
  for (; i < to; i++) {
    const text = doc.lineAt(i).text;
    const first = firstChar(text);
    if (first === -1) continue;
    if (first !== LT && first !== GT && first !== HASH && first !== SLASH) {   // plain body text (most lines)
      if (afterHandler) continue;
      bodyFirst ??= i;
      bodyLast = i;
      lastContentEnd = contentEnd(doc, i);
      continue;
    }
    if (SCRIPT_START.test(text)) {
      i = skipScript(doc, i, to, out);
      lastContentEnd = contentEnd(doc, i);
      afterHandler = true;
      continue;
    }
    const isInclude = INCLUDE.test(text) && !/^\s*<>/.test(text);
    if (HANDLER.test(text) && !isInclude) {
      const file = HANDLER_FILE.exec(text);
      if (file) out.scriptFiles.push(file[1]);
      lastContentEnd = contentEnd(doc, i);
      afterHandler = true;
      continue;
    }
    if (afterHandler) continue;
    if (COMMENT.test(text)) continue;
    bodyFirst ??= i;
    bodyLast = i;
    lastContentEnd = contentEnd(doc, i);
  }
  if (bodyFirst !== undefined && bodyLast !== undefined) {
    req.body = { start: doc.lineAt(bodyFirst).start, end: doc.lineAt(bodyLast).end };
    const inc = INCLUDE.exec(doc.lineAt(bodyFirst).text);
    if (inc && !/^\s*<>/.test(doc.lineAt(bodyFirst).text)) {
      const ls = doc.lineAt(bodyFirst).start;
      const ps = ls + doc.lineAt(bodyFirst).text.lastIndexOf(inc[3]);
      req.include = { path: { start: ps, end: ps + inc[3].length }, processVariables: inc[2] !== undefined, line: trimmedSpan(doc, bodyFirst) };
    }
  }
  req.range = { start: reqStart, end: lastContentEnd };
  out.requests.push(req);
}

function lexRequestLine(doc: TextDocument, lineNo: number, req: RawRequest): void {
  const l = doc.lineAt(lineNo);
  const text = l.text.trimEnd();
  let pos = text.length - text.trimStart().length;
  const first = /^\S+/.exec(text.slice(pos))![0];
  if (METHODS.has(first.toUpperCase()) && text.slice(pos + first.length).trim()) {
    req.method = { start: l.start + pos, end: l.start + pos + first.length };
    pos += first.length;
    pos += text.slice(pos).length - text.slice(pos).trimStart().length;
  }
  let urlEnd = text.length;
  const ver = /\s+(HTTP\/\d(?:\.\d)?)$/i.exec(text.slice(pos));
  if (ver) { req.httpVersion = ver[1]; urlEnd = pos + ver.index; }
  req.urlParts.push({ start: l.start + pos, end: l.start + urlEnd });
}

/** Skips an httpYac `{{ ... }}` script block starting on line i; returns its last line. */
function skipYacScript(doc: TextDocument, i: number, to: number, out: LexResult): number {
  let j = i + 1;
  while (j < to && !/^\s*\}\}\s*$/.test(doc.lineAt(j).text)) j++;
  const last = Math.min(j, to - 1);
  out.scripts.push(doc.text.slice(doc.lineAt(i).start, doc.lineAt(last).end));
  return last;
}

/** Skips a `{% ... %}` script starting on line i; returns the last line of the script. */
function skipScript(doc: TextDocument, i: number, to: number, out: LexResult): number {
  const startLine = i;
  const open = doc.lineAt(i).text.indexOf('{%');
  let j = i;
  for (; j < to; j++) {
    const t = doc.lineAt(j).text;
    if (t.indexOf('%}', j === i ? open + 2 : 0) >= 0) break;
  }
  const last = Math.min(j, to - 1);
  out.scripts.push(doc.text.slice(doc.lineAt(startLine).start, doc.lineAt(last).end));
  return last;
}
