// The knowledge the rules consult beyond the catalog: scope names, permission
// names and SDK method names. Built once per catalog unless overridden (live
// scope/permission lists, a test's own SDK method list).
import type { Catalog } from '../catalog/api';
import { offlinePermissions, type PermissionSet } from './permissions';
import { defaultScopeRegistry, type ScopeRegistry } from './scopes';
import { sdkMethodsOf, type SdkMethodIndex } from './sdkMethods';

export interface Knowledge {
  scopes: ScopeRegistry;
  permissions: PermissionSet;
  /** Absent when data/catalog/sdk-methods.json could not be read; see sdkMethodsProblem. */
  sdkMethods?: SdkMethodIndex;
  sdkMethodsProblem?: string;
}

const cache = new WeakMap<Catalog, Knowledge>();

export function knowledgeFor(catalog: Catalog, overrides?: Partial<Knowledge>): Knowledge {
  let base = cache.get(catalog);
  if (!base) {
    const sdk = overrides && 'sdkMethods' in overrides ? {} : sdkMethodsOf(catalog);
    base = {
      scopes: defaultScopeRegistry(),
      permissions: offlinePermissions(catalog.knownPermissions()),
      sdkMethods: sdk.index,
      sdkMethodsProblem: sdk.problem,
    };
    if (!overrides) cache.set(catalog, base);
  }
  return overrides ? { ...base, ...overrides } : base;
}

export * from './folklore';
export * from './permissions';
export * from './scopes';
export * from './sdkMethods';
