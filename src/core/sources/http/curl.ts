// A `curl ...` command as a request in a .http file (REST Client accepts them).
// Understood: the URL (first non-option word or --url), -X/--request,
// -H/--header, -d/--data/--data-raw/--data-binary/--data-ascii/--data-urlencode
// (the first one is the body), and `\` line continuations. Other options are
// skipped. Spans point inside the quotes, so ranges are exact; a double-quoted
// value with backslash escapes is taken as written.
import type { TextDocument } from '../../text';
import type { RawRequest, Span } from './rawTypes';

interface Word { raw: Span; value: Span }

const VALUE_OPTS = new Set(['-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-ascii',
  '--data-urlencode', '--url', '-u', '--user', '-A', '--user-agent', '-o', '--output', '-e', '--referer', '-b', '--cookie',
  '-F', '--form', '-m', '--max-time', '--connect-timeout', '-x', '--proxy', '-w', '--write-out', '--cacert', '--cert', '-E', '--key']);
const DATA_OPTS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode']);

/** True when the line starts a curl command. */
export function isCurlLine(text: string): boolean { return /^\s*curl\s/.test(text); }

/** Last line (exclusive) of a curl command starting at `line`: continues while a line ends with "\". */
export function curlEndLine(doc: TextDocument, line: number, to: number): number {
  let i = line;
  while (i + 1 < to && /\\\s*$/.test(doc.lineAt(i).text)) i++;
  return i + 1;
}

/** Splits [start, end) of the document into shell words with offsets. */
function words(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  let i = start;
  while (i < end) {
    while (i < end && (/\s/.test(text[i]) || (text[i] === '\\' && /[\r\n]/.test(text[i + 1] ?? '')))) i++;
    if (i >= end) break;
    const ws = i;
    let quoted: Span | undefined, segments = 0;
    while (i < end && !/\s/.test(text[i])) {
      segments++;
      const q = text[i];
      if (q === "'" || q === '"') {
        const s = i + 1;
        i = s;
        while (i < end && text[i] !== q) i += q === '"' && text[i] === '\\' ? 2 : 1;
        quoted = { start: s, end: Math.min(i, end) };
        i++;
      } else {
        while (i < end && !/[\s'"]/.test(text[i])) i += text[i] === '\\' && !/[\r\n]/.test(text[i + 1] ?? '') ? 2 : 1;
        if (text[i] === '\\') break;
      }
    }
    const raw = { start: ws, end: Math.min(i, end) };
    out.push({ raw, value: segments === 1 && quoted ? quoted : raw });
  }
  return out;
}

/** Fills `req` (method, URL, headers, body) from the curl command on lines [line, endLine). */
export function lexCurl(doc: TextDocument, line: number, endLine: number, req: RawRequest): void {
  const text = doc.text;
  const start = doc.lineAt(line).start + doc.lineAt(line).text.indexOf('curl') + 4;
  const ws = words(text, start, doc.lineAt(endLine - 1).end);
  const str = (s: Span) => text.slice(s.start, s.end);
  req.curl = true;
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k];
    let opt = str(w.raw);
    let value: Span | undefined;
    const eq = /^(--[\w-]+)=/.exec(opt);
    if (eq) { opt = eq[1]; value = { start: w.raw.start + eq[0].length, end: w.raw.end }; }
    else if (/^-[XHd]./.test(opt) && !opt.startsWith('--')) {         // -XPOST, -H'X: y'
      const rest = { start: w.raw.start + 2, end: w.raw.end };
      value = /^['"]/.test(text[rest.start]) ? { start: rest.start + 1, end: rest.end - 1 } : rest;
      opt = opt.slice(0, 2);
    } else if (VALUE_OPTS.has(opt) && ws[k + 1]) value = ws[++k].value;
    if (!opt.startsWith('-')) { if (!req.urlParts.length) req.urlParts.push(w.value); continue; }
    if (!value) continue;
    if (opt === '-X' || opt === '--request') req.method = value;
    else if (opt === '--url' && !req.urlParts.length) req.urlParts.push(value);
    else if (opt === '-H' || opt === '--header') {
      const h = /^([^\s:]+)(\s*:\s*)(.*?)\s*$/.exec(str(value));
      if (h) {
        const ns = value.start;
        const vs = ns + h[1].length + h[2].length;
        req.headers.push({ line: value, name: { start: ns, end: ns + h[1].length }, value: { start: vs, end: vs + h[3].length } });
      }
    } else if (DATA_OPTS.has(opt) && !req.body) {
      req.body = value;
      if (!req.method) req.defaultMethod = 'POST';
    }
  }
}
