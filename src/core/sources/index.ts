// One entry for every request source: dispatches on the document kind.
// .http/.rest -> requests; .json/.jsonc -> at most one payload request;
// .js/.ts -> no requests, plus a CodeScan (scopes, SDK calls, token URLs).
import { asTextDocument } from '../text';
import { scanCode } from './code';
import { parseHttpDocument } from './http/parse';
import { parsePayloadDocument } from './payload';
import type { ParsedDocument, ParseOptions, SourceDocument } from './types';

export async function parseDocument(doc: SourceDocument, options: ParseOptions = {}): Promise<ParsedDocument> {
  switch (doc.kind) {
    case 'http': return parseHttpDocument(doc, options);
    case 'json': return parsePayloadDocument(doc, options);
    case 'js': {
      const text = asTextDocument(doc);
      return { doc: text, requests: [], fileVariables: [], problems: [], code: scanCode(text) };
    }
    default: return { doc, requests: [], fileVariables: [], problems: [] };
  }
}

export { createDocument, documentKindOf } from '../text';
export { parseHttpDocument } from './http/parse';
export { parsePayloadDocument, looksLikeCallPayload, operationsForModel } from './payload';
export { jsonTextForParsing, parseJsonBody, pointerOf, pointerPath } from './json';
export { parseFormBody, scopeNamesIn } from './form';
export { scanCode } from './code';
export type { CodeScan } from './code';
export { type DocumentKind, type ParsedDocument, type ParsedRequest } from './types';
