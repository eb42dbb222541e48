// Reads what a user pastes: a bare Genesys error body, a raw HTTP response
// (status line, headers, body), or JSON with wrappers around the body (SDK
// error objects, logged responses, a body serialised as a string).

export interface ParsedError {
  status?: number;
  headers: Record<string, string>;
  /** The Genesys-shaped object (has `code` and/or `message`), when found. */
  body?: Record<string, unknown>;
  /** The whole JSON value that was read, for folklore detection. */
  json?: unknown;
  /** Text that was not JSON (kept for "unknown" explanations). */
  text: string;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b.*$/m;

export function parseErrorInput(input: string, status?: number): ParsedError {
  let text = input.replace(/^\uFEFF/, '').trim();
  const headers: Record<string, string> = {};
  let st = status;
  const m = STATUS_LINE.exec(text);
  if (m && text.slice(0, m.index).trim() === '') {
    st ??= Number(m[1]);
    // rest starts with the status line's line break, so a body right after an
    // empty line (no headers) is still found: the head ends at the first blank line.
    const rest = text.slice(m.index + m[0].length);
    const split = /\r?\n\r?\n/.exec(rest);
    const head = split ? rest.slice(0, split.index) : rest;
    for (const line of head.split(/\r?\n/)) {
      const h = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      if (h) headers[h[1].toLowerCase()] = h[2].trim();
    }
    text = split ? rest.slice(split.index + split[0].length).trim() : '';
  }
  const json = parseJsonLoose(text);
  const body = json === undefined ? undefined : findErrorBody(json, 0);
  if (st === undefined && body && typeof body.status === 'number') st = body.status;
  if (st === undefined && json && typeof json === 'object') {
    const s = (json as Record<string, unknown>).status ?? (json as Record<string, unknown>).statusCode;
    if (typeof s === 'number') st = s;
  }
  return { status: st, headers, body, json, text };
}

/** JSON, or the first {...} block in the text (logs often prefix the body). */
function parseJsonLoose(text: string): unknown {
  if (!text) return undefined;
  try { return JSON.parse(text); } catch { /* fall through */ }
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) {
    try { return JSON.parse(text.slice(start, end + 1)); } catch { /* not JSON */ }
  }
  return undefined;
}

/** Depth-first search for an object that looks like a Genesys ErrorBody. */
function findErrorBody(value: unknown, depth: number): Record<string, unknown> | undefined {
  if (depth > 6 || value === null) return undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('{')) return findErrorBody(parseJsonLoose(t), depth + 1);
    return undefined;
  }
  if (typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) { const hit = findErrorBody(v, depth + 1); if (hit) return hit; }
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.code === 'string' && (typeof obj.message === 'string' || typeof obj.status === 'number' || 'messageParams' in obj || 'contextId' in obj)) return obj;
  // Common wrappers first: SDK errors ({status, body}), logged responses ({response:{data}}).
  for (const key of ['body', 'data', 'response', 'error', 'errorBody', 'result']) {
    if (key in obj) { const hit = findErrorBody(obj[key], depth + 1); if (hit) return hit; }
  }
  for (const [k, v] of Object.entries(obj)) {
    if (['body', 'data', 'response', 'error', 'errorBody', 'result'].includes(k)) continue;
    const hit = findErrorBody(v, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}
