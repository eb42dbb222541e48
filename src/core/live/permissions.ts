// The Call Doctor's view of the caller's Grants: the same readGrants and the
// same evaluator as the token tree (core/token), read through the doctor's
// memoised lookups so every answer is also evidence and counts in the
// critical path. Re-exports the permission helpers the live API offers.
import type { ApiAnswer } from '../http/api';
import { GRANT_PATHS, readGrants, type GrantFetch, type Grants } from '../token/grants';
import type { Leveled, Lookups } from './lookups';
import type { DoctorInput } from './types';

/** What doctorGrants needs of a check context (CheckContext fits; named here so the two files do not import each other). */
export interface GrantsContext { L: Lookups; input: Pick<DoctorInput, 'environment' | 'ports'> }

export { evaluatePermissions, permissionMatches } from '../token/evaluate';

export interface DoctorGrants {
  grants: Grants;
  /** The lookup answers behind `grants`, by path. */
  answers: ReadonlyMap<string, ApiAnswer>;
  /** The answers for these paths (those that were asked). */
  evidence(paths: readonly string[]): ApiAnswer[];
}

const memo = new WeakMap<GrantsContext, Promise<DoctorGrants>>();

/** The grants of the doctor run's token, read once per run. */
export function doctorGrants(ctx: GrantsContext): Promise<DoctorGrants> {
  let p = memo.get(ctx);
  if (!p) {
    const answers = new Map<string, ApiAnswer>();
    const fetch: GrantFetch = async (path) => {
      const fixed: Record<string, () => Promise<Leveled>> = {
        [GRANT_PATHS.tokenInfo]: () => ctx.L.tokenInfo(), [GRANT_PATHS.me]: () => ctx.L.me(), [GRANT_PATHS.subject]: () => ctx.L.subjects(),
      };
      // Anything else (a client's roles) follows tokens/me, which named it.
      const l = await (fixed[path]?.() ?? ctx.L.tokenInfo().then((t) => ctx.L.after([t], path)));
      answers.set(path, l.answer);
      return { path, status: l.answer.status, json: l.answer.json, error: l.answer.error };
    };
    p = readGrants(fetch, { environment: ctx.input.environment.name, grant: 'token', now: ctx.input.ports.clock.now() })
      .then((grants) => ({ grants, answers, evidence: (paths) => paths.map((x) => answers.get(x)).filter((a): a is ApiAnswer => !!a) }));
    memo.set(ctx, p);
  }
  return p;
}
