// Turns lexed requests into ParsedRequests: resolves variables, reads body
// includes, classifies the body, and converts offsets to ranges.
import type { FilesPort } from '../../ports';
import type { TextDocument } from '../../text';
import type { Header, ParsedRequest, RequestBody, SourceProblem, VariableRef } from '../types';
import { dirOf, isFilePath, joinPath } from '../paths';
import type { RawRequest, Span } from './lexer';
import { findTemplateRefs, type Resolver } from './variables';

export interface BuildContext {
  doc: TextDocument;
  resolver: Resolver;
  files?: FilesPort;
  problems: SourceProblem[];
}

/** VariableRefs for every `{{...}}` inside `span` of the document, appended to `out`. */
export function refsIn(ctx: BuildContext, span: Span, out: VariableRef[] = []): VariableRef[] {
  const text = ctx.doc.text.slice(span.start, span.end);
  if (!text.includes('{{')) return out;
  for (const t of findTemplateRefs(text)) out.push(toRef(ctx, t.inner, ctx.doc.rangeAt(span.start + t.start, span.start + t.end)));
  return out;
}

function toRef(ctx: BuildContext, inner: string, range: VariableRef['range'], inInclude = false): VariableRef {
  const r = ctx.resolver.resolve(inner);
  const ref: VariableRef = { name: inner, range, resolved: r.resolved, source: r.source };
  if (r.value !== undefined) ref.value = r.value;
  if (r.sensitive) ref.sensitive = true;
  if (r.dynamic) ref.dynamic = true;
  if (r.problem) ref.problem = r.problem;
  if (inInclude) ref.inInclude = true;
  return ref;
}

const slice = (ctx: BuildContext, s: Span) => ctx.doc.text.slice(s.start, s.end);

/**
 * Synchronous unless the body is a `< file` include that has to be read: a
 * file of hundreds of requests should not pay a promise per request.
 */
export function buildRequest(ctx: BuildContext, raw: RawRequest, index: number): ParsedRequest | Promise<ParsedRequest> {
  const { doc, resolver } = ctx;
  const variables: VariableRef[] = [];
  const urlStart = raw.urlParts[0].start;
  const urlEnd = raw.urlParts[raw.urlParts.length - 1].end;
  const rawUrl = raw.urlParts.length === 1 ? slice(ctx, raw.urlParts[0]) : raw.urlParts.map((p) => slice(ctx, p)).join('');
  for (const p of raw.urlParts) refsIn(ctx, p, variables);

  const headers: Header[] = raw.headers.map((h) => {
    refsIn(ctx, h.line, variables);
    const rawValue = slice(ctx, h.value);
    return {
      name: slice(ctx, h.name), rawValue, value: resolver.substitute(rawValue),
      range: doc.rangeAt(h.line.start, h.line.end), valueRange: doc.rangeAt(h.value.start, h.value.end),
    };
  });

  const req: ParsedRequest = {
    index,
    name: raw.name?.text ?? null,
    method: raw.method ? slice(ctx, raw.method).toUpperCase() : raw.defaultMethod ?? 'GET',
    methodRange: raw.method ? doc.rangeAt(raw.method.start, raw.method.end) : doc.rangeAt(urlStart, urlStart),
    rawUrl,
    url: resolver.substitute(rawUrl),
    urlRange: doc.rangeAt(urlStart, urlEnd),
    range: doc.rangeAt(raw.range.start, raw.range.end),
    headers,
    variables,
  };
  if (!raw.method) req.methodImplicit = true;
  if (raw.title) req.title = raw.title.text;
  if (raw.httpVersion) req.httpVersion = raw.httpVersion;
  if (raw.curl) req.curl = true;
  if (!raw.body) return finish(ctx, raw, req);
  if (raw.include) {
    return includedBody(ctx, raw, headers, variables).then((body) => {
      req.body = body;
      return finish(ctx, raw, req);
    });
  }
  const span = raw.body;
  refsIn(ctx, span, variables);
  const text = slice(ctx, span);
  req.body = { text, offset: span.start, range: doc.rangeAt(span.start, span.end), kind: bodyKind(headers, undefined, text, raw.curl ? 'form' : 'text') };
  return finish(ctx, raw, req);
}

function finish(ctx: BuildContext, raw: RawRequest, req: ParsedRequest): ParsedRequest {
  if (raw.curl) {                               // also {{...}} in options we do not model (-u, --cookie, ...)
    const variables = req.variables;
    const seen = new Set(variables.map((v) => `${v.range.start.line}:${v.range.start.character}`));
    for (const v of refsIn(ctx, raw.range)) if (!seen.has(`${v.range.start.line}:${v.range.start.character}`)) variables.push(v);
    variables.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return req;
}

/** A `< file` body: the include's path and variables, and its text when it can be read. */
async function includedBody(ctx: BuildContext, raw: RawRequest, headers: Header[], variables: VariableRef[]): Promise<RequestBody> {
  const { doc } = ctx;
  const span = raw.body!;
  const inc = raw.include!;
  const body: RequestBody = { text: slice(ctx, span), offset: span.start, range: doc.rangeAt(span.start, span.end), kind: 'text' };
  const includePath = slice(ctx, inc.path);
  const range = doc.rangeAt(inc.path.start, inc.path.end);
  body.include = { path: includePath, range };
  if (inc.processVariables) body.include.processVariables = true;
  refsIn(ctx, inc.path, variables);
  const written = ctx.resolver.substitute(includePath);
  let resolvedPath: string | undefined;
  if (written.includes('{{')) {
    ctx.problems.push({ range, message: `Cannot read the body file ${includePath}: its path uses a variable that is not resolved here.` });
  } else if (isFilePath(doc.path) || isFilePath(written)) {
    resolvedPath = body.include.resolvedPath = joinPath(dirOf(doc.path), written);
  } else {
    ctx.problems.push({ range, message: `Cannot resolve the relative body file ${includePath}: the document is not saved as a file.` });
  }
  const text = resolvedPath ? await readInclude(ctx, resolvedPath, range) : undefined;
  if (text !== undefined) {
    body.include.text = text;
    if (inc.processVariables) {
      for (const t of findTemplateRefs(text)) variables.push(toRef(ctx, t.inner, range, true));
    }
  }
  body.kind = bodyKind(headers, includePath, body.include.text ?? body.text, raw.curl ? 'form' : 'text');
  return body;
}

async function readInclude(ctx: BuildContext, path: string, range: VariableRef['range']): Promise<string | undefined> {
  if (!ctx.files) {
    ctx.problems.push({ path, range, message: `Cannot read the body file ${path}: no file access in this context.` });
    return undefined;
  }
  let text: string | undefined;
  try { text = await ctx.files.readText(path); } catch (e) {
    ctx.problems.push({ path, range, message: `Cannot read the body file ${path}: ${(e as Error).message}` });
    return undefined;
  }
  if (text === undefined) ctx.problems.push({ path, range, message: `The body file ${path} does not exist.` });
  return text;
}

/**
 * Content-Type decides; without one, an include's extension or the text's first
 * character; otherwise `fallback` (curl -d sends form data by default).
 */
export function bodyKind(headers: Header[], includePath: string | undefined, text: string, fallback: RequestBody['kind'] = 'text'): RequestBody['kind'] {
  const ct = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value.toLowerCase();
  if (ct) {
    if (/[/+]json\b/.test(ct)) return 'json';
    if (ct.includes('application/x-www-form-urlencoded')) return 'form';
    return 'text';
  }
  if (includePath && /\.jsonc?$/i.test(includePath)) return 'json';
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : fallback;
}
