// In-memory state of one sandbox: the fixture with lookups, issued tokens,
// pending authorization codes and device codes. Time comes from an injectable
// clock so tests can expire codes without waiting.
import type { Clock } from '../core';
import type { OrgFixture, FixtureClient, FixtureDivision, FixtureRole, FixtureUser, FixtureStation, FixtureQueue, FixtureSite, FixtureEdge } from './fixtureTypes';
import type { FaultRule } from './faults';
import type { RequestLog } from './requestLog';
import type { JwtSigner } from './login/jwt';

export interface TokenRecord {
  kind: 'user' | 'client';
  clientId: string;
  userId?: string;
  scopes: string[];
  grant: string;
  issuedAt: number;
  expiresAt: number;
}

export interface PendingCode {
  clientId: string; userId: string; redirectUri: string;
  codeChallenge: string; expiresAt: number;
}

export interface PendingDevice {
  clientId: string; userCode: string; expiresAt: number; interval: number;
  lastPollAt?: number;
  status: 'pending' | 'approved' | 'denied';
  userId?: string;
}

export class SandboxState {
  readonly tokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, PendingCode>();
  readonly devices = new Map<string, PendingDevice>();
  /** Rate-limit windows per token key. */
  readonly windows = new Map<string, { start: number; count: number }>();
  faults: FaultRule[] = [];
  baseUrl = '';
  /** Set in --jwt mode: access tokens are signed JWTs, public key at /.well-known/jwks.json. */
  jwt?: JwtSigner;
  /** Seconds a device-flow client must wait between polls (RFC 8628 interval). */
  deviceInterval = 5;
  /** Requests per window per token (from options or the fixture's org.rateLimit). */
  rateLimit?: { requests: number; windowSeconds: number };

  constructor(readonly fixture: OrgFixture, readonly clock: Clock, readonly log: RequestLog, readonly random: () => number) {}

  now(): number { return this.clock.now(); }
  user(id: string): FixtureUser | undefined { return this.fixture.users.find((u) => u.id === id); }
  client(id: string): FixtureClient | undefined { return this.fixture.clients.find((c) => c.id === id); }
  role(id: string): FixtureRole | undefined { return this.fixture.roles.find((r) => r.id === id); }
  division(id: string): FixtureDivision | undefined { return this.fixture.divisions.find((d) => d.id === id); }
  station(id: string | undefined): FixtureStation | undefined { return id === undefined ? undefined : this.fixture.stations.find((s) => s.id === id); }
  queue(id: string): FixtureQueue | undefined { return this.fixture.queues.find((q) => q.id === id); }
  site(id: string): FixtureSite | undefined { return this.fixture.sites.find((s) => s.id === id); }
  edge(id: string | undefined): FixtureEdge | undefined { return id === undefined ? undefined : this.fixture.edges.find((e) => e.id === id); }
  /** The user a station is associated with, if any. */
  stationUser(stationId: string): FixtureUser | undefined { return this.fixture.users.find((u) => u.stationId === stationId); }
  deviceByUserCode(userCode: string): [string, PendingDevice] | undefined {
    const norm = userCode.replace(/[\s-]/g, '').toUpperCase();
    for (const entry of this.devices) if (entry[1].userCode.replace(/-/g, '') === norm) return entry;
    return undefined;
  }
}
