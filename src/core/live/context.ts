// What every check can ask: the input, the lookups, and shared derived
// answers (is this a client-credentials token? which station/site?).
import type { Operation, OperationFact } from '../catalog/types';
import type { ApiAnswer } from '../http/api';
import type { Finding } from '../types';
import { GRANT_PATHS } from '../token/grants';
import { Lookups, rec, type Leveled } from './lookups';
import { doctorGrants } from './permissions';
import { SRC } from './sources';
import type { DoctorInput } from './types';

export class CheckContext {
  readonly op: Operation;
  readonly body: Record<string, unknown> | undefined;
  /** The on-behalf target (POST /api/v2/conversations/calls/user/{userId}). */
  readonly targetUserId: string | undefined;
  private ccMemo?: Promise<{ cc: boolean | undefined; evidence: ApiAnswer[] }>;

  constructor(readonly input: DoctorInput, readonly L: Lookups) {
    this.op = input.operation;
    this.body = rec(input.body);
    this.targetUserId = /\{userId\}/.test(this.op.path) ? input.pathParams?.userId : undefined;
  }

  /** The permission a lookup needs, from the catalog, e.g. "ANY of telephony:plugin:all". */
  needs(pathAndQuery: string): string | undefined {
    const path = pathAndQuery.split('?')[0];
    const op = this.input.catalog.lookup('GET', path).match?.operation;
    const p = op?.permissions;
    if (!p) return undefined;
    if (p.type === 'NO' || p.permissions.length === 0) return 'no permission (per the catalog)';
    return `${p.type} of ${p.permissions.join(', ')}`;
  }

  fact(name: 'requiresUserContext' | 'requiresStation'): OperationFact | undefined {
    const f = this.op[name];
    if (f) return f;
    // The catalog normally carries these; docs/facts.md#calls-error-codes is the fallback for the call endpoint.
    if (this.op.method === 'POST' && this.op.path === '/api/v2/conversations/calls') {
      return { value: true, source: name === 'requiresStation' ? SRC.station : SRC.userContext };
    }
    return undefined;
  }

  /** Whether the token belongs to a client-credentials client, as its Grants say (the same model as the token tree). */
  clientCredentials(): Promise<{ cc: boolean | undefined; evidence: ApiAnswer[] }> {
    this.ccMemo ??= doctorGrants(this).then(({ grants: g, evidence }) => ({
      cc: g.account.kind === 'client' ? true : g.account.kind === 'user' ? false : undefined,
      evidence: evidence(g.account.paths.length ? g.account.paths : [GRANT_PATHS.tokenInfo, GRANT_PATHS.me]),
    }));
    return this.ccMemo;
  }
}

export interface CheckOutcome {
  state: 'pass' | 'fail' | 'unknown' | 'skipped';
  summary: string;
  findings: Finding[];
}

export const skipped = (summary: string): CheckOutcome => ({ state: 'skipped', summary, findings: [] });
export const passed = (summary: string): CheckOutcome => ({ state: 'pass', summary, findings: [] });

export type { Leveled };
