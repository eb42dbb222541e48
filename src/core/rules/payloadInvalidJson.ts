// payload.invalid-json: a JSON body (or payload file) that does not parse.
// Genesys presumably answers such bodies with 400 bad.request (a generic code in the
// swagger-2018 x-inin-error-codes; which code a parse error gets is not documented).
import type { Rule } from '../lintTypes';
import type { Finding } from '../types';
import { jsonBody, parseErrorText } from './support/body';
import { requestFacts } from './support/request';

const ID = 'payload.invalid-json';

export const payloadInvalidJson: Rule = {
  id: ID,
  title: 'JSON request body or payload file does not parse',
  check(ctx) {
    const out: Finding[] = [];
    for (const req of ctx.parsed.requests) {
      if (!requestFacts(req, ctx.catalog, ctx.parsed.doc).genesys) continue;
      const body = jsonBody(req, ctx.parsed.doc);
      const err = body?.errors[0];
      if (!body || !err) continue;
      // Report the first error only: later ones are usually its echo.
      const len = Math.max(1, Math.min(err.length, body.text.length - err.offset));
      const where = body.fromInclude ? ` in the included file ${req.body?.include?.path}` : '';
      out.push({
        rule: ID,
        severity: 'error',
        message: `Invalid JSON${where}: ${parseErrorText(err.error)}. Genesys rejects a body it cannot parse, probably with 400 bad.request (a documented generic 400 code).`,
        range: body.rangeOf(err.offset, err.offset < body.text.length ? len : 0),
        request: req.index,
        fixes: [],
        source: { ref: 'docs/facts.md#invalid-json', verified: true },
      });
    }
    return out;
  },
};
