// What an operation needs (OAuth scope, permissions) against what a token
// report says the caller has: one mark per needed scope/permission, with the
// reason, for the token tree and hovers. Same matching as the live checks
// (live/permissions.ts, live/checks/identity.ts), but from the cached report,
// so it never calls the API; division scoping is left to the Call Doctor.
import type { Operation } from '../catalog/types';
import { permissionMatches } from '../live/permissions';
import type { SourceRef } from '../types';
import type { TokenReport } from './types';

/** held ✓, missing ✗, unknown ?, not-needed (ANY: another one is held), not-applicable (scopes of client credentials). */
export type MarkState = 'held' | 'missing' | 'unknown' | 'not-needed' | 'not-applicable';

export interface RequirementMark {
  kind: 'scope' | 'permission';
  name: string;
  state: MarkState;
  /** One or two sentences: why this state, naming ANY/ALL and where the answer came from. */
  why: string;
  source: SourceRef;
}

export interface RequirementMarks {
  operation: { id: string; method: string; path: string };
  /** 'unknown' when the catalog names no scope / has no permission data. */
  scopeSemantics: 'ANY' | 'unknown';
  permissionSemantics: 'ANY' | 'ALL' | 'NO' | 'unknown';
  scopes: RequirementMark[];
  permissions: RequirementMark[];
  /** Things that could not be judged per scope/permission, and why. */
  notes: string[];
}

const REPORT_SOURCE: SourceRef = { ref: 'docs/facts.md#token-info', verified: true };
const NO_SCOPE_SOURCE: SourceRef = { ref: 'docs/facts.md#client-credentials-roles', verified: true };

/** Does the token hold this scope? A read-write scope also covers its :readonly form. */
export function scopeHeld(scope: string, tokenScopes: readonly string[]): boolean {
  return tokenScopes.includes(scope) || (scope.endsWith(':readonly') && tokenScopes.includes(scope.slice(0, -':readonly'.length)));
}

export function markRequirements(op: Operation, report: TokenReport): RequirementMarks {
  const out: RequirementMarks = {
    operation: { id: op.id, method: op.method, path: op.path },
    scopeSemantics: op.scopes?.scopes ? 'ANY' : 'unknown',
    permissionSemantics: op.permissions?.type ?? 'unknown',
    scopes: [], permissions: [], notes: [],
  };
  const clientCredentials = report.userContext === 'none' || report.grant === 'client-credentials';
  markScopes(op, report, clientCredentials, out);
  markPermissions(op, report, clientCredentials, out);
  return out;
}

function markScopes(op: Operation, report: TokenReport, clientCredentials: boolean, out: RequirementMarks): void {
  const required = op.scopes?.scopes;
  if (!op.scopes || !required) {
    out.notes.push(`The OAuth scope of ${op.method} ${op.path} is unknown (the SDK carries no scopes; a Swagger document with scopes would name it).`);
    return;
  }
  const source = op.scopes.source;
  const held = report.scopes ? required.filter((s) => scopeHeld(s, report.scopes!)) : [];
  for (const name of required) {
    let state: MarkState;
    let why: string;
    if (clientCredentials) {
      state = 'not-applicable';
      why = 'Scopes do not apply to a client-credentials token; its OAuth client\'s roles do.';
    } else if (!report.scopes) {
      state = 'unknown';
      why = 'The token\'s authorized scopes could not be read (GET /api/v2/tokens/me did not answer them).';
    } else if (held.includes(name)) {
      state = 'held';
      why = `The token is authorized for ${report.scopes.includes(name) ? name : name.replace(/:readonly$/, '')}.`;
    } else if (held.length > 0) {
      state = 'not-needed';
      why = `Not held, and not needed: any one of ${required.join(', ')} suffices and ${held[0]} is held.`;
    } else {
      state = 'missing';
      why = `Not held: the operation needs any one of ${required.join(', ')}; the token's OAuth client is authorized for ${report.scopes.join(', ') || 'no scopes'}. Add the scope to the client and sign in again.`;
    }
    out.scopes.push({ kind: 'scope', name, state, why: `${why} Required scope source: ${source.ref}${source.verified ? '' : ' (UNVERIFIED)'}.`, source });
  }
  if (clientCredentials) out.notes.push(NO_SCOPE_SOURCE.ref);
}

function markPermissions(op: Operation, report: TokenReport, clientCredentials: boolean, out: RequirementMarks): void {
  const req = op.permissions;
  if (!req) {
    out.notes.push(`The permissions of ${op.method} ${op.path} are unknown (no source in the catalog names them).`);
    return;
  }
  if (req.type === 'NO' || req.permissions.length === 0) return;
  const how = req.type === 'ALL' ? 'all of' : 'any one of';
  const patterns = report.permissions?.flatMap((g) => g.permissions);
  const held = patterns ? req.permissions.filter((p) => patterns.some((x) => permissionMatches(x, p))) : [];
  for (const name of req.permissions) {
    let state: MarkState;
    let why: string;
    if (clientCredentials) {
      state = 'unknown';
      why = 'A client-credentials token has no user permissions; the OAuth client\'s roles apply, which the token report does not list. Run the Call Doctor to check them.';
    } else if (!patterns) {
      state = 'unknown';
      why = 'Your permissions could not be read (GET /api/v2/users/me?expand=authorization did not answer them).';
    } else if (held.includes(name)) {
      state = 'held';
      why = `One of your roles grants ${name} (in some division; the Call Doctor checks the division of the call).`;
    } else if (req.type === 'ANY' && held.length > 0) {
      state = 'not-needed';
      why = `Not granted, and not needed: any one of ${req.permissions.join(', ')} suffices and ${held[0]} is granted.`;
    } else {
      state = 'missing';
      why = `None of your roles grants ${name}; the operation needs ${how} ${req.permissions.join(', ')}. Ask an admin for a role that grants it, then sign in again.`;
    }
    out.permissions.push({ kind: 'permission', name, state, why: `${why} Required permissions source: ${req.source.ref}${req.source.verified ? '' : ' (UNVERIFIED)'}.`, source: req.source });
  }
  if (patterns && !clientCredentials) out.notes.push(`Your permissions: ${REPORT_SOURCE.ref}.`);
}
