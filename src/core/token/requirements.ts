// What an operation needs (OAuth scope, permissions) against a token's Grants:
// one mark per needed scope/permission, with the reason, for the token tree
// and hovers. The marks and verdicts come from the same evaluator as the Call
// Doctor's scope and permission checks (evaluate.ts), so they cannot disagree.
import type { Operation } from '../catalog/types';
import type { Grants } from './grants';
import {
  callerDivision, divisionScope, evaluatePermissionRequirement, evaluateScopeRequirement,
  type DivisionContext, type PermissionEvaluation, type RequiredScopes, type RequirementMark, type ScopeEvaluation,
} from './evaluate';
import { SCOPE_SOURCES } from './scopes';
import type { TokenReport } from './types';

export type { MarkState, RequirementMark } from './evaluate';

export interface RequirementMarks {
  operation: { id: string; method: string; path: string };
  /** 'unknown' when the operation's scope is not known. */
  scopeSemantics: 'ANY' | 'unknown';
  permissionSemantics: 'ANY' | 'ALL' | 'NO' | 'unknown';
  scopes: RequirementMark[];
  permissions: RequirementMark[];
  /** The verdicts, exactly as the Call Doctor's scope and permission checks give them. */
  scope: ScopeEvaluation;
  permission: PermissionEvaluation;
  /** Things that could not be judged per scope/permission, and why. */
  notes: string[];
}

export interface MarkOptions {
  /** The operation's scopes when resolved beyond the catalog (e.g. from the live Swagger document). */
  requiredScopes?: RequiredScopes;
  /** The division of the call for an on-behalf call (the target user's); the caller's is taken from the grants. */
  targetDivision?: DivisionContext;
  /** false: the org does not enforce OAuth scopes. */
  scopesEnforced?: boolean;
}

const REPORT_SOURCE = 'docs/facts.md#token-info';
const NO_SCOPE_SOURCE = 'docs/facts.md#client-credentials-roles';

export function markRequirements(op: Operation, from: TokenReport | Grants, opts: MarkOptions = {}): RequirementMarks {
  const g = 'grants' in from ? from.grants : from;
  const notes: string[] = [];
  const required: RequiredScopes = opts.requiredScopes
    ?? (op.scopes?.scopes?.length ? { scopes: op.scopes.scopes, source: op.scopes.source } : { scopes: null, source: op.scopes?.source ?? SCOPE_SOURCES.unknown });
  const scope = evaluateScopeRequirement(required, g, opts.scopesEnforced);
  if (!required.scopes && scope.verdict === 'unknown') {
    notes.push(`The OAuth scope of ${op.method} ${op.path} is unknown (${required.why ?? 'the SDK carries no scopes; a Swagger document with scopes would name it'}).`);
  }
  if (g.account.kind === 'client') notes.push(NO_SCOPE_SOURCE);

  const scoped = divisionScope(op);
  const division = scoped === 'caller' ? callerDivision(g) : scoped === 'target' ? opts.targetDivision : undefined;
  if (scoped === 'target' && !division) notes.push('The division of the user the call is placed for is not checked here; the Call Doctor checks it.');
  const permission = evaluatePermissionRequirement(op.permissions, g, division);
  if (!op.permissions) notes.push(`The permissions of ${op.method} ${op.path} are unknown (no source in the catalog names them).`);
  else if (g.permissions.lines) notes.push(`Your permissions: ${REPORT_SOURCE}; read from ${g.permissions.from}.`);

  return {
    operation: { id: op.id, method: op.method, path: op.path },
    scopeSemantics: required.scopes ? 'ANY' : 'unknown',
    permissionSemantics: op.permissions?.type ?? 'unknown',
    scopes: scope.marks, permissions: permission.marks, scope, permission, notes,
  };
}
