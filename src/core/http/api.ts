// The lookup client of the live checks: read-only, token only to the
// environment, bounded retries, per-session cache, and a record of every call
// (redacted) so each verdict can show its evidence.
import type { Clock, HttpPort, LogPort } from '../ports';
import type { Evidence } from '../types';
import { cachedLabel, LookupCache } from './cache';
import { ReadOnlyHttp, withBearer } from './guard';
import { excerpt, redactText } from './redact';
import { Cancelled, sendWithRetry, type RetryOptions } from './retry';
import { describeTransportError } from './transport';

export interface CallRecord {
  request: string;            // "GET /api/v2/users/me?expand=authorization" (redacted)
  status: number | 'error';
  durationMs: number;
  startedAt: number;
  endedAt: number;
  /** Dependency level in the engine's graph (1 = first wave). */
  level: number;
  attempts: number;
  /** Answered from the session's cache, not asked now; ageMs says how old the answer was. */
  cached: boolean;
  ageMs?: number;
  error?: string;
}

export interface ApiAnswer {
  request: string;
  /** 2xx with a readable JSON body (or an empty body for HEAD). */
  ok: boolean;
  status?: number;
  json?: unknown;
  /** Why no usable answer came: timeout, reset, unreadable body, retries exhausted. */
  error?: string;
  evidence: Evidence;
}

interface RawOutcome { status?: number; headers?: Record<string, string>; body?: string; error?: string; attempts: number }

export interface LiveApiOptions {
  http: HttpPort;
  clock: Clock;
  log: LogPort;
  accessToken: string;
  apiBaseUrl: string;
  /** Every base URL of the signed-in environment (login and API). */
  allowedBases: readonly string[];
  cache?: LookupCache<RawOutcome>;
  /** Ask the API even when the cache holds an answer (the new answer is still cached). */
  fresh?: boolean;
  retry?: RetryOptions;
  signal?: AbortSignal;
  /**
   * A second token of the same environment (e.g. an admin's or an integration's)
   * for lookups the user's own token is refused (401/403). Read-only like the rest.
   */
  lookupToken?: { accessToken: string; label: string };
}

export class LiveApi {
  readonly records: CallRecord[] = [];
  private readonly http: ReadOnlyHttp;

  constructor(private readonly o: LiveApiOptions) {
    this.http = new ReadOnlyHttp(o.http);
  }

  /** Secrets to scrub from anything shown. */
  get secrets(): string[] { return [this.o.accessToken, this.o.lookupToken?.accessToken].filter((s): s is string => !!s); }

  /** GET/HEAD a path; with `fallback`, a 401/403 is asked again with the lookup token. */
  async get(pathAndQuery: string, level: number, method: 'GET' | 'HEAD' = 'GET', fallback = false): Promise<ApiAnswer> {
    const first = await this.getAs(pathAndQuery, level, method, this.o.accessToken, undefined);
    const helper = this.o.lookupToken;
    if (!fallback || !helper || (first.status !== 401 && first.status !== 403)) return first;
    return this.getAs(pathAndQuery, level + 1, method, helper.accessToken, helper.label);
  }

  private async getAs(pathAndQuery: string, level: number, method: 'GET' | 'HEAD', token: string, as: string | undefined): Promise<ApiAnswer> {
    const request = redactText(`${method} ${pathAndQuery}${as ? ` (as ${as})` : ''}`, this.secrets);
    const url = this.o.apiBaseUrl.replace(/\/+$/, '') + pathAndQuery;
    const started = this.o.clock.now();
    const key = `${method} ${pathAndQuery}${as ? ` as ${as}` : ''}`;
    const load = () => this.fetch(method, url, token);
    const read = this.o.cache
      ? await this.o.cache.read(key, load, (r) => r.status !== undefined && ((r.status >= 200 && r.status < 300) || r.status === 404), this.o.fresh)
      : { value: await load() };
    const raw = read.value;
    if (this.o.signal?.aborted) throw new Cancelled();
    const ended = this.o.clock.now();
    const status: number | 'error' = raw.status ?? 'error';
    const age = read.cachedAt !== undefined ? { cached: true as const, ageMs: Math.max(0, started - read.cachedAt) } : undefined;
    this.records.push({ request, status, durationMs: ended - started, startedAt: started, endedAt: ended, level, attempts: raw.attempts, cached: !!age, ...(age ? { ageMs: age.ageMs } : {}), error: raw.error });
    this.o.log.debug(`call-doctor: ${request} -> ${status}${age ? ` (${cachedLabel(age.ageMs)})` : ''} in ${ended - started} ms`);

    let json: unknown;
    let error = raw.error;
    if (raw.status !== undefined && raw.body !== undefined && raw.body.trim() !== '') {
      try { json = JSON.parse(raw.body); } catch { error ??= `the answer is not JSON (${raw.body.length} bytes)`; }
    }
    const ok = raw.status !== undefined && raw.status >= 200 && raw.status < 300 && error === undefined
      && (json !== undefined || method === 'HEAD');
    if (raw.status !== undefined && raw.status >= 200 && raw.status < 300 && json === undefined && method === 'GET') error ??= 'empty answer';
    const evidence: Evidence = {
      request,
      status,
      excerpt: raw.body !== undefined ? excerpt(raw.body, this.secrets) : (error ?? ''),
      durationMs: ended - started,
      ...age,
    };
    return { request, ok, status: raw.status, json, error, evidence };
  }

  private async fetch(method: string, url: string, token: string): Promise<RawOutcome> {
    const req = withBearer({ method, url, headers: { Accept: 'application/json' }, signal: this.o.signal }, token, this.o.allowedBases);
    const out = await sendWithRetry(this.http, req, this.o.clock, this.o.retry);
    if (out.response) return { status: out.response.status, headers: out.response.headers, body: out.response.body, attempts: out.attempts };
    return { error: redactText(out.error ? describeTransportError(out.error) : 'no answer', this.secrets), attempts: out.attempts };
  }
}

export type { RawOutcome };
