// From a request in a user's file to what the Call Doctor checks: the
// operation, its path parameters, the parsed body, and where each live
// finding belongs in the file (body field by JSON pointer, else the URL).
import type { Catalog } from '../catalog/api';
import type { Operation } from '../catalog/types';
import { parseJsonBody } from '../sources/json';
import type { ParsedDocument, ParsedRequest } from '../sources/types';
import type { Finding } from '../types';
import type { SendRequest } from './types';

export interface DoctorTarget {
  request: ParsedRequest;
  operation: Operation;
  pathParams: Record<string, string>;
  body?: unknown;
  /** Variables the doctor needs but could not resolve ({{agentUserId}} in the path, ...). */
  unresolved: string[];
}

export function targetOf(parsed: ParsedDocument, req: ParsedRequest, catalog: Catalog): DoctorTarget | { error: string } {
  let operation: Operation | undefined;
  let pathParams: Record<string, string> = {};
  if (req.association) {
    operation = catalog.byId(req.association.operationId);
  } else {
    const match = catalog.lookup(req.method, req.url).match;
    operation = match?.operation;
    pathParams = match?.params ?? {};
  }
  if (!operation) return { error: `request ${req.index + 1} (${req.method} ${req.url}) is no known Genesys Cloud operation; run \`call-doctor lint\` for suggestions.` };
  const unresolved = Object.entries(pathParams).filter(([, v]) => /\{\{|^\{.*\}$/.test(v)).map(([k]) => k);
  for (const k of unresolved) delete pathParams[k];
  let body: unknown;
  if (req.body && req.body.kind === 'json') {
    const json = parseJsonBody(parsed.doc, req.body);
    body = json.value;
  }
  return { request: req, operation, pathParams, body, unresolved };
}

/** Gives live findings the request index and a range in the file. */
export function placeLiveFindings(parsed: ParsedDocument, target: DoctorTarget, findings: Finding[]): Finding[] {
  const req = target.request;
  const json = req.body && req.body.kind === 'json' ? parseJsonBody(parsed.doc, req.body) : undefined;
  return findings.map((f) => {
    let range = req.association ? req.association.range : req.urlRange;
    if (f.pointer && json) {
      const node = json.nodeAt(f.pointer);
      if (node) range = json.keyRangeOf(node);
    }
    return { ...f, range, request: req.index };
  });
}

/** Variables the signed-in session supplies when a request is checked or sent (ParseOptions.sendTimeNames). */
export const SESSION_SUPPLIED_VARIABLES: readonly string[] = ['accessToken', 'access_token'];

/**
 * The request as it would be sent; refuses when a variable is still unresolved.
 * Parse with `sendTimeNames: SESSION_SUPPLIED_VARIABLES`: the token comes from the session.
 */
export function sendableRequest(req: ParsedRequest): SendRequest | { error: string } {
  const open = req.variables.filter((v) => !v.resolved && v.source !== 'session');
  if (open.length) return { error: `request ${req.index + 1} still has unresolved variables (${open.map((v) => v.name).join(', ')}); it is not sent.` };
  if (req.body?.text && /\{\{/.test(req.body.text)) return { error: `the body of request ${req.index + 1} has unresolved {{variables}}; it is not sent.` };
  const headers: Record<string, string> = {};
  // The file's Authorization header is dropped: the session's token is added only for the environment's hosts.
  for (const h of req.headers) if (h.name.toLowerCase() !== 'authorization') headers[h.name] = h.value;
  return { method: req.method, url: req.url, headers, body: req.body?.include?.text ?? req.body?.text };
}
