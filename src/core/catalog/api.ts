// What the rest of the core may ask of the API catalog. Implemented in
// catalog/catalog.ts; everything else codes against this interface.
import type { JsonSchema, Operation, CatalogManifest, SdkClassInfo } from './types';

export interface PathMatch {
  operation: Operation;
  /** Values of the template's path parameters, e.g. { userId: "abc" }. */
  params: Record<string, string>;
}

export interface LookupResult {
  /** Exact method+path match, if any. */
  match?: PathMatch;
  /** Operations on the same path with other methods (for "wrong method" hints). */
  otherMethods: Operation[];
  /**
   * Closest known paths when nothing matched (for "did you mean"). Computed on
   * first read and then kept (the catalog's lookup() returns a lazy getter), so
   * read it only when the suggestions are actually shown.
   */
  suggestions: Operation[];
}

export interface Catalog {
  readonly manifest: CatalogManifest;
  /** All operations (SDK ones overlaid with curated facts and Swagger data). */
  operations(): readonly Operation[];
  byId(id: string): Operation | undefined;
  /**
   * Resolve a URL or path as written by a user: absolute or relative,
   * with query string, trailing slash or `{{variables}}` in it.
   */
  lookup(method: string, urlOrPath: string): LookupResult;
  /** JSON Schema (draft-07) of a body model, with `definitions` for nested $refs. */
  schema(model: string): JsonSchema | undefined;
  modelNames(): readonly string[];
  /** Every permission name known from curated facts and loaded Swagger documents. */
  knownPermissions(): ReadonlySet<string>;
  /**
   * SDK classes by name ("ApiClientClass", "ConversationsApi", ...) with their public members.
   * Optional so that test doubles need not provide it; loadCatalog() always does.
   */
  sdkClasses?(): ReadonlyMap<string, SdkClassInfo>;
}
