// endpoint.unknown: a request to a Genesys /api/v2 path that is no operation of
// the SDK the catalog was generated from: an invented endpoint (named with its
// real alternative), a path that exists only with other methods, or a typo.
import type { Rule, RuleContext } from '../lintTypes';
import type { ParsedRequest } from '../sources/types';
import type { Finding, SourceRef } from '../types';
import { folkloreEndpoint } from '../knowledge/folklore';
import { requestFacts } from './support/request';

const ID = 'endpoint.unknown';

function catalogSource(ctx: RuleContext): SourceRef {
  return { ref: 'docs/facts.md#sdk-package', verified: true };
}

/** A whole object literal (a `{ ...base, x }` spread is much slower in V8); the key order findings always had. */
function finding(req: ParsedRequest, message: string, source: SourceRef, explanation?: string): Finding {
  const f: Finding = { rule: ID, severity: 'error', range: req.urlRange, request: req.index, fixes: [], message, source };
  if (explanation !== undefined) f.explanation = explanation;
  return f;
}

export const endpointUnknown: Rule = {
  id: ID,
  title: 'Request to a Genesys API path or method that does not exist',
  defaultSeverity: 'error',
  help: 'The request goes to a Genesys /api/v2 path or method that no operation of the SDK defines, so it fails (an invented endpoint, a wrong method or a typo). Use the real operation the message names.',
  source: { ref: 'docs/facts.md#sdk-package api/*Api.js', verified: true },
  check(ctx) {
    const out: Finding[] = [];
    for (const req of ctx.parsed.requests) {
      const facts = requestFacts(req, ctx.catalog, ctx.parsed.doc);
      const lookup = facts.lookup;
      if (!lookup || lookup.match) continue;
      const shown = `${req.method} ${facts.url.path}`;
      if (lookup.otherMethods.length) {
        const ops = lookup.otherMethods;
        const methods = [...new Set(ops.map((o) => o.method))].join(', ');
        out.push(finding(req, `${req.method} is not allowed on ${ops[0].path}: it exists only with ${methods} (${ops.map((o) => o.id).join(', ')}).`, catalogSource(ctx)));
        continue;
      }
      const lore = folkloreEndpoint(req.method, facts.url.path);
      if (lore) {
        out.push(finding(req, `${lore.name} does not exist in the Genesys Cloud API. ${lore.truth}`, lore.source, `Why: ${lore.why}.`));
        continue;
      }
      // Reading the suggestions is what computes them (only for requests that matched nothing).
      const near = lookup.suggestions.slice(0, 3).map((o) => `${o.method} ${o.path}`);
      out.push(finding(req, `No Genesys Cloud API operation matches ${shown}${near.length ? `; closest: ${near.join(', ')}` : ''}.`, catalogSource(ctx)));
    }
    return out;
  },
};
