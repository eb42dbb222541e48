// Provenance of the live checks' claims: each names its entry of the shipped
// facts reference (docs/facts.md), which gives the public source and status.
import type { SourceRef } from '../types';

const F = 'docs/facts.md#';

export const SRC = {
  userContext: { ref: `${F}calls-error-codes`, verified: true },
  scopesCc: { ref: `${F}client-credentials-roles`, verified: true },
  scopeLive: { ref: `${F}swagger-scopes`, verified: true },
  scopeUnknown: { ref: `${F}operation-scopes`, verified: false },
  scopeEnforcement: { ref: `${F}scope-enforcement`, verified: false },
  permissions: { ref: `${F}authz-subject`, verified: true },
  conferenceEnforcement: { ref: `${F}conference-enforcement`, verified: false },
  station: { ref: `${F}stations`, verified: true },
  stationOnBehalf: { ref: `${F}on-behalf-station`, verified: false },
  edge: { ref: `${F}calls-error-codes`, verified: true },
  edgeOnBehalf: { ref: `${F}on-behalf-station`, verified: false },
  route: { ref: `${F}route-evaluation`, verified: false },
  queue: { ref: `${F}queues`, verified: true },
  queueMembership: { ref: `${F}queue-membership`, verified: false },
  user: { ref: `${F}on-behalf-call`, verified: true },
  lookup: { ref: `${F}lookup-answer`, verified: true },
} satisfies Record<string, SourceRef>;
