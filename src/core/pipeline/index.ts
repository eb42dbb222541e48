// Public face of the pipeline: the one analysis step and the one check step
// every front end calls, and the one rule for choosing a session.
export { analyzeDocument, analyzeText, DEFAULT_PAYLOAD_ASSOCIATIONS, projectRootOf, type AnalysisContext, type DocumentAnalysis } from './analyze';
export { checkRequest, unresolvedHostVariables, type CheckOutcome, type CheckRequestOptions } from './check';
export {
  chooseSession, describeBasis, environmentOfHost, isNoSession, originOf, sessionServing, summarizeSession,
  type NoSession, type SessionAction, type SessionBasis, type SessionChoice, type SessionSummary, type SessionTarget,
} from './session';
export { SESSION_SUPPLIED_VARIABLES, sendableRequest, type DoctorTarget } from '../live/fromRequest';
