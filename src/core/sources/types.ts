// Requests as found in user files (.http/.rest, .json/.jsonc payloads),
// with exact ranges back into the document. Produced by sources/*.
import type { Range } from '../types';

export type DocumentKind = 'http' | 'json' | 'js' | 'unknown';

export interface SourceDocument {
  /** File path or URI string, used in reports. */
  path: string;
  kind: DocumentKind;
  text: string;
  positionAt(offset: number): import('../types').Position;
  offsetAt(position: import('../types').Position): number;
}

export interface Header {
  name: string;
  value: string;          // variables substituted where resolvable
  rawValue: string;       // as written
  range: Range;           // whole header line
  valueRange: Range;
}

export interface VariableRef {
  name: string;           // e.g. "baseUrl", "$dotenv TOKEN"
  range: Range;           // the whole `{{...}}`, braces included
  resolved: boolean;
  value?: string;
  /**
   * True when the value only exists at send time ({{$guid}}, {{$timestamp}},
   * {{login.response.body.$.token}}, names set by a response-handler script):
   * resolved is false, but this is not an error.
   */
  dynamic?: boolean;
  /** Where the value came from (or would come from). */
  source?: VariableSource;
  /** Why it is unresolved, in words fit for a diagnostic. */
  problem?: string;
  /** True when the reference sits in a `<@` included file; range is then the include path. */
  inInclude?: boolean;
  /**
   * True when the resolved value is probably a secret (from .env, the process
   * environment or http-client.private.env.json, or named like token/secret/
   * password/auth/key). Never print `value` (nor substituted urls/headers) then.
   */
  sensitive?: boolean;
}

export type VariableSource = 'file' | 'environment' | 'dotenv' | 'processEnv' | 'system'
  | 'request' | 'script' | 'prompt' | 'expression' | 'session' | 'unknown';

/** Something in or around the document that could not be parsed or read. Never thrown. */
export interface SourceProblem {
  message: string;
  /** Range in this document, when the problem is located here. */
  range?: Range;
  /** The other file involved (env file, include), when any. */
  path?: string;
}

export interface RequestBody {
  /** Text as written in the document (variables untouched). */
  text: string;
  /** Document offset of the first body character. */
  offset: number;
  range: Range;
  /** "json" when the content type or the text says so; "form" for urlencoded. */
  kind: 'json' | 'form' | 'text' | 'none';
  /** `< ./file.json` include: the path as written and the text read, if any. */
  include?: {
    path: string; range: Range; text?: string; resolvedPath?: string;
    /** `<@` form: variables in the included text are processed (see ParsedRequest.variables). */
    processVariables?: boolean;
  };
}

export interface ParsedRequest {
  index: number;
  name: string | null;            // `# @name` or null
  method: string;                 // upper-cased
  methodRange: Range;
  rawUrl: string;                 // as written
  url: string;                    // with resolvable variables substituted
  urlRange: Range;
  range: Range;                   // the whole request block
  headers: Header[];
  body?: RequestBody;
  variables: VariableRef[];       // every {{...}} in the request, resolved or not
  /** For .json payload files: how the payload was tied to an operation. */
  association?: { by: 'schema' | 'setting' | 'inferred'; operationId: string; range: Range };
  /** Text after `###` on the separator line (JetBrains request title), if any. */
  title?: string;
  /** For http files: true when the request line had no method (REST Client defaults to GET). */
  methodImplicit?: boolean;
  /** HTTP version written on the request line, e.g. "HTTP/1.1". */
  httpVersion?: string;
  /** True when the request was written as a `curl ...` command. */
  curl?: boolean;
}

export interface ParsedDocument {
  doc: SourceDocument;
  requests: ParsedRequest[];
  /** File-level variables (`@name = value`) with their definition ranges. */
  fileVariables: { name: string; value: string; range: Range; rawValue?: string; nameRange?: Range }[];
  /** Parse/read problems (malformed env file, missing include, ...). Additive; may be absent in old producers. */
  problems?: SourceProblem[];
  /** `{{...}}` references outside requests (in file-variable definitions). */
  variables?: VariableRef[];
  /** For js/ts documents: the scan of scopes, SDK calls and token URLs. */
  code?: import('./codeTypes').CodeScan;
  /** Name of the environment used to resolve variables, if any. */
  environment?: string;
  /** Environment names offered by env files / rest-client settings (for an environment picker). */
  environments?: string[];
}

/** Options for every source parser; all optional. Structurally compatible with LintOptions. */
export interface ParseOptions {
  /** Reads env files, `.env`, and body includes. Absent: those are reported as unreadable. */
  files?: import('../ports').FilesPort;
  /** Selected environment (http-client.env.json / rest-client settings). */
  environment?: string;
  /** VS Code setting `rest-client.environmentVariables`: { "$shared": {...}, "<env>": {...} }. */
  restClientEnvironments?: Record<string, Record<string, unknown>>;
  /** For {{$processEnv X}}; absent names are unresolved. */
  processEnv?: Record<string, string | undefined>;
  /** Workspace root: env files are searched from the file's folder up to here (inclusive). */
  rootDir?: string;
  /** Payload files: the catalog maps a `$schema` model to its operation(s). */
  catalog?: import('../catalog/api').Catalog;
  /** Payload files: settings-driven association (first matching glob wins). */
  payloadAssociations?: { glob: string; operationId: string }[];
  /** Payload files: preferred operation when a model is the body of several operations. */
  operationId?: string;
  /**
   * Names the sender itself supplies when the request is sent (compared without case),
   * e.g. the signed-in session's `accessToken`: such references are send-time values
   * (dynamic, source "session"), not unresolved variables.
   */
  sendTimeNames?: readonly string[];
}

export type HttpParseOptions = ParseOptions;
