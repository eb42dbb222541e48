// endpoint.unknown: a request to a Genesys /api/v2 path that is no operation of
// the SDK the catalog was generated from: an invented endpoint (named with its
// real alternative), a path that exists only with other methods, or a typo.
import type { Rule, RuleContext } from '../lintTypes';
import type { Finding, SourceRef } from '../types';
import { folkloreEndpoint } from '../knowledge/folklore';
import { requestFacts } from './support/request';

const ID = 'endpoint.unknown';

function catalogSource(ctx: RuleContext): SourceRef {
  return { ref: `purecloud-platform-client-v2@${ctx.catalog.manifest.sdkVersion} *Api.js operations (call-doctor catalog)`, verified: true };
}

export const endpointUnknown: Rule = {
  id: ID,
  title: 'Request to a Genesys API path or method that does not exist',
  check(ctx) {
    const out: Finding[] = [];
    for (const req of ctx.parsed.requests) {
      const facts = requestFacts(req, ctx.catalog, ctx.parsed.doc);
      const lookup = facts.lookup;
      if (!lookup || lookup.match) continue;
      const shown = `${req.method} ${facts.url.path}`;
      const base = { rule: ID, severity: 'error' as const, range: req.urlRange, request: req.index, fixes: [] };
      if (lookup.otherMethods.length) {
        const ops = lookup.otherMethods;
        const methods = [...new Set(ops.map((o) => o.method))].join(', ');
        out.push({
          ...base,
          message: `${req.method} is not allowed on ${ops[0].path}: it exists only with ${methods} (${ops.map((o) => o.id).join(', ')}).`,
          source: catalogSource(ctx),
        });
        continue;
      }
      const lore = folkloreEndpoint(req.method, facts.url.path);
      if (lore) {
        out.push({ ...base, message: `${lore.name} does not exist in the Genesys Cloud API. ${lore.truth}`, source: lore.source, explanation: `Why: ${lore.why}.` });
        continue;
      }
      const near = lookup.suggestions.slice(0, 3).map((o) => `${o.method} ${o.path}`);
      out.push({
        ...base,
        message: `No Genesys Cloud API operation matches ${shown}${near.length ? `; closest: ${near.join(', ')}` : ''}.`,
        source: catalogSource(ctx),
      });
    }
    return out;
  },
};
