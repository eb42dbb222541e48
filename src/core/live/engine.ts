// The Call Doctor: runs every live check for one request, in parallel where
// the lookups allow, and never sends anything but GET/HEAD unless the caller
// explicitly asked to send the user's own request (then exactly once).
import { explainError } from '../explain/explain';
import { LiveApi } from '../http/api';
import { ForeignHostRefused, isUnderBase, ReadOnlyHttp, withBearer } from '../http/guard';
import { excerpt } from '../http/redact';
import { Cancelled, sendWithTimeout } from '../http/retry';
import type { Finding } from '../types';
import { CHECKS } from './checkSet';
import { CheckContext, type CheckOutcome } from './context';
import { liveFinding, LIVE_RULES } from './finding';
import { Lookups, obj, rec, str } from './lookups';
import { SRC } from './sources';
import type { CheckId, CheckResult, DoctorInput, DoctorResult } from './types';

export async function runDoctor(input: DoctorInput): Promise<DoctorResult> {
  const { clock, log } = input.ports;
  const started = clock.now();
  const env = input.environment;
  const api = new LiveApi({
    http: input.ports.http, clock, log, accessToken: input.accessToken, apiBaseUrl: env.apiBaseUrl,
    allowedBases: [env.apiBaseUrl, env.loginBaseUrl], cache: input.cache, fresh: input.fresh, retry: input.retry, signal: input.signal,
    lookupToken: input.lookupToken,
  });
  const L = new Lookups(api);
  const ctx = new CheckContext(input, L);
  throwIfCancelled(input.signal);

  // Level 1 starts at once, so no lookup waits for an unrelated one.
  void L.tokenInfo(); void L.me(); void L.subjects();
  if (needsLiveSwagger(input)) void L.swagger();

  const checks = await Promise.all(CHECKS.map(async ({ id, title, run }): Promise<CheckResult> => {
    const t0 = clock.now();
    let outcome: CheckOutcome;
    try {
      outcome = await run(ctx);
    } catch (err) {
      if (err instanceof Cancelled || input.signal?.aborted) throw new Cancelled();
      const msg = err instanceof Error ? err.message : String(err);
      outcome = { state: 'unknown', summary: `The check failed: ${msg}`, findings: [liveFinding(LIVE_RULES.unavailable, 'warning', `Could not determine the ${title.toLowerCase()} verdict: ${msg}. The verdict is unknown.`, SRC.lookup, [])] };
    }
    return { id: id as CheckId, title, ...outcome, durationMs: clock.now() - t0 };
  }));
  throwIfCancelled(input.signal);

  const unreachable = unreachableHost(api, env.apiBaseUrl);
  if (unreachable) return unreachableResult(input, unreachable, checks, api, started);

  const findings: Finding[] = checks.flatMap((c) => c.findings);
  const t = obj((await L.tokenInfo()).answer);
  const me = obj((await L.me()).answer);
  const org = rec(t?.organization);
  const result: DoctorResult = {
    operation: { id: input.operation.id, method: input.operation.method, path: input.operation.path },
    environment: env.name,
    region: env.region?.key,
    org: org ? { id: str(org.id), name: str(org.name) } : undefined,
    account: {
      id: str(me?.id), name: str(me?.name) ?? str(rec(t?.OAuthClient)?.name),
      grant: str(rec(t?.OAuthClient)?.authorizedGrantType),
    },
    checks,
    findings,
    verdict: checks.some((c) => c.state === 'fail') ? 'fail' : checks.some((c) => c.state === 'unknown') ? 'unknown' : 'pass',
    calls: api.records,
    criticalPath: api.records.reduce((m, r) => Math.max(m, r.level), 0),
    durationMs: 0,
  };
  if (input.send) result.sent = await sendUserRequest(input, api.secrets);
  result.durationMs = clock.now() - started;
  return result;
}

/**
 * The API host, when nothing asked of it in this run got an HTTP answer
 * (refused, reset, DNS, timeout): then no check has anything current to stand
 * on, and the run is one "could not reach" result instead of a list of checks
 * failing for it, or passing on answers from the cache. Checks have settled,
 * so the identity lookups (always started) have been asked or read from memory.
 */
function unreachableHost(api: LiveApi, apiBaseUrl: string): DoctorResult['unreachable'] {
  const asked = api.records.filter((r) => !r.cached);
  if (asked.length === 0 || asked.some((r) => r.status !== 'error')) return undefined;
  return { host: hostOf(apiBaseUrl), message: asked[0].error ?? 'no answer' };
}

function unreachableResult(input: DoctorInput, u: NonNullable<DoctorResult['unreachable']>, checks: CheckResult[], api: LiveApi, started: number): DoctorResult {
  const reason = `Not checked: could not reach ${u.host}: ${u.message}.`;
  return {
    operation: { id: input.operation.id, method: input.operation.method, path: input.operation.path },
    environment: input.environment.name,
    region: input.environment.region?.key,
    unreachable: u,
    checks: checks.map((c) => ({ ...c, state: 'skipped', summary: reason, findings: [] })),
    findings: [],
    verdict: 'unknown',
    calls: api.records,
    criticalPath: api.records.reduce((m, r) => Math.max(m, r.level), 0),
    durationMs: input.ports.clock.now() - started,
    // The user's own request would go to the same host: not attempted.
    ...(input.send ? { sent: { status: 'error' as const, excerpt: `not sent: could not reach ${u.host}` } } : {}),
  };
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

function needsLiveSwagger(input: DoctorInput): boolean {
  if (input.swagger?.enforced === false || input.swagger?.fetch === false) return false;
  if (input.operation.scopes?.scopes?.length) return false;
  return input.swagger?.doc === undefined;
}

/** The explicit opt-in: exactly one send of the user's request, explained. */
async function sendUserRequest(input: DoctorInput, secrets: string[]): Promise<DoctorResult['sent']> {
  const s = input.send!;
  const env = input.environment;
  const bases = [env.apiBaseUrl, env.loginBaseUrl];
  if (!isUnderBase(s.url, bases)) {
    // Never send the user's request (with or without the token) outside the signed-in environment.
    return { status: 'error', excerpt: new ForeignHostRefused(s.url, bases).message };
  }
  const http = new ReadOnlyHttp(input.ports.http);
  try {
    const req = withBearer({ method: s.method, url: s.url, headers: s.headers, body: s.body, signal: input.signal }, input.accessToken, bases);
    const res = await sendWithTimeout({ send: (r) => http.sendUserRequest(r) }, req, input.ports.clock, input.retry?.timeoutMs ?? 30_000);
    const explanation = res.status >= 400 ? explainError(res.body, res.status) : undefined;
    return { status: res.status, explanation, excerpt: excerpt(res.body, secrets) };
  } catch (err) {
    if (err instanceof Cancelled) throw err;
    return { status: 'error', excerpt: excerpt(err instanceof Error ? err.message : String(err), secrets) };
  }
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Cancelled();
}
