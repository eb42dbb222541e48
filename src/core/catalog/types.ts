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
}

/** JSON Schema (draft-07) documents, one per model, keyed by model name. */
export type JsonSchema = Record<string, unknown>;

export interface CatalogManifest {
  sdkVersion: string;         // e.g. "262.0.0"
  operationCount: number;
  modelCount: number;
  generator: string;          // script name and version
}
