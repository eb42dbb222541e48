// Yes/no troubleshooting facts implied by specific documented error codes
// (docs/facts.md#calls-error-codes). The table is data/curated/error-code-facts.json:
// scripts/catalog/opsFacts.js applies it to the curated extract, this module
// to Swagger documents loaded at run time.
import { readDataJson } from '../data';
import type { Operation, OperationFact } from './types';

type FactField = 'requiresUserContext' | 'requiresStation' | 'singleDestination';

interface ErrorCodeFact { fact: FactField; status: string; code: string; note: string }

let table: readonly ErrorCodeFact[] | undefined;

/** Read once, when the first operation with documented error codes asks. */
function errorCodeFacts(): readonly ErrorCodeFact[] {
  table ??= readDataJson<{ facts: ErrorCodeFact[] }>('curated/error-code-facts.json', 'the committed curated facts are missing').facts;
  return table;
}

/** Facts an operation's documented error codes imply, with the error-code source. */
export function factsFromErrorCodes(errorCodes: Operation['errorCodes']): Partial<Record<FactField, OperationFact>> {
  const out: Partial<Record<FactField, OperationFact>> = {};
  if (!errorCodes) return out;
  for (const f of errorCodeFacts()) {
    const message = errorCodes.codes[f.status]?.[f.code];
    if (message === undefined) continue;
    out[f.fact] = {
      value: true,
      note: `${f.note} Documented: ${f.status} ${f.code} "${message}"`,
      source: { ref: `${errorCodes.source.ref} ${f.status} ${f.code}`, verified: errorCodes.source.verified },
    };
  }
  return out;
}
