// Bounded retries for lookups. Like the gc CLI (docs/facts.md#retry-after) we retry 429
// honouring Retry-After (seconds) and 5xx except 501, but the gc CLI waits up
// to 180 s; an interactive diagnosis must answer quickly, so both the number
// of attempts and the total waiting time are bounded much lower here. When the
// bound would be exceeded we stop and report the last answer: the check is
// then "unknown", never a pass.
import type { Clock, HttpPort, HttpRequest, HttpResponse } from '../ports';

export interface RetryOptions {
  /** Attempts in total, including the first. Default 3. */
  maxAttempts?: number;
  /** Longest total time spent waiting between attempts. Default 8 s. */
  maxTotalWaitMs?: number;
  /** Timeout of each attempt. Default 10 s. */
  timeoutMs?: number;
  /** Wait before a retry when the server gives no Retry-After. Default 250 ms, doubling. */
  baseDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 3, maxTotalWaitMs: 8_000, timeoutMs: 10_000, baseDelayMs: 250 };

export class RequestTimeout extends Error {
  override name = 'RequestTimeout';
  constructor(ms: number) { super(`no answer within ${ms} ms`); }
}

export class Cancelled extends Error {
  override name = 'Cancelled';
  constructor() { super('cancelled'); }
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/** Retry-After in ms (seconds or HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const raw = headers['retry-after'];
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * One attempt with a timeout; the caller's signal cancels it. The timeout uses
 * a real timer (not the Clock), so a fake clock in tests only drives retry waits.
 */
export async function sendWithTimeout(http: HttpPort, req: HttpRequest, _clock: Clock, timeoutMs: number): Promise<HttpResponse> {
  if (req.signal?.aborted) throw new Cancelled();
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(new Cancelled());
  req.signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Racing the abort too: a port that ignores the signal still ends in bounded time.
    return await Promise.race([
      http.send({ ...req, signal: ctrl.signal }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => ctrl.abort(new RequestTimeout(timeoutMs)), timeoutMs);
        (timer as { unref?: () => void }).unref?.();
        ctrl.signal.addEventListener('abort', () => reject(ctrl.signal.reason), { once: true });
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}

export interface RetryOutcome {
  response?: HttpResponse;
  error?: Error;
  attempts: number;
  waitedMs: number;
}

/** Sends `req`, retrying within the bounds. Never throws except on cancellation. */
export async function sendWithRetry(http: HttpPort, req: HttpRequest, clock: Clock, options: RetryOptions = {}): Promise<RetryOutcome> {
  const o = { ...DEFAULT_RETRY, ...options };
  let waitedMs = 0;
  let last: RetryOutcome = { attempts: 0, waitedMs: 0 };
  for (let attempt = 1; attempt <= o.maxAttempts; attempt++) {
    try {
      const response = await sendWithTimeout(http, req, clock, o.timeoutMs);
      last = { response, attempts: attempt, waitedMs };
      if (!isRetryableStatus(response.status)) return last;
      const wait = retryAfterMs(response.headers, clock.now()) ?? o.baseDelayMs * 2 ** (attempt - 1);
      if (attempt === o.maxAttempts || waitedMs + wait > o.maxTotalWaitMs) return last;
      waitedMs += wait;
      await sleepOrCancel(clock, wait, req.signal);
    } catch (err) {
      if (err instanceof Cancelled || req.signal?.aborted) throw new Cancelled();
      const error = err instanceof Error ? err : new Error(String(err));
      last = { error, attempts: attempt, waitedMs };
      // Timeouts and resets are retried like 5xx, within the same bounds.
      const wait = o.baseDelayMs * 2 ** (attempt - 1);
      if (attempt === o.maxAttempts || waitedMs + wait > o.maxTotalWaitMs) return last;
      waitedMs += wait;
      await sleepOrCancel(clock, wait, req.signal);
    }
  }
  return last;
}

async function sleepOrCancel(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await clock.sleep(ms, signal);
  } catch {
    throw new Cancelled();
  }
}
