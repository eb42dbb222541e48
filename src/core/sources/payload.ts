// .json/.jsonc payload files: the whole file is one request body, tied to an
// operation by, in this order:
//   1. a `$schema` naming one of our body-model schemas (schemaId.ts);
//   2. settings globs (options.payloadAssociations, first match wins, minimatch);
//   3. inference: top-level fields of CreateCallRequest (docs/facts.md#create-call-request) or the forum
//      folklore call shape (from/to/type/metadata/routing/agentId/callType, docs/facts.md#folklore-sggu)
//      -> POST /api/v2/conversations/calls, by: 'inferred' (rules report it as info).
// Anything else (package.json, tsconfig.json, env files, ...) yields no request.
import type { Node } from 'jsonc-parser';
import { minimatch } from 'minimatch';
import type { Operation } from '../catalog/types';
import { modelFromSchemaRef, SCHEMA_ID_PREFIX } from '../catalog/schemaId';
import { asTextDocument, type TextDocument } from '../text';
import type { Range } from '../types';
import { MAX_JSON_DEPTH, parseJsonBody, TOO_DEEP } from './json';
import type { ParsedDocument, ParsedRequest, ParseOptions, RequestBody, SourceDocument, SourceProblem } from './types';
import { relativeForGlob } from './paths';

/** The operation an inferred call payload is meant for (SDK method name, path). VERIFIED: docs/facts.md#create-call-request */
export const INFERRED_CALL_OPERATION = { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' } as const;

/** CreateCallRequest fields specific enough to identify a call body (docs/facts.md#create-call-request). */
const CREATE_CALL_FIELDS = ['phoneNumber', 'callerId', 'callerIdName', 'callFromQueueId', 'callQueueId', 'callUserId',
  'routingSkillsIds', 'routingSkillExpression', 'conversationIds', 'uuiData', 'externalContactId'];
/** Invented call fields seen in forum answers (docs/facts.md#folklore-sggu); a payload using them is still meant as a call. */
const FOLKLORE_CALL_FIELDS = ['from', 'to', 'type', 'metadata', 'routing', 'agentId', 'callType'];
const FOLKLORE_ANCHORS = ['from', 'to', 'agentId', 'callType'];

/** Well-known config files never inferred as payloads. */
const NOT_PAYLOADS = /(^|[\\/])(package(-lock)?|tsconfig(\.[\w-]+)?|jsconfig(\.[\w-]+)?|http-client(\.private)?\.env|rest-client\.env|settings|launch|tasks|extensions|composer|\.eslintrc|\.prettierrc|\.babelrc|lerna|nx|turbo|renovate|vercel|angular|deno)\.jsonc?$/i;

/**
 * Operations whose body is `model`, best first: options.operationId if among
 * them, then fewest path parameters, then shortest path, then id (stable).
 * So postConversationsCalls comes before postConversationsCallsUserUserId.
 */
export function operationsForModel(ops: readonly Operation[], model: string, preferredId?: string): Operation[] {
  const params = (o: Operation) => (o.path.match(/\{/g) ?? []).length;
  return ops.filter((o) => o.bodyModel === model).sort((a, b) =>
    Number(b.id === preferredId) - Number(a.id === preferredId)
    || params(a) - params(b) || a.path.length - b.path.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** True when top-level keys look like a call payload (real CreateCallRequest or folklore shape). */
export function looksLikeCallPayload(keys: string[]): boolean {
  if (keys.some((k) => CREATE_CALL_FIELDS.includes(k))) return true;
  const folklore = keys.filter((k) => FOLKLORE_CALL_FIELDS.includes(k));
  return folklore.length >= 2 && folklore.some((k) => FOLKLORE_ANCHORS.includes(k));
}

export function parsePayloadDocument(source: SourceDocument, options: ParseOptions = {}): ParsedDocument {
  const doc = asTextDocument(source);
  const problems: SourceProblem[] = [];
  const result: ParsedDocument = { doc, requests: [], fileVariables: [], problems };
  const body: RequestBody = { text: doc.text, offset: 0, range: doc.rangeAt(0, doc.text.length), kind: 'json' };
  // The rules and the live doctor reuse this parse (memoised on `body`); its syntax errors are theirs to report.
  const json = parseJsonBody(doc, body);
  const root = json.root;
  const tooDeep = json.errors.find((e) => e.code === TOO_DEEP);
  if (tooDeep) problems.push({ range: tooDeep.range, message: `Not checked: this JSON nests deeper than ${MAX_JSON_DEPTH} levels, the Call Doctor's parsing limit.` });
  if (!root || root.type !== 'object') return result;
  const startRange = doc.rangeAt(root.offset, root.offset + 1);
  const op = associate(doc, root, options, problems, startRange);
  if (!op) return result;
  const req: ParsedRequest = {
    index: 0, name: null, method: op.method, methodRange: op.range, rawUrl: op.path, url: op.path, urlRange: op.range,
    range: doc.rangeAt(0, doc.text.length), headers: [], variables: [], body,
    association: { by: op.by, operationId: op.id, range: op.range },
  };
  result.requests.push(req);
  return result;
}

interface Associated { by: 'schema' | 'setting' | 'inferred'; id: string; method: string; path: string; range: Range }

function associate(doc: TextDocument, root: Node, options: ParseOptions, problems: SourceProblem[], startRange: Range): Associated | undefined {
  const catalog = options.catalog;
  const schemaProp = root.children?.find((p) => p.children?.[0]?.value === '$schema');
  const schemaValue = schemaProp?.children?.[1];
  if (schemaProp && schemaValue?.type === 'string') {
    const ref = String(schemaValue.value);
    const model = modelFromSchemaRef(ref);
    const range = doc.rangeAt(schemaProp.offset, schemaProp.offset + schemaProp.length);
    if (model) {
      if (!catalog) {
        problems.push({ range, message: `Could not determine the operation for schema model "${model}": no API catalog was given.` });
        return undefined;
      }
      const op = operationsForModel(catalog.operations(), model, options.operationId)[0];
      if (op) return { by: 'schema', id: op.id, method: op.method, path: op.path, range };
      problems.push({ range, message: `"${model}" is not the request body of any known operation; expected a ${SCHEMA_ID_PREFIX}<Model>.json id of a body model.` });
      return undefined;
    }
  }
  for (const a of options.payloadAssociations ?? []) {
    const rel = relativeForGlob(doc.path, options.rootDir);
    if (!minimatch(rel, a.glob, { dot: true, matchBase: !a.glob.includes('/') })) continue;
    const op = catalog?.byId(a.operationId);
    if (op) return { by: 'setting', id: op.id, method: op.method, path: op.path, range: startRange };
    problems.push({ range: startRange, message: catalog
      ? `Setting payloadAssociations maps "${a.glob}" to "${a.operationId}", which is not a known operation id.`
      : `Could not resolve operation "${a.operationId}" from payloadAssociations: no API catalog was given.` });
    return undefined;
  }
  if (schemaProp || NOT_PAYLOADS.test(doc.path)) return undefined;   // a foreign $schema: some other kind of file
  const keys = (root.children ?? []).map((p) => String(p.children?.[0]?.value));
  if (!looksLikeCallPayload(keys)) return undefined;
  const known = catalog?.lookup(INFERRED_CALL_OPERATION.method, INFERRED_CALL_OPERATION.path).match?.operation;
  const id = known?.id ?? INFERRED_CALL_OPERATION.id;
  return { by: 'inferred', id, method: INFERRED_CALL_OPERATION.method, path: INFERRED_CALL_OPERATION.path, range: startRange };
}
