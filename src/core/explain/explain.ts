// The error explainer: turns a Genesys error answer into cause, fix, the
// permissions it names and the correlation id (contextId) to quote to
// Genesys support. Unknown codes are said to be unknown, never guessed.
import type { SourceRef } from '../types';
import { codeInfo, FOLKLORE_SHAPES, type FolkloreShape } from './codes';
import { parseErrorInput, type ParsedError } from './parse';

export interface Explanation {
  status?: number;
  code?: string;
  message?: string;
  /** True when the code is one we know (docs/facts.md); false for unknown codes or no body. */
  known: boolean;
  /** True when the body has the Genesys ErrorBody shape (top-level code/message). */
  genesysShape: boolean;
  cause: string;
  fix: string;
  /** Permission names from messageParams or the message text. */
  permissions: string[];
  /** ANY = one of `permissions` suffices; ALL = each is needed (mapping UNVERIFIED, docs/facts.md#any-all-mapping). */
  permissionsType?: 'ANY' | 'ALL';
  correlationId?: string;
  retryAfterSeconds?: number;
  /** The Call Doctor rule that checks this cause live. */
  rule?: string;
  /** Invented error shapes recognised in the input (docs/facts.md#folklore-sggu). */
  folklore: FolkloreShape[];
  source: SourceRef;
}

const PERMISSION = /\b[a-zA-Z][a-zA-Z0-9]*:[a-zA-Z*][a-zA-Z0-9*]*:[a-zA-Z*][a-zA-Z0-9*]*\b/g;
const FACTS_ERRORS: SourceRef = { ref: 'docs/facts.md#error-body', verified: true };

export function explainError(input: string | ParsedError, status?: number): Explanation {
  const parsed = typeof input === 'string' ? parseErrorInput(input, status) : input;
  const folklore = detectFolklore(parsed);
  const body = parsed.body;
  const code = typeof body?.code === 'string' ? body.code : undefined;
  const message = typeof body?.message === 'string' ? body.message : undefined;
  // A wrapper (SDK error, logged response) around a real ErrorBody is fine; an
  // invented top-level shape (errors[]/error{} without a top-level code) is not.
  const inventedTop = folklore.some((f) => f !== FOLKLORE_SHAPES.insufficientScope);
  const genesysShape = code !== undefined && !inventedTop;
  const permissions = permissionsOf(body);
  const correlationId = typeof body?.contextId === 'string' ? body.contextId : undefined;
  const retryAfter = parsed.headers['retry-after'];
  const base = {
    status: parsed.status, code, message, genesysShape, permissions, correlationId, folklore,
    retryAfterSeconds: retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined,
  };

  const info = genesysShape ? codeInfo(code) : undefined;
  if (info) {
    const permissionsType = code === 'missing.any.permissions' ? 'ANY' : code === 'missing.permissions' ? 'ALL' : undefined;
    return { ...base, known: true, cause: info.cause, fix: withPermissions(info.fix, permissions), permissionsType, rule: info.rule, source: info.source };
  }
  if (folklore.length > 0 && !genesysShape) {
    return {
      ...base, known: false,
      cause: `This is not a Genesys error shape: ${folklore.map((f) => `${f.name} (${f.why})`).join('; ')}.`,
      fix: 'Look at the raw HTTP answer from Genesys (status and JSON body with code, message, contextId) and explain that instead.',
      source: { ref: 'docs/facts.md#error-body', verified: true },
    };
  }
  if (code) {
    return {
      ...base, known: false,
      cause: `Unknown error code '${code}'${message ? `: "${message}"` : ''}. It is not among the codes the Call Doctor knows, so no cause is claimed.`,
      fix: correlationId ? `Quote the correlation id ${correlationId} to Genesys support, with the status and code.` : 'Check the operation\'s documented errors; quote the status and code to Genesys support.',
      source: FACTS_ERRORS,
    };
  }
  return {
    ...base, known: false,
    cause: parsed.status ? `HTTP ${parsed.status} without a Genesys error body (no "code" found).` : 'No Genesys error body found in the input (expected JSON with "code" and "message").',
    fix: 'Paste the whole response: status line, headers and JSON body.',
    source: FACTS_ERRORS,
  };
}

function topObject(json: unknown): unknown {
  return json && typeof json === 'object' && !Array.isArray(json) ? json : undefined;
}

/** Permission names from messageParams (values), else from the message text. */
function permissionsOf(body: Record<string, unknown> | undefined): string[] {
  if (!body) return [];
  const found: string[] = [];
  const params = body.messageParams;
  if (params && typeof params === 'object') {
    for (const v of Object.values(params as Record<string, unknown>)) if (typeof v === 'string') found.push(...(v.match(PERMISSION) ?? []));
  }
  if (found.length === 0) {
    for (const key of ['message', 'messageWithParams']) {
      const t = body[key];
      if (typeof t === 'string') found.push(...(t.match(PERMISSION) ?? []));
    }
  }
  return [...new Set(found)];
}

function withPermissions(fix: string, permissions: string[]): string {
  return permissions.length ? `${fix} Named: ${permissions.join(', ')}.` : fix;
}

function detectFolklore(p: ParsedError): FolkloreShape[] {
  const out: FolkloreShape[] = [];
  const top = topObject(p.json) as Record<string, unknown> | undefined;
  if (top && top.code === undefined) {
    const errors = top.errors;
    if (Array.isArray(errors) && errors.some((e) => e && typeof e === 'object' && /^forbidden$/i.test(String((e as Record<string, unknown>).code)))) {
      out.push(FOLKLORE_SHAPES.errorsForbidden);
    }
    const err = top.error;
    if (err && typeof err === 'object' && !Array.isArray(err) && 'code' in (err as object)) out.push(FOLKLORE_SHAPES.errorWrapper);
  }
  if (/insufficient_scope/.test(p.text) || Object.values(p.headers).some((v) => /insufficient_scope/.test(v))) out.push(FOLKLORE_SHAPES.insufficientScope);
  return out;
}

/** Plain-text rendering for the CLI. */
export function formatExplanation(e: Explanation): string {
  const lines: string[] = [];
  const head = [e.status ? `HTTP ${e.status}` : undefined, e.code].filter(Boolean).join(' ');
  lines.push(head ? `${head}${e.known ? '' : e.code ? ' (unknown code)' : ''}` : 'No Genesys error code found');
  if (e.message) lines.push(`Message: ${e.message}`);
  lines.push(`Cause: ${e.cause}`);
  lines.push(`Fix: ${e.fix}`);
  if (e.permissions.length) lines.push(`Permissions named: ${e.permissions.join(', ')}${e.permissionsType ? ` (${e.permissionsType === 'ANY' ? 'any one suffices' : 'all are needed'}; mapping UNVERIFIED)` : ''}`);
  if (e.retryAfterSeconds !== undefined) lines.push(`Retry-After: ${e.retryAfterSeconds} s`);
  if (e.correlationId) lines.push(`Correlation id (contextId): ${e.correlationId}`);
  if (e.rule) lines.push(`Live check: rule ${e.rule} (run \`call-doctor check\` on the request)`);
  for (const f of e.folklore) lines.push(`Not a Genesys shape: ${f.name}: ${f.why}`);
  lines.push(`Source: ${e.source.ref}${e.source.verified ? '' : ' (UNVERIFIED)'}`);
  return lines.join('\n') + '\n';
}
