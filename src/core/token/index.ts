export { inspectToken, TOKEN_SOURCES, type InspectPorts } from './inspect';
export { formatTokenReport } from './format';
export { describeAccount } from './account';
export { decodeJwtToken, jwtScopes, verifyJwt } from './jwt';
export type { TokenReport, JwtSummary, NamedRef, StationRef } from './types';
export { stationInUse } from './read';
export { markRequirements, scopeHeld, type MarkState, type RequirementMark, type RequirementMarks } from './requirements';
