export { explainError, formatExplanation, type Explanation } from './explain';
export { parseErrorInput, type ParsedError } from './parse';
export { KNOWN_CODES, codeInfo, type CodeInfo } from './codes';
