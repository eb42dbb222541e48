// The OAuth scopes an operation needs, resolved by the same function as the
// token tree (core/token/scopes.ts), with the live Swagger document read
// through the doctor's lookups so it is evidence.
import type { ApiAnswer } from '../http/api';
import { resolveRequiredScopes, scopesInSwagger } from '../token/scopes';
import type { RequiredScopes as Resolved } from '../token/evaluate';
import type { CheckContext } from './context';
import { SRC } from './sources';

export { scopesInSwagger };

export interface RequiredScopes extends Resolved { evidence: ApiAnswer[]; why: string }

export async function operationScopes(ctx: CheckContext): Promise<RequiredScopes> {
  let answer: ApiAnswer | undefined;
  const live = ctx.input.swagger?.fetch === false ? undefined : async () => {
    answer = (await ctx.L.swagger()).answer;
    return { ok: answer.ok, scopes: (m: string, p: string) => scopesInSwagger(answer!.json, m, p), failure: `${answer.request} → ${answer.status ?? answer.error}` };
  };
  const r = await resolveRequiredScopes(ctx.op, { given: ctx.input.swagger?.doc, live });
  if (!r.usedLive || !answer) return { scopes: r.scopes, source: r.scopes ? r.source : SRC.scopeUnknown, evidence: [], why: r.why ?? '' };
  if (!r.scopes) return { scopes: null, source: SRC.scopeUnknown, evidence: [answer], why: r.why ?? '' };
  const a = answer;
  return { scopes: r.scopes, source: SRC.scopeLive, evidence: [{ ...a, evidence: { ...a.evidence, excerpt: `paths["${ctx.op.path}"].${ctx.op.method.toLowerCase()}.security: PureCloud OAuth ${JSON.stringify(r.scopes)}` } }], why: '' };
}
