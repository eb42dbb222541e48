// The one evaluator of an operation's requirements (OAuth scope; permissions
// ANY/ALL, in the division of the call) against a token's Grants. The token
// tree, the hovers and the Call Doctor's scope and permission checks all call
// it, so they cannot disagree; they differ only in how they phrase the result.
import type { Operation, PermissionRequirement } from '../catalog/types';
import type { SourceRef } from '../types';
import type { GrantLine, Grants } from './grants';

/** held ✓, other-division ⚠ (granted only elsewhere), missing ✗, unknown ?, not-needed / not-applicable –. */
export type MarkState = 'held' | 'other-division' | 'missing' | 'unknown' | 'not-needed' | 'not-applicable';
export type Verdict = 'pass' | 'fail' | 'unknown' | 'skipped';

export interface RequirementMark {
  kind: 'scope' | 'permission';
  name: string;
  state: MarkState;
  /** One or two sentences: why this state, naming ANY/ALL and where the answer came from. */
  why: string;
  source: SourceRef;
  /** other-division: the divisions it is granted in. */
  grantedIn?: string[];
}

/** The division a permission is judged in: the division of the user who places the call. */
export interface DivisionContext { id: string; name: string; /** "you" or "user <id>" */ whose: string }

export interface RequiredScopes { scopes: string[] | null; source: SourceRef; why?: string }

export interface PartEvaluation { verdict: Verdict; summary: string; marks: RequirementMark[] }

export interface PermissionEvaluation extends PartEvaluation {
  missing: string[];
  /** permission -> where it is granted ("role in division X"). */
  grantedBy: Record<string, string[]>;
  /** Set when the requirement is met only outside the division of the call. */
  otherDivision?: DivisionContext;
}

export interface ScopeEvaluation extends PartEvaluation { tokenScopes?: string[] }

/** `*` in a segment matches anything; a lone `*` matches every permission. */
export function permissionMatches(pattern: string, wanted: string): boolean {
  const p = pattern.split(':');
  const w = wanted.split(':');
  if (p.length !== w.length) return p.length === 1 && p[0] === '*';
  return p.every((seg, i) => seg === '*' || seg === w[i]);
}

/** Does the token hold this scope? A read-write scope also covers its :readonly form (inferred). */
export function scopeHeld(scope: string, tokenScopes: readonly string[]): boolean {
  return tokenScopes.includes(scope) || (scope.endsWith(':readonly') && tokenScopes.includes(scope.slice(0, -':readonly'.length)));
}

export interface PermissionVerdict {
  satisfied: boolean;
  /** Whether the grants satisfy the requirement within one division (needs division ids). */
  inDivision: (divisionId: string) => boolean;
  /** Permissions not held (for ALL: each missing one; for ANY: all of them when none is held). */
  missing: string[];
  /** permission -> where it is granted ("role in division"). */
  grantedBy: Record<string, string[]>;
}

export function evaluatePermissions(req: PermissionRequirement, grants: GrantLine[]): PermissionVerdict {
  const grantedBy: Record<string, string[]> = {};
  for (const perm of req.permissions) {
    const where = grants.filter((g) => g.permissions.some((p) => permissionMatches(p, perm)))
      .map((g) => (g.division ? `${g.role} in division ${g.division}` : g.role));
    if (where.length) grantedBy[perm] = [...new Set(where)];
  }
  const held = req.permissions.filter((p) => grantedBy[p]);
  const heldIn = (divisionId: string, p: string) => grants.some((g) => g.divisionId === divisionId && g.permissions.some((x) => permissionMatches(x, p)));
  const inDivision = (divisionId: string) => (req.type === 'ALL' ? req.permissions.every((p) => heldIn(divisionId, p)) : req.permissions.some((p) => heldIn(divisionId, p)));
  if (req.type === 'NO' || req.permissions.length === 0) return { satisfied: true, missing: [], grantedBy, inDivision: () => true };
  if (req.type === 'ANY') return { satisfied: held.length > 0, missing: held.length > 0 ? [] : [...req.permissions], grantedBy, inDivision };
  const missing = req.permissions.filter((p) => !grantedBy[p]);
  return { satisfied: missing.length === 0, missing, grantedBy, inDivision };
}

/**
 * Whose division a permission of `op` is judged in: placing a call is judged
 * in the caller's division ('caller') or the on-behalf target's ('target');
 * other operations are not division-checked (undefined).
 */
export function divisionScope(op: Pick<Operation, 'method' | 'path' | 'requiresStation'>): 'caller' | 'target' | undefined {
  if (op.method !== 'POST' || !op.path.startsWith('/api/v2/conversations/calls')) return undefined;
  if (/\{userId\}/.test(op.path)) return 'target';
  return op.path === '/api/v2/conversations/calls' || op.requiresStation?.value ? 'caller' : undefined;
}

/** The caller's own division as a context (from users/me), when known. */
export function callerDivision(g: Grants): DivisionContext | undefined {
  const d = g.account.division;
  return d?.id ? { id: d.id, name: d.name ?? d.id, whose: 'you' } : undefined;
}

const possessive = (d: DivisionContext) => (d.whose === 'you' ? 'your' : `${d.whose}'s`);
const verified = (s: SourceRef) => `${s.ref}${s.verified ? '' : ' (UNVERIFIED)'}`;
const DIVISION_SOURCE: SourceRef = { ref: 'docs/facts.md#division-not-authorized', verified: false };

/** The shared wording of a grant outside the call's division (tree rows and doctor findings). */
export function onlyInDivisionText(divisions: string[], d: DivisionContext): string {
  return `granted only in division ${divisions.join(', ')}, not in ${possessive(d)} division ${d.name}`;
}

/** Divisions (names) in which `perm` is granted. */
function divisionsGranting(lines: GrantLine[], perm: string): string[] {
  return [...new Set(lines.filter((l) => l.permissions.some((p) => permissionMatches(p, perm))).map((l) => l.division ?? l.divisionId ?? '?'))];
}

export function evaluatePermissionRequirement(req: PermissionRequirement | undefined, g: Grants, division?: DivisionContext): PermissionEvaluation {
  const none = { missing: [], grantedBy: {} };
  if (!req) return { verdict: 'skipped', summary: 'The catalog has no permission data for this operation.', marks: [], ...none };
  if (req.type === 'NO' || req.permissions.length === 0) return { verdict: 'pass', summary: 'The operation declares no permissions.', marks: [], ...none };
  const src = ` Required permissions source: ${verified(req.source)}.`;
  const mark = (name: string, state: MarkState, why: string, grantedIn?: string[]): RequirementMark =>
    ({ kind: 'permission', name, state, why: why + src, source: req.source, ...(grantedIn ? { grantedIn } : {}) });
  const lines = g.permissions.lines;
  if (!lines) {
    const why = `Your grants could not be read (${g.permissions.why ?? 'no answer'}).`;
    return { verdict: 'unknown', summary: 'Your grants could not be read.', marks: req.permissions.map((p) => mark(p, 'unknown', why)), ...none };
  }
  const how = req.type === 'ALL' ? 'all of' : 'any one of';
  const list = req.permissions.join(', ');
  const v = evaluatePermissions(req, lines);
  const where = Object.entries(v.grantedBy).map(([p, w]) => `${p} (${w.join('; ')})`).join(', ');
  const divisionChecked = division && g.permissions.divisions && lines.some((l) => l.divisionId);
  const inDiv = (p: string) => !divisionChecked || lines.some((l) => l.divisionId === division!.id && l.permissions.some((x) => permissionMatches(x, p)));
  const who = g.account.kind === 'client' ? "your OAuth client's roles" : 'your roles';

  if (v.satisfied && divisionChecked && !v.inDivision(division!.id)) {
    const marks = req.permissions.map((p) => {
      if (!v.grantedBy[p]) return mark(p, 'missing', `None of ${who} grants ${p}; the operation needs ${how} ${list}.`);
      if (inDiv(p)) return mark(p, 'held', `Granted in ${possessive(division!)} division ${division!.name} (${v.grantedBy[p].join('; ')}).`);
      const divs = divisionsGranting(lines, p);
      return mark(p, 'other-division', `${cap(onlyInDivisionText(divs, division!))} (${v.grantedBy[p].join('; ')}): a grant in the wrong division can give 403 not.authorized (${verified(DIVISION_SOURCE)}). Grant the role in division ${division!.name} as well.`, divs);
    });
    return { verdict: 'fail', summary: `Granted only outside ${possessive(division!)} division ${division!.name}.`, marks, missing: [], grantedBy: v.grantedBy, otherDivision: division };
  }
  if (v.satisfied) {
    const first = req.permissions.find((p) => v.grantedBy[p] && inDiv(p))!;
    const scope = divisionChecked ? ` in ${possessive(division!)} division ${division!.name}` : g.permissions.divisions ? ' (the division of the call is not checked here)' : ' (in some division: users/me does not say which)';
    const marks = req.permissions.map((p) => {
      if (v.grantedBy[p] && inDiv(p)) return mark(p, 'held', `One of ${who} grants ${p}${scope}: ${v.grantedBy[p].join('; ')}.`);
      return mark(p, 'not-needed', `Not needed: any one of ${list} suffices and ${first} is granted.`);
    });
    return { verdict: 'pass', summary: `Granted: ${where}.`, marks, missing: [], grantedBy: v.grantedBy };
  }
  const marks = req.permissions.map((p) => (v.grantedBy[p]
    ? mark(p, 'held', `Granted: ${v.grantedBy[p].join('; ')}.`)
    : mark(p, 'missing', `None of ${who} grants ${p}; the operation needs ${how} ${list}. Ask an admin for a role that grants it, then sign in again.`)));
  return { verdict: 'fail', summary: `Missing ${v.missing.join(', ')}.`, marks, missing: v.missing, grantedBy: v.grantedBy };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function evaluateScopeRequirement(required: RequiredScopes, g: Grants, enforced?: boolean): ScopeEvaluation {
  const list = required.scopes;
  const na = (summary: string, why: string): ScopeEvaluation =>
    ({ verdict: 'skipped', summary, marks: (list ?? []).map((name) => ({ kind: 'scope', name, state: 'not-applicable', why, source: required.source })) });
  if (enforced === false) return na('The org does not enforce OAuth scopes (as configured).', 'The org does not enforce OAuth scopes (as configured).');
  if (g.account.kind === 'client') {
    return na('Scopes do not apply to client-credentials clients (they get roles and divisions instead).', "Scopes do not apply to a client-credentials token; its OAuth client's roles do.");
  }
  if (!list) return { verdict: 'unknown', summary: 'The operation\'s OAuth scope is not known.', marks: [] };
  const src = ` Required scope source: ${verified(required.source)}.`;
  const mark = (name: string, state: MarkState, why: string): RequirementMark => ({ kind: 'scope', name, state, why: why + src, source: required.source });
  const tokenScopes = g.scopes.list;
  if (!tokenScopes) {
    return { verdict: 'unknown', summary: 'The token\'s scopes could not be read.', marks: list.map((s) => mark(s, 'unknown', `The token's authorized scopes could not be read (${g.scopes.why ?? 'no answer'}).`)) };
  }
  if (g.account.kind === 'unknown' && tokenScopes.length === 0) {
    return { verdict: 'unknown', summary: 'The token lists no scopes and its grant type is unknown.', marks: list.map((s) => mark(s, 'unknown', 'The token lists no scopes and whether scopes apply to it (its grant type) is unknown.')) };
  }
  const held = list.filter((s) => scopeHeld(s, tokenScopes));
  if (held.length > 0) {
    // Say which scope the token really holds: read-write covering :readonly is our inference.
    const exact = held.find((s) => tokenScopes.includes(s));
    const summary = exact ? `The token has the scope ${exact}.` : `The token has the read-write scope ${held[0].slice(0, -':readonly'.length)}, taken to cover ${held[0]} (inferred).`;
    const marks = list.map((s) => (held.includes(s)
      ? mark(s, 'held', tokenScopes.includes(s) ? `The token is authorized for ${s}.` : `The token is authorized for ${s.replace(/:readonly$/, '')}, taken to cover ${s} (inferred).`)
      : mark(s, 'not-needed', `Not held, and not needed: any one of ${list.join(', ')} suffices and ${held[0]} is held.`)));
    return { verdict: 'pass', summary, marks, tokenScopes };
  }
  const marks = list.map((s) => mark(s, 'missing', `Not held: the operation needs any one of ${list.join(', ')}; the token's OAuth client is authorized for ${tokenScopes.join(', ') || 'no scopes'}. Add the scope to the client and sign in again.`));
  return { verdict: 'fail', summary: `The token lacks the scope ${list.join(' or ')}.`, marks, tokenScopes };
}
