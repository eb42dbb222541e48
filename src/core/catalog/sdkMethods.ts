// "Does the SDK define this method?" for rules that check code using
// purecloud-platform-client-v2 (e.g. flag `client.setScopes(...)`, which does not exist).
import type { Catalog } from './api';

/**
 * The SDK class a user-facing name refers to: `ApiClient` / `ApiClient.instance` is
 * ApiClientClass; `new platformClient.UsersApi()` is UsersApi.
 */
export function sdkClassName(name: string): string {
  return name === 'ApiClient' || name === 'ApiClient.instance' ? 'ApiClientClass' : name;
}

/**
 * true/false when the class is known; undefined when it is not (or the catalog
 * has no SDK class data), so a caller can say "could not determine".
 * Methods ApiClient.js implements but index.d.ts does not declare (e.g.
 * loginSaml2BearerGrant) count as existing.
 */
export function isSdkMethod(catalog: Catalog, className: string, method: string): boolean | undefined {
  const info = catalog.sdkClasses?.().get(sdkClassName(className));
  if (!info) return undefined;
  return info.methods.includes(method) || (info.undeclaredImplemented ?? []).includes(method);
}

/** Public method names of a class (declared and undeclared-but-implemented), sorted; for "did you mean". */
export function sdkMethodNames(catalog: Catalog, className: string): string[] {
  const info = catalog.sdkClasses?.().get(sdkClassName(className));
  return info ? [...new Set([...info.methods, ...(info.undeclaredImplemented ?? [])])].sort() : [];
}
