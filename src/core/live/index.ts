export { runDoctor } from './engine';
export { LIVE_RULES, type LiveRule } from './finding';
export { CHECKS } from './checkSet';
export type { CheckId, CheckResult, CheckState, DoctorInput, DoctorResult, SendRequest } from './types';
export { scopesInSwagger } from './swaggerScopes';
export { evaluatePermissions, permissionMatches } from './permissions';
export { classify, planMatches } from './numberPlans';
export { formatDoctorText } from './format';
