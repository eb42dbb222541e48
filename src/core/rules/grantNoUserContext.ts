// grant.no-user-context: a client-credentials token (grant_type=client_credentials
// in the same .http file) used for an operation that needs a user context.
// Genesys answers 400 not.a.user, not 403 (docs/facts.md#calls-error-codes).
import type { Rule, RuleContext } from '../lintTypes';
import type { ParsedRequest } from '../sources/types';
import type { Finding } from '../types';
import { formParams } from './support/scopeSites';
import { requestFacts } from './support/request';

const ID = 'grant.no-user-context';
const NOT_A_USER = 'This request requires a user context. Client credentials cannot be used for requests to this resource.';

interface TokenRequest { req: ParsedRequest; grant: string }

export const grantNoUserContext: Rule = {
  id: ID,
  title: 'Client-credentials token used where a user context is required',
  defaultSeverity: 'error',
  help: 'A client-credentials token has no user, so an operation that needs a user context (such as POST /api/v2/conversations/calls) answers 400 not.a.user. Use a user token (Code Authorization or PKCE grant); whether POST /api/v2/conversations/calls/user/{userId} (a call on behalf of a user) accepts client credentials is UNVERIFIED.',
  source: { ref: 'docs/facts.md#calls-error-codes', verified: true },
  check(ctx) {
    const tokens = tokenRequests(ctx);
    if (!tokens.some((t) => t.grant === 'client_credentials')) return [];
    const byName = new Map(tokens.filter((t) => t.req.name).map((t) => [t.req.name!, t]));
    const onlyClientCredentials = tokens.every((t) => t.grant === 'client_credentials');
    const out: Finding[] = [];
    for (const req of ctx.parsed.requests) {
      const op = requestFacts(req, ctx.catalog, ctx.parsed.doc).operation;
      if (!op?.requiresUserContext?.value) continue;
      const auth = req.headers.find((h) => h.name.toLowerCase() === 'authorization');
      if (!auth) continue; // no token written here: nothing tells which grant it will use
      const link = linkedTokenRequest(ctx, req, byName);
      // Linked to another grant, or not linked while the file also has user grants: nothing certain to say.
      if (link ? link.grant !== 'client_credentials' : !onlyClientCredentials) continue;
      const cc = link ?? tokens.find((t) => t.grant === 'client_credentials')!;
      const text = op.errorCodes?.codes['400']?.['not.a.user'] ?? NOT_A_USER;
      const which = cc.req.name ? `request \`${cc.req.name}\`` : `the token request on line ${cc.req.range.start.line + 1}`;
      const onBehalf = op.id === 'postConversationsCalls'
        ? ' To place a call for an agent from a service, use POST /api/v2/conversations/calls/user/{userId} (ANY conversation:call:add or conversation:agentlessCall:add; whether it accepts client credentials is UNVERIFIED).'
        : '';
      out.push({
        rule: ID,
        severity: link ? 'error' : 'warning',
        range: link ? auth.range : req.urlRange,
        request: req.index,
        fixes: [],
        message: `${op.method} ${op.path} needs a user context, but ${link ? 'its token comes from' : 'this file gets its token from'} a client-credentials grant (${which}): Genesys answers 400 not.a.user ("${text}"). Use a user token (Code Authorization or PKCE grant).${onBehalf}`,
        source: op.requiresUserContext.source,
      });
    }
    return out;
  },
};

function tokenRequests(ctx: RuleContext): TokenRequest[] {
  const out: TokenRequest[] = [];
  for (const req of ctx.parsed.requests) {
    if (!req.body || req.body.include) continue;
    if (!requestFacts(req, ctx.catalog, ctx.parsed.doc).isTokenRequest) continue;
    const grant = formParams(req.body.text).find((p) => p.key === 'grant_type')?.value;
    if (grant) out.push({ req, grant: decodeURIComponent(grant) });
  }
  return out;
}

/** The named token request whose response feeds this request's Authorization header (directly or via @var). */
function linkedTokenRequest(ctx: RuleContext, req: ParsedRequest, byName: Map<string, TokenRequest>): TokenRequest | undefined {
  const auth = req.headers.find((h) => h.name.toLowerCase() === 'authorization')!;
  const seen = new Set<string>();
  const refs = (text: string) => [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]);
  const queue = refs(auth.rawValue);
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const m = /^([\w-]+)\.response\./.exec(name);
    if (m && byName.has(m[1])) return byName.get(m[1]);
    const fv = ctx.parsed.fileVariables.find((v) => v.name === name);
    if (fv) queue.push(...refs(fv.rawValue ?? fv.value));
  }
  return undefined;
}
