// The sandbox org fixture: a small, self-consistent Genesys-Cloud-shaped org.
// Schema documented in docs/sandbox.md; validated by fixture.ts at load time.

/** OAuth grant types a client may be created with (docs/facts.md#grant-types, Terraform enum). */
export const GRANT_TYPES = ['CODE', 'TOKEN', 'SAML2BEARER', 'SAML2-BEARER', 'PASSWORD', 'CLIENT-CREDENTIALS'] as const;
export type GrantType = typeof GRANT_TYPES[number];

export interface FixtureOrg {
  id: string;
  name: string;
  domain?: string;
  defaultCountryCode?: string;
  /** Per-org switch (a per-org setting, docs/facts.md#scope-enforcement): when true, user tokens need the operation's scope. */
  scopeEnforcement: boolean;
  /** Requests per window per token; absent = no rate limit. */
  rateLimit?: { requests: number; windowSeconds: number };
}

export interface FixtureDivision { id: string; name: string; description?: string; home?: boolean }

export interface FixturePolicy { domain: string; entityName: string; actions: string[] }
export interface FixtureRole { id: string; name: string; description?: string; policies: FixturePolicy[] }

export interface FixtureUser {
  id: string; name: string; email: string; divisionId: string;
  title?: string; department?: string;
  /** Station associated with the user (absent = no station). */
  stationId?: string;
}

export interface FixtureGrant { subjectId: string; roleId: string; divisionId: string }

export interface FixtureClient {
  id: string; name: string;
  /** Absent for public (PKCE / device) clients. */
  secret?: string;
  authorizedGrantType: GrantType;
  /** Non-client-credentials clients only (docs/facts.md#grant-types). */
  scope?: string[];
  /** Client-credentials clients only (docs/facts.md#grant-types). */
  roleDivisions?: { roleId: string; divisionId: string }[];
  /** Registered redirect URIs; loopback URIs match on any port (docs/facts.md#pkce-loopback). */
  redirectUris?: string[];
  /** Sandbox extension: this client may use the RFC 8628 device grant (real Genesys has none). */
  deviceGrant?: boolean;
  accessTokenValiditySeconds?: number;
}

export interface FixtureEdge { id: string; name: string; siteId: string; online: boolean }

export interface FixtureStation {
  id: string; name: string;
  /** Genesys station types, e.g. inin_webrtc_softphone, inin_remote, third_party. */
  type: string;
  primaryEdgeId?: string;
  secondaryEdgeId?: string;
  lineAppearanceId?: string;
}

export interface FixtureSite { id: string; name: string; locationName?: string }

export interface FixtureOutboundRoute {
  id: string; name: string; siteId: string;
  classificationTypes: string[];
  enabled: boolean;
  trunks?: string[];
}

export interface FixtureNumberPlan {
  id: string; name: string; siteId: string;
  /** Only "regex" is evaluated by the sandbox. */
  matchType: 'regex';
  match: string;
  normalizedFormat?: string;
  priority: number;
  classification: string;
}

export interface FixtureQueue {
  id: string; name: string; divisionId: string; description?: string;
  members: { userId: string; joined: boolean }[];
}

export interface FixtureDid { number: string; userId?: string; queueId?: string }

/** How a scenario signs in. */
export type ScenarioLogin =
  | { grant: 'client_credentials'; clientId: string }
  | { grant: 'pkce'; clientId: string; userId: string }
  | { grant: 'device'; clientId: string; userId: string };

/** A documented cause: who signs in, what they call, what the sandbox answers. */
export interface FixtureScenario {
  id: string;
  cause: string;
  login: ScenarioLogin;
  request: { method: 'POST'; path: string; body: unknown };
  expect: { status: number; code?: string };
  /** Set when the expected answer rests on an UNVERIFIED fact (e.g. "docs/facts.md#calls-error-codes"). */
  assumption?: string;
}

export interface OrgFixture {
  org: FixtureOrg;
  divisions: FixtureDivision[];
  roles: FixtureRole[];
  users: FixtureUser[];
  grants: FixtureGrant[];
  clients: FixtureClient[];
  edges: FixtureEdge[];
  stations: FixtureStation[];
  sites: FixtureSite[];
  outboundRoutes: FixtureOutboundRoute[];
  numberPlans: FixtureNumberPlan[];
  queues: FixtureQueue[];
  dids: FixtureDid[];
  /** The org's OAuth scope catalogue, served by GET /api/v2/oauth/scopes. */
  scopes: string[];
  scenarios: FixtureScenario[];
}
