// The shape every API-knowledge source is folded into: the SDK-generated
// catalog, curated troubleshooting facts, and Swagger documents (which win).
import type { SourceRef } from '../types';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface ParamInfo {
  name: string;
  in: 'path' | 'query';
  type?: string;              // e.g. "string", "number", "boolean", "Array<string>"
  required?: boolean;
  enum?: string[];
  description?: string;
  /** "multi" for repeated query parameters (?expand=a&expand=b), from the SDK call site. */
  collectionFormat?: string;
}

export interface PermissionRequirement {
  /** ANY: one of `permissions` suffices; ALL: every one is needed; NO: none declared. */
  type: 'ANY' | 'ALL' | 'NO';
  permissions: string[];
  source: SourceRef;
}

export interface ScopeRequirement {
  /** null = not known from the sources loaded so far (the SDK carries no scopes). */
  scopes: string[] | null;
  source: SourceRef;
}

/** A curated yes/no troubleshooting fact about an operation, with its provenance. */
export interface OperationFact {
  value: boolean;
  note?: string;
  source: SourceRef;
}

export interface Operation {
  /** SDK method name, which is also the Swagger operationId, e.g. "postConversationsCalls". */
  id: string;
  method: HttpMethod;
  /** Path template, e.g. "/api/v2/conversations/calls/user/{userId}". */
  path: string;
  /** API group, e.g. "Conversations" (SDK class ConversationsApi). */
  group: string;
  summary?: string;
  deprecated?: boolean;
  params: ParamInfo[];
  /** Name of the body model, e.g. "CreateCallRequest"; absent when no body. */
  bodyModel?: string;
  bodyRequired?: boolean;
  returnModel?: string;
  permissions?: PermissionRequirement;
  scopes?: ScopeRequirement;
  /** Documented error codes: status -> code -> message. */
  errorCodes?: { codes: Record<string, Record<string, string>>; source: SourceRef };
  requiresUserContext?: OperationFact;
  requiresStation?: OperationFact;
  singleDestination?: OperationFact;
  /** Where the operation's core data came from ("sdk", "swagger:<name>"). */
  origin: string;
  /** Further JSDoc lines after the summary (e.g. "not valid when using the Client Credentials OAuth grant"). */
  description?: string;
  /** Every SDK API group that generates this operation, when more than one (group is the primary). */
  groups?: string[];
  /** TypeScript type of the body as the SDK declares it, without "Models.", e.g. "Array<Destination>". */
  bodyType?: string;
  /** For an array body (bodyType "Array<X>"): the item model X. bodyModel is then absent. */
  bodyItemModel?: string;
  bodyDescription?: string;
  /** TypeScript type of the response, e.g. "CreateCallResponse" or "Array<string>". */
  returnType?: string;
  /** Fields a Swagger document overrode or added, field name -> origin ("swagger:<name>"). */
  fieldOrigins?: Record<string, string>;
}

/** JSON Schema (draft-07) documents, one per model, keyed by model name. */
export type JsonSchema = Record<string, unknown>;

export interface CatalogManifest {
  sdkVersion: string;         // e.g. "262.0.0"
  operationCount: number;
  modelCount: number;
  generator: string;          // script name and version
  sdkPackage?: string;        // "purecloud-platform-client-v2"
  /** callApi call sites in the SDK (an operation generated into several API classes counts once per class). */
  callApiSites?: number;
  schemaDialect?: string;
  source?: string;
  /** Swagger documents overlaid at load time. */
  swagger?: { origin: string; operationCount: number; definitionCount: number }[];
}

/** Public members of the SDK classes (API classes and ApiClientClass), for "no such SDK method". */
export interface SdkClassInfo {
  methods: string[];
  properties: string[];
  /** ApiClientClass only: public methods ApiClient.js implements but index.d.ts does not declare. */
  undeclaredImplemented?: string[];
}
