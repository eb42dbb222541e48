// Provenance of the live checks' claims (FACTS.md sections).
import type { SourceRef } from '../types';

export const SRC = {
  userContext: { ref: 'swagger-2018.json x-inin-error-codes not.a.user (FACTS.md §3.4); help.mypurecloud.com "Create an OAuth client" (§1.1)', verified: true },
  scopesCc: { ref: 'OAuthClientRequest.md "Scopes only apply to clients not using the client_credential grant" (FACTS.md §1.1, §2.3)', verified: true },
  scopeLive: { ref: 'live GET /api/v2/docs/swagger security["PureCloud OAuth"] vs GET /api/v2/tokens/me authorizedScope (FACTS.md §2.2, §3.2, §7.1)', verified: true },
  scopeUnknown: { ref: 'FACTS.md §3.2: the operation\'s scope is UNVERIFIED until read from a Swagger document with scopes', verified: false },
  scopeEnforcement: { ref: 'per-org scope enforcement ("Enforce Scopes" org setting): help.mypurecloud.com "Enabling OAuth scope enforcement", cited in PEERS.md §0.4; not in FACTS.md', verified: false },
  permissions: { ref: 'x-inin-requires-permissions (catalog) vs GET /api/v2/authorization/subjects/me grants (FACTS.md §5.1)', verified: true },
  conferenceEnforcement: { ref: 'FACTS.md §3.1: conversation:conference:add is declared; whether a single-number call enforces it is UNVERIFIED', verified: false },
  station: { ref: 'swagger-2018.json conversation.error.no.user.station (FACTS.md §3.4); UserStations (FACTS.md §5.2)', verified: true },
  stationOnBehalf: { ref: 'inferred: an on-behalf call rings the target user\'s station (FACTS.md §3.5 says nothing about stations)', verified: false },
  edge: { ref: 'swagger-2018.json providerapi.error.station.no.active.edge / no.station.for.edge (FACTS.md §3.4); Station.primaryEdge/secondaryEdge (§5.2)', verified: true },
  edgeOnBehalf: { ref: 'inferred: the Edge errors are documented for POST /api/v2/conversations/calls (swagger-2018.json, FACTS.md §3.4); that an on-behalf call uses the target user\'s station is not documented (§3.5)', verified: false },
  route: { ref: 'site outbound routes and number plans (FACTS.md §5.3); our evaluation of number plans approximates Genesys\' classification', verified: false },
  queue: { ref: 'GET /api/v2/routing/queues/{queueId} and /members (FACTS.md §5.4); CreateCallRequest.callFromQueueId (§3.3)', verified: true },
  queueMembership: { ref: 'inferred: calling on behalf of a queue (callFromQueueId) needs membership of that queue', verified: false },
  user: { ref: 'GET /api/v2/users/{userId} (ops-extract.json, FACTS.md §7.4); POST /api/v2/conversations/calls/user/{userId} (§3.5)', verified: true },
  lookup: { ref: 'the lookup\'s own answer; required permissions from the catalog (FACTS.md §5)', verified: true },
} satisfies Record<string, SourceRef>;
