// Who holds which permission in which division: user grants (subject, role,
// division) and client-credentials roleDivisions (docs/facts.md#grant-types, #user-me).
import type { FixtureDivision, FixtureRole } from './fixtureTypes';
import type { SandboxState, TokenRecord } from './state';

export interface Grant { role: FixtureRole; division: FixtureDivision }

/** Permission strings `domain:entityName:action` of a role's policies. */
export function rolePermissions(role: FixtureRole): string[] {
  return role.policies.flatMap((p) => p.actions.map((a) => `${p.domain}:${p.entityName}:${a}`));
}

export function grantsOfUser(state: SandboxState, userId: string): Grant[] {
  return state.fixture.grants.filter((g) => g.subjectId === userId)
    .map((g) => ({ role: state.role(g.roleId)!, division: state.division(g.divisionId)! }));
}

export function grantsOfToken(state: SandboxState, token: TokenRecord): Grant[] {
  if (token.userId) return grantsOfUser(state, token.userId);
  const client = state.client(token.clientId);
  return (client?.roleDivisions ?? []).map((rd) => ({ role: state.role(rd.roleId)!, division: state.division(rd.divisionId)! }));
}

/** `*` in a held permission's entity or action matches anything (admin-style roles). */
export function permissionMatches(held: string, wanted: string): boolean {
  const h = held.split(':'); const w = wanted.split(':');
  if (h.length !== 3 || w.length !== 3) return held === wanted;
  return h.every((part, i) => part === '*' || part === w[i]);
}

export function holds(grants: Grant[], permission: string, divisionId?: string): boolean {
  return grants.some((g) => (divisionId === undefined || g.division.id === divisionId)
    && rolePermissions(g.role).some((held) => permissionMatches(held, permission)));
}

/** Which of the declared permissions are missing (in any division). */
export function checkDeclared(grants: Grant[], type: 'ANY' | 'ALL' | 'NO', permissions: string[]): boolean {
  if (type === 'NO' || permissions.length === 0) return true;
  return type === 'ANY' ? permissions.some((p) => holds(grants, p)) : permissions.every((p) => holds(grants, p));
}

/** A token satisfies a scope list when it holds any of the listed scopes (OPERATION_SCOPES). */
export function scopeSatisfied(tokenScopes: string[], needed: string[]): boolean {
  return needed.length === 0 || needed.some((s) => tokenScopes.includes(s));
}
