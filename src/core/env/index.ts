// Public face of src/core/env: front ends import only from here.
export { ENVIRONMENT_SYNTAX, describeEnvironment, parseEnvironment, tryParseEnvironment, type Environment } from './environment';
export { REGIONS } from './regions';
