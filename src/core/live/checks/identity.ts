// Who is calling: user context (grant), OAuth scopes, role permissions.
import type { ApiAnswer } from '../../http/api';
import { passed, skipped, type CheckContext, type CheckOutcome } from '../context';
import { focused, liveFinding, LIVE_RULES, only, unavailable } from '../finding';
import { obj, rec, str } from '../lookups';
import { GRANT_PATHS, type GrantLine, type Grants } from '../../token/grants';
import { callerDivision, divisionScope, evaluatePermissionRequirement, evaluateScopeRequirement, onlyInDivisionText, type DivisionContext } from '../../token/evaluate';
import { doctorGrants } from '../permissions';
import { operationScopes } from '../swaggerScopes';
import { SRC } from '../sources';

export async function grantCheck(ctx: CheckContext): Promise<CheckOutcome> {
  const fact = ctx.fact('requiresUserContext');
  if (!fact?.value && ctx.targetUserId !== undefined) {
    // docs/facts.md#on-behalf-client-credentials: whether the on-behalf endpoint accepts client credentials is open.
    const { cc, evidence } = await ctx.clientCredentials();
    if (!cc) return passed('The token belongs to a user.');
    return {
      state: 'unknown', summary: 'Whether this endpoint accepts a client-credentials token is UNVERIFIED.',
      findings: [liveFinding(LIVE_RULES.noUserContext, 'info',
        `This token has no user context (client credentials). Whether ${ctx.op.method} ${ctx.op.path} accepts such tokens is UNVERIFIED (docs/facts.md#on-behalf-client-credentials); the conversation:agentlessCall:add permission suggests a non-user caller. If Genesys answers 400 not.a.user, use a user token.`,
        { ref: 'docs/facts.md#on-behalf-client-credentials', verified: false }, evidence)],
    };
  }
  if (!fact?.value) return skipped('No curated fact says this operation needs a user context.');
  const { cc, evidence } = await ctx.clientCredentials();
  if (cc === undefined) {
    return { state: 'unknown', summary: 'Could not tell whether the token has a user context.', findings: [unavailable('whether the token has a user context', evidence[evidence.length - 1], ctx.needs('/api/v2/tokens/me'), SRC.lookup)] };
  }
  if (!cc) return passed('The token belongs to a user.');
  const onBehalf = '/api/v2/conversations/calls/user/{userId}';
  return {
    state: 'fail', summary: 'The token has no user context (client credentials).',
    findings: [liveFinding(LIVE_RULES.noUserContext, 'error',
      `${ctx.op.method} ${ctx.op.path} needs a user context, but this token was issued to a client-credentials OAuth client; Genesys answers 400 not.a.user. ` +
      `Sign in as a user (Code Authorization + PKCE), or place the call on behalf of a user with POST ${onBehalf} (whether that endpoint accepts client credentials is UNVERIFIED).`,
      fact.source, evidence.map((e) => focused(e, (j) => ('OAuthClient' in j ? { OAuthClient: only('id', 'name', 'authorizedGrantType')(rec(j.OAuthClient) ?? {}) } : j))))],
  };
}

export async function scopeCheck(ctx: CheckContext): Promise<CheckOutcome> {
  const { grants: g, answers } = await doctorGrants(ctx);
  const enforced = ctx.input.swagger?.enforced;
  // No scope lookup (live Swagger) when scopes cannot matter.
  const required = enforced === false || g.account.kind === 'client' ? undefined : await operationScopes(ctx);
  const ev = evaluateScopeRequirement(required ?? { scopes: null, source: SRC.scopeUnknown }, g, enforced);
  const t = answers.get(GRANT_PATHS.tokenInfo);
  if (ev.verdict === 'skipped') return skipped(ev.summary);
  if (ev.verdict === 'pass') return passed(ev.summary);
  if (ev.verdict === 'unknown') {
    if (!required?.scopes) {
      return {
        state: 'unknown', summary: ev.summary,
        findings: [liveFinding(LIVE_RULES.unavailable, 'info',
          `Could not determine the OAuth scope of ${ctx.op.method} ${ctx.op.path}: ${required?.why}. The scope verdict is unknown (almost certainly \`conversations\` for the call endpoints, UNVERIFIED: docs/facts.md#operation-scopes).`,
          SRC.scopeUnknown, required?.evidence ?? [])],
      };
    }
    if (!g.scopes.list && t) return { state: 'unknown', summary: ev.summary, findings: [unavailable('the token\'s scopes', t, ctx.needs('/api/v2/tokens/me'), SRC.lookup)] };
    const last = answers.get(GRANT_PATHS.me) ?? t;
    return { state: 'unknown', summary: ev.summary, findings: last ? [unavailable('whether scopes apply to this token', last, undefined, SRC.lookup)] : [] };
  }
  const scopes = ev.tokenScopes ?? [];
  const enforcementNote = enforced === true ? '' : ' (if the org enforces OAuth scopes, which is a per-org setting)';
  return {
    state: 'fail', summary: ev.summary,
    findings: [liveFinding(LIVE_RULES.scopeMissing, 'error',
      `${ctx.op.method} ${ctx.op.path} needs the OAuth scope ${required!.scopes!.map((s) => `\`${s}\``).join(' or ')}, but the token's OAuth client is authorized for ${scopes.length ? scopes.map((s) => `\`${s}\``).join(', ') : 'no scopes'}; ` +
      `the call is refused${enforcementNote}. Add the scope to the OAuth client's scope list and sign in again (a new token carries the new scopes).`,
      required!.source, [t && focused(t, (j) => ({ authorizedScope: j.authorizedScope, OAuthClient: only('id', 'name', 'authorizedGrantType')(rec(j.OAuthClient) ?? {}) })), ...required!.evidence],
      { explanation: enforced === true ? undefined : `Per-org scope enforcement: ${SRC.scopeEnforcement.ref} (UNVERIFIED).` })],
  };
}

export async function permissionCheck(ctx: CheckContext): Promise<CheckOutcome> {
  const req = ctx.op.permissions;
  const { grants: g, answers, evidence } = await doctorGrants(ctx);
  const placer = req?.permissions.length ? await placerDivision(ctx, g) : undefined;
  const ev = evaluatePermissionRequirement(req, g, placer?.division);
  if (ev.verdict === 'skipped') return skipped(ev.summary);
  if (!req) return skipped(ev.summary);
  const used = [...evidence(g.permissions.paths)];
  if (ev.verdict === 'unknown') {
    const failed = answers.get(g.permissions.failedPath ?? GRANT_PATHS.subject)!;
    return { state: 'unknown', summary: ev.summary, findings: [unavailable('your permissions', failed, ctx.needs(failed.request.split(' ')[1]), SRC.lookup)] };
  }
  if (ev.verdict === 'pass') return passed(ev.summary);
  const list = req.permissions.join(', ');
  const where = Object.entries(ev.grantedBy).map(([p, w]) => `${p} (${w.join('; ')})`).join(', ');
  if (ev.otherDivision) {
    const divisions = [...new Set(ev.marks.flatMap((m) => m.grantedIn ?? []))];
    const d = ev.otherDivision;
    return {
      state: 'fail', summary: ev.summary,
      findings: [liveFinding(LIVE_RULES.permissionMissing, 'warning',
        `${ctx.op.method} ${ctx.op.path} requires ${req.type === 'ANY' ? 'one of' : 'all of'} ${list}. It is ${onlyInDivisionText(divisions, d)} (${where}); ` +
        `a grant in the wrong division can give 403 not.authorized (UNVERIFIED as a specific message, docs/facts.md#division-not-authorized). Grant the role in division ${d.name} as well.`,
        { ref: 'docs/facts.md#division-not-authorized', verified: false },
        [...used, ...(placer?.evidence ?? [])])],
    };
  }
  const conferenceOnly = ctx.op.method === 'POST' && ctx.op.path === '/api/v2/conversations/calls'
    && !ctx.body?.conversationIds && !ctx.body?.participants;
  const what = req.type === 'ANY' ? `at least one of ${list}` : `all of ${list} (missing: ${ev.missing.join(', ')})`;
  const message = `${ctx.op.method} ${ctx.op.path} requires ${what}; your roles (${describeGrants(g.permissions.lines ?? [])}) grant none of ${req.type === 'ANY' ? 'them' : 'the missing ones'}. ` +
    `Add a role that grants ${ev.missing[0]} to ${g.account.kind === 'client' ? 'the OAuth client (roleDivisions)' : 'the user'}, then sign in again.` +
    (conferenceOnly ? ' Note: conversation:conference:add is the declared permission, but whether a single-number call enforces it is UNVERIFIED (docs/facts.md#conference-enforcement).' : '');
  return {
    state: 'fail', summary: ev.summary,
    findings: [liveFinding(LIVE_RULES.permissionMissing, conferenceOnly ? 'warning' : 'error', message,
      conferenceOnly ? SRC.conferenceEnforcement : req.source, used)],
  };
}

/** The division the call is judged in (divisionScope): the caller's own (users/me), or the on-behalf target's. */
async function placerDivision(ctx: CheckContext, g: Grants): Promise<{ division: DivisionContext; evidence: ApiAnswer[] } | undefined> {
  const scope = divisionScope(ctx.op);
  if (scope === 'caller') {
    const division = callerDivision(g);
    return division ? { division, evidence: [(await ctx.L.me()).answer] } : undefined;
  }
  if (scope !== 'target' || !ctx.targetUserId) return undefined;
  const u = await ctx.L.user(ctx.targetUserId);
  const d = rec(obj(u.answer)?.division);
  const id = str(d?.id);
  return id ? { division: { id, name: str(d?.name) ?? id, whose: `user ${ctx.targetUserId}` }, evidence: [u.answer] } : undefined;
}

function describeGrants(grants: GrantLine[]): string {
  const names = [...new Set(grants.map((g) => (g.division ? `${g.role} in ${g.division}` : g.role)))];
  return names.length ? names.slice(0, 5).join('; ') + (names.length > 5 ? '; …' : '') : 'none';
}
