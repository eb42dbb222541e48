export { inspectToken, TOKEN_SOURCES, type InspectPorts } from './inspect';
export { formatTokenReport } from './format';
export { describeAccount, accountOf, authorizedScopes } from './account';
export { decodeJwtToken, jwtScopes, verifyJwt } from './jwt';
export type { TokenReport, JwtSummary, NamedRef, StationRef } from './types';
export { stationInUse, groupPermissions } from './read';
export { readGrants, allPermissions, divisionsOf, GRANT_PATHS, type Grants, type GrantLine, type GrantAnswer, type GrantFetch } from './grants';
export { readSessionGrants, sessionFetch } from './session';
export {
  evaluatePermissions, evaluatePermissionRequirement, evaluateScopeRequirement, permissionMatches, scopeHeld, divisionScope, callerDivision,
  onlyInDivisionText, type DivisionContext, type RequiredScopes, type Verdict,
} from './evaluate';
export { resolveRequiredScopes, scopesInSwagger, swaggerScopeIndex, SCOPE_SOURCES, type LiveSwagger } from './scopes';
export { markRequirements, type MarkOptions, type MarkState, type RequirementMark, type RequirementMarks } from './requirements';
