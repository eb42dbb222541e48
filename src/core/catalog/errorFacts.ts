// Yes/no troubleshooting facts implied by specific documented error codes
// (FACTS.md §3.4). scripts/catalog/opsFacts.js applies the same table to the
// curated extract; this copy applies it to Swagger documents loaded at run time.
import type { Operation, OperationFact } from './types';

type FactField = 'requiresUserContext' | 'requiresStation' | 'singleDestination';

const FROM_ERROR_CODES: { fact: FactField; status: string; code: string; note: string }[] = [
  { fact: 'requiresUserContext', status: '400', code: 'not.a.user', note: 'A client-credentials token is rejected with 400 not.a.user (not 403): use a token obtained for a user.' },
  { fact: 'requiresStation', status: '400', code: 'conversation.error.no.user.station', note: 'The calling user needs an associated station, else 400 conversation.error.no.user.station.' },
  { fact: 'singleDestination', status: '400', code: 'too.many.create.conversation.parameters', note: 'Exactly one destination per request (phoneNumber | callQueueId | callUserId | conversationIds | participants), else 400 too.many.create.conversation.parameters.' },
];

/** Facts an operation's documented error codes imply, with the error-code source. */
export function factsFromErrorCodes(errorCodes: Operation['errorCodes']): Partial<Record<FactField, OperationFact>> {
  const out: Partial<Record<FactField, OperationFact>> = {};
  if (!errorCodes) return out;
  for (const f of FROM_ERROR_CODES) {
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
