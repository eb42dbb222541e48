// payload.invalid-json: a JSON body (or payload file) that does not parse.
// Genesys presumably answers such bodies with 400 bad.request (a generic code in the
// swagger-2018 x-inin-error-codes; which code a parse error gets is not documented).
// What counts as an error (comments, trailing commas) is decided in sources/json.ts.
import type { Rule } from '../lintTypes';
import { jsonBodyOf, MAX_JSON_DEPTH, TOO_DEEP } from '../sources/json';
import type { Finding } from '../types';
import { requestFacts } from './support/request';

const ID = 'payload.invalid-json';

export const payloadInvalidJson: Rule = {
  id: ID,
  title: 'JSON request body or payload file does not parse',
  defaultSeverity: 'error',
  help: 'The body is not strict JSON (a trailing comma, a comment, a missing quote or brace), and Genesys rejects a body it cannot parse, probably with 400 bad.request. Correct the JSON at the reported position.',
  source: { ref: 'docs/facts.md#invalid-json', verified: true },
  check(ctx) {
    const out: Finding[] = [];
    for (const req of ctx.parsed.requests) {
      if (!requestFacts(req, ctx.catalog, ctx.parsed.doc).genesys) continue;
      const body = jsonBodyOf(req, ctx.parsed.doc);
      const err = body?.errors[0];
      if (!body || !err) continue;
      const where = body.fromInclude ? ` in the included file ${req.body?.include?.path}` : '';
      if (err.code === TOO_DEEP) {
        // Our limit, not a known Genesys one: say the body was not checked, claim nothing about the API.
        out.push({
          rule: ID, severity: 'warning', request: req.index, fixes: [], range: err.range,
          message: `Not checked: the JSON body${where} nests deeper than ${MAX_JSON_DEPTH} levels, the Call Doctor's parsing limit. No payload rule looked at it.`,
          source: { ref: `call-doctor JSON parsing limit (${MAX_JSON_DEPTH} nesting levels)`, verified: true },
        });
        continue;
      }
      // Report the first error only: later ones are usually its echo.
      const len = Math.max(1, Math.min(err.length, body.text.length - err.offset));
      out.push({
        rule: ID,
        severity: 'error',
        message: `Invalid JSON${where}: ${err.message}. Genesys rejects a body it cannot parse, probably with 400 bad.request (a documented generic 400 code).`,
        range: body.rangeAt(err.offset, err.offset < body.text.length ? len : 0),
        request: req.index,
        fixes: [],
        source: { ref: 'docs/facts.md#invalid-json', verified: true },
      });
    }
    return out;
  },
};
