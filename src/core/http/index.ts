// Public face of src/core/http: front ends import only from here.
export { type RawOutcome } from './api';
export { LookupCache, SessionCaches } from './cache';
export { redactText } from './redact';
export { Cancelled } from './retry';
export { cachedLabel } from './cache';
