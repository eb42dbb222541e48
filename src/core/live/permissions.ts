// Does the caller hold an operation's permissions, and in which divisions?
// Grants come from GET /api/v2/authorization/subjects/me (role policies per
// division, docs/facts.md#authz-subject); a role's policy is domain + entityName + actions,
// any of which may be "*".
import type { PermissionRequirement } from '../catalog/types';
import { rec, str } from './lookups';

export interface GrantLine {
  role: string;
  division?: string;
  divisionId?: string;
  /** "domain:entity:action" patterns, possibly with "*". */
  permissions: string[];
}

export function permissionMatches(pattern: string, wanted: string): boolean {
  const p = pattern.split(':');
  const w = wanted.split(':');
  if (p.length !== w.length) return p.length === 1 && p[0] === '*';
  return p.every((seg, i) => seg === '*' || seg === w[i]);
}

/** Grants from an AuthzSubject {grants: [{division, role: {policies: [{domain, entityName, actions}]}}]}. */
export function grantsFromSubject(json: unknown): GrantLine[] | undefined {
  const grants = rec(json)?.grants;
  if (!Array.isArray(grants)) return undefined;
  return grants.map((g) => {
    const grant = rec(g) ?? {};
    const role = rec(grant.role) ?? {};
    const division = rec(grant.division);
    return {
      role: str(role.name) ?? str(role.id) ?? 'unnamed role',
      division: str(division?.name) ?? str(division?.id),
      divisionId: str(division?.id),
      permissions: policiesToPermissions(role.policies),
    };
  });
}

/** A role (DomainOrganizationRole) by id: permissionPolicies or permissions. */
export function grantsFromRole(json: unknown, divisionId?: string): GrantLine | undefined {
  const role = rec(json);
  if (!role) return undefined;
  const fromPolicies = policiesToPermissions(role.permissionPolicies ?? role.policies);
  const plain = Array.isArray(role.permissions) ? role.permissions.filter((p): p is string => typeof p === 'string') : [];
  return { role: str(role.name) ?? str(role.id) ?? 'unnamed role', division: divisionId, divisionId, permissions: [...fromPolicies, ...plain] };
}

/** UserMe.authorization.permissions (no divisions). */
export function grantsFromUserMe(json: unknown): GrantLine[] | undefined {
  const perms = rec(rec(json)?.authorization)?.permissions;
  if (!Array.isArray(perms)) return undefined;
  return [{ role: 'your roles (users/me)', permissions: perms.filter((p): p is string => typeof p === 'string') }];
}

function policiesToPermissions(policies: unknown): string[] {
  if (!Array.isArray(policies)) return [];
  const out: string[] = [];
  for (const p of policies) {
    const pol = rec(p);
    if (!pol) continue;
    const domain = str(pol.domain);
    const entity = str(pol.entityName);
    const actions = Array.isArray(pol.actions) ? pol.actions : Array.isArray(pol.actionSet) ? pol.actionSet : [];
    if (!domain || !entity) continue;
    for (const a of actions) if (typeof a === 'string') out.push(`${domain}:${entity}:${a}`);
  }
  return out;
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
      .map((g) => g.division ? `${g.role} in division ${g.division}` : g.role);
    if (where.length) grantedBy[perm] = [...new Set(where)];
  }
  const held = req.permissions.filter((p) => grantedBy[p]);
  const inDivision = (divisionId: string) => {
    const ok = (p: string) => grants.some((g) => g.divisionId === divisionId && g.permissions.some((x) => permissionMatches(x, p)));
    return req.type === 'ALL' ? req.permissions.every(ok) : req.permissions.some(ok);
  };
  if (req.type === 'NO' || req.permissions.length === 0) return { satisfied: true, missing: [], grantedBy, inDivision: () => true };
  if (req.type === 'ANY') return { satisfied: held.length > 0, missing: held.length > 0 ? [] : [...req.permissions], grantedBy, inDivision };
  const missing = req.permissions.filter((p) => !grantedBy[p]);
  return { satisfied: missing.length === 0, missing, grantedBy, inDivision };
}
