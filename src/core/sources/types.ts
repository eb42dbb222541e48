// Requests as found in user files (.http/.rest, .json/.jsonc payloads),
// with exact ranges back into the document. Produced by sources/* (H2).
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
  range: Range;
  resolved: boolean;
  value?: string;
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
  include?: { path: string; range: Range; text?: string; resolvedPath?: string };
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
}

export interface ParsedDocument {
  doc: SourceDocument;
  requests: ParsedRequest[];
  /** File-level variables (`@name = value`) with their definition ranges. */
  fileVariables: { name: string; value: string; range: Range }[];
}
