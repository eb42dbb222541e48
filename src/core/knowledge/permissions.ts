// Permission names (domain:entity:action) known offline. The catalog supplies
// those from curated facts and loaded Swagger documents; docs/facts.md names a few
// more explicitly. The live GET /api/v2/authorization/permissions catalogue can
// be layered on top with withLivePermissions().
import type { SourceRef } from '../types';

export const FACTS_PERMISSIONS_SOURCE: SourceRef = {
  ref: 'docs/facts.md#sdk-permission-docs',
  verified: true,
};

/** Permissions docs/facts.md names explicitly (calls, on-behalf, lookups, campaigns), all VERIFIED. */
export const FACTS_PERMISSIONS: readonly string[] = [
  'conversation:conference:add', 'conversation:call:add', 'conversation:agentlessCall:add',
  'conversation:communication:disconnect',
  'authorization:grant:view', 'authorization:role:view', 'oauth:client:view',
  'telephony:otherStationAssociation:view', 'telephony:otherStationAssociation:edit',
  'telephony:selfStationAssociation:view', 'telephony:selfStationAssociation:edit',
  'telephony:plugin:all', 'telephony:sites:view',
  'routing:queue:view', 'routing:queue:edit', 'routing:queue:readonly', 'routing:queueMember:manage',
  'outbound:campaign:view', 'outbound:campaign:add', 'outbound:campaign:edit', 'outbound:campaign:delete',
  'outbound:contactList:view',
];

export class PermissionSet {
  private readonly names: ReadonlySet<string>;
  /** True when built from the live catalogue: absence is then meaningful. */
  readonly live: boolean;

  constructor(names: Iterable<string>, live = false) {
    this.names = new Set(names);
    this.live = live;
  }

  has(name: string): boolean { return this.names.has(name); }
  all(): string[] { return [...this.names]; }
  get size(): number { return this.names.size; }
}

/** The permissions the facts reference names, plus the catalog's `knownPermissions()`. */
export function offlinePermissions(catalogPermissions?: ReadonlySet<string>): PermissionSet {
  return new PermissionSet([...FACTS_PERMISSIONS, ...(catalogPermissions ?? [])]);
}

export function isKnownPermission(name: string, set: PermissionSet = offlinePermissions()): boolean {
  return set.has(name);
}

/**
 * Adds names (domain:entity:action) read from the live catalogue
 * GET /api/v2/authorization/permissions; the caller flattens the response.
 */
export function withLivePermissions(live: Iterable<string>, base: PermissionSet = offlinePermissions()): PermissionSet {
  return new PermissionSet([...base.all(), ...live], true);
}
