// Who is calling: user context (grant), OAuth scopes, role permissions.
import type { ApiAnswer } from '../../http/api';
import { passed, skipped, type CheckContext, type CheckOutcome } from '../context';
import { focused, liveFinding, LIVE_RULES, only, unavailable } from '../finding';
import { obj, rec, str } from '../lookups';
import { evaluatePermissions, grantsFromRole, grantsFromSubject, grantsFromUserMe, type GrantLine } from '../permissions';
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
  if (ctx.input.swagger?.enforced === false) return skipped('The org does not enforce OAuth scopes (as configured).');
  const [{ cc, evidence: ccEvidence }, t] = await Promise.all([ctx.clientCredentials(), ctx.L.tokenInfo()]);
  if (cc) return skipped('Scopes do not apply to client-credentials clients (they get roles and divisions instead).');
  const required = await operationScopes(ctx);
  if (!required.scopes) {
    return {
      state: 'unknown', summary: 'The operation\'s OAuth scope is not known.',
      findings: [liveFinding(LIVE_RULES.unavailable, 'info',
        `Could not determine the OAuth scope of ${ctx.op.method} ${ctx.op.path}: ${required.why}. The scope verdict is unknown (almost certainly \`conversations\` for the call endpoints, UNVERIFIED: docs/facts.md#operation-scopes).`,
        SRC.scopeUnknown, required.evidence)],
    };
  }
  const info = obj(t.answer);
  const scopes = Array.isArray(info?.authorizedScope) ? info.authorizedScope.filter((s): s is string => typeof s === 'string') : undefined;
  if (!scopes) {
    return { state: 'unknown', summary: 'The token\'s scopes could not be read.', findings: [unavailable('the token\'s scopes', t.answer, ctx.needs('/api/v2/tokens/me'), SRC.lookup)] };
  }
  if (cc === undefined && scopes.length === 0) {
    return { state: 'unknown', summary: 'The token lists no scopes and its grant type is unknown.', findings: [unavailable('whether scopes apply to this token', ccEvidence[ccEvidence.length - 1], undefined, SRC.lookup)] };
  }
  // Genesys lists alternatives (e.g. ["conversations", "conversations:readonly"]); a
  // read-write scope also covers its :readonly form.
  const held = required.scopes.filter((s) => scopes.includes(s) || (s.endsWith(':readonly') && scopes.includes(s.slice(0, -':readonly'.length))));
  if (held.length > 0) {
    // Say which scope the token really holds: read-write covering :readonly is our inference.
    const exact = held.find((s) => scopes.includes(s));
    return passed(exact ? `The token has the scope ${exact}.`
      : `The token has the read-write scope ${held[0].slice(0, -':readonly'.length)}, taken to cover ${held[0]} (inferred).`);
  }
  const enforcementNote = ctx.input.swagger?.enforced === true ? '' : ' (if the org enforces OAuth scopes, which is a per-org setting)';
  return {
    state: 'fail', summary: `The token lacks the scope ${required.scopes.join(' or ')}.`,
    findings: [liveFinding(LIVE_RULES.scopeMissing, 'error',
      `${ctx.op.method} ${ctx.op.path} needs the OAuth scope ${required.scopes.map((s) => `\`${s}\``).join(' or ')}, but the token's OAuth client is authorized for ${scopes.length ? scopes.map((s) => `\`${s}\``).join(', ') : 'no scopes'}; ` +
      `the call is refused${enforcementNote}. Add the scope to the OAuth client's scope list and sign in again (a new token carries the new scopes).`,
      required.source, [focused(t.answer, (j) => ({ authorizedScope: j.authorizedScope, OAuthClient: only('id', 'name', 'authorizedGrantType')(rec(j.OAuthClient) ?? {}) })), ...required.evidence],
      { explanation: ctx.input.swagger?.enforced === true ? undefined : `Per-org scope enforcement: ${SRC.scopeEnforcement.ref} (UNVERIFIED).` })],
  };
}

export async function permissionCheck(ctx: CheckContext): Promise<CheckOutcome> {
  const req = ctx.op.permissions;
  if (!req) return skipped('The catalog has no permission data for this operation.');
  if (req.type === 'NO' || req.permissions.length === 0) return passed('The operation declares no permissions.');
  const source = await grantSource(ctx);
  if (!source.grants) {
    return { state: 'unknown', summary: 'Your grants could not be read.', findings: [unavailable('your permissions', source.failed!, ctx.needs(source.failed!.request.split(' ')[1]), SRC.lookup)] };
  }
  const verdict = evaluatePermissions(req, source.grants);
  const list = req.permissions.join(', ');
  const where = Object.entries(verdict.grantedBy).map(([p, w]) => `${p} (${w.join('; ')})`).join(', ');
  if (verdict.satisfied) {
    // Division scoping is only judged for placing a call, where the caller's division is the object's.
    const isCall = ctx.op.method === 'POST' && ctx.op.path.startsWith('/api/v2/conversations/calls') && (ctx.fact('requiresStation')?.value || ctx.targetUserId !== undefined);
    const placer = isCall ? await placerDivision(ctx) : undefined;
    if (placer && source.grants.some((g) => g.divisionId) && !verdict.inDivision(placer.id)) {
      return {
        state: 'fail', summary: `Granted only outside ${placer.label}'s division.`,
        findings: [liveFinding(LIVE_RULES.permissionMissing, 'warning',
          `${ctx.op.method} ${ctx.op.path} requires ${req.type === 'ANY' ? 'one of' : 'all of'} ${list}. It is granted (${where}), but not in ${placer.label === 'you' ? 'your' : `${placer.label}'s`} division ${placer.name}; ` +
          `a grant in the wrong division can give 403 not.authorized (UNVERIFIED as a specific message, docs/facts.md#division-not-authorized). Grant the role in division ${placer.name} as well.`,
          { ref: 'docs/facts.md#division-not-authorized', verified: false },
          [...source.evidence, ...placer.evidence])],
      };
    }
    return passed(`Granted: ${where}.`);
  }
  const conferenceOnly = ctx.op.method === 'POST' && ctx.op.path === '/api/v2/conversations/calls'
    && !ctx.body?.conversationIds && !ctx.body?.participants;
  const what = req.type === 'ANY' ? `at least one of ${list}` : `all of ${list} (missing: ${verdict.missing.join(', ')})`;
  const message = `${ctx.op.method} ${ctx.op.path} requires ${what}; your roles (${describeGrants(source.grants)}) grant none of ${req.type === 'ANY' ? 'them' : 'the missing ones'}. ` +
    `Add a role that grants ${verdict.missing[0]} to ${source.cc ? 'the OAuth client (roleDivisions)' : 'the user'}, then sign in again.` +
    (conferenceOnly ? ' Note: conversation:conference:add is the declared permission, but whether a single-number call enforces it is UNVERIFIED (docs/facts.md#conference-enforcement).' : '');
  return {
    state: 'fail', summary: `Missing ${verdict.missing.join(', ')}.`,
    findings: [liveFinding(LIVE_RULES.permissionMissing, conferenceOnly ? 'warning' : 'error', message,
      conferenceOnly ? SRC.conferenceEnforcement : req.source, source.evidence)],
  };
}

/** The division of the user who places the call (token user, or the on-behalf target). */
async function placerDivision(ctx: CheckContext): Promise<{ id: string; name: string; label: string; evidence: ApiAnswer[] } | undefined> {
  const u = ctx.targetUserId ? await ctx.L.user(ctx.targetUserId) : await ctx.L.me();
  const d = rec(obj(u.answer)?.division);
  const id = str(d?.id);
  if (!id) return undefined;
  return { id, name: str(d?.name) ?? id, label: ctx.targetUserId ? `user ${ctx.targetUserId}` : 'you', evidence: [u.answer] };
}

function describeGrants(grants: GrantLine[]): string {
  const names = [...new Set(grants.map((g) => (g.division ? `${g.role} in ${g.division}` : g.role)))];
  return names.length ? names.slice(0, 5).join('; ') + (names.length > 5 ? '; …' : '') : 'none';
}

/** Grants from subjects/me; for client credentials from the client's roles; else users/me. */
async function grantSource(ctx: CheckContext): Promise<{ grants?: GrantLine[]; evidence: ApiAnswer[]; failed?: ApiAnswer; cc?: boolean }> {
  const [s, m, { cc }] = await Promise.all([ctx.L.subjects(), ctx.L.me(), ctx.clientCredentials()]);
  const fromSubject = s.answer.ok ? grantsFromSubject(s.answer.json) : undefined;
  if (fromSubject) return { grants: fromSubject, evidence: [s.answer], cc };
  if (cc) {
    const t = await ctx.L.tokenInfo();
    const rds = rec(obj(t.answer)?.OAuthClient)?.roleDivisions;
    if (Array.isArray(rds)) {
      const answers = await Promise.all(rds.map((rd) => str(rec(rd)?.roleId)).filter((id): id is string => !!id).map((id) => ctx.L.role(t, id)));
      const bad = answers.find((a) => !a.answer.ok);
      if (!bad) {
        const grants = answers.map((a, i) => grantsFromRole(a.answer.json, str(rec(rds[i])?.divisionId))).filter((g): g is GrantLine => !!g);
        return { grants, evidence: [t.answer, ...answers.map((a) => a.answer)], cc };
      }
      return { evidence: [], failed: bad.answer, cc };
    }
  }
  const fromMe = m.answer.ok ? grantsFromUserMe(m.answer.json) : undefined;
  if (fromMe) return { grants: fromMe, evidence: [s.answer, m.answer], cc };
  return { evidence: [], failed: s.answer, cc };
}
