// The Call Doctor's live-check vocabulary.
import type { Catalog } from '../catalog/api';
import type { Operation } from '../catalog/types';
import type { Environment } from '../env/environment';
import type { LookupCache } from '../http/cache';
import type { CallRecord, RawOutcome } from '../http/api';
import type { RetryOptions } from '../http/retry';
import type { Clock, HttpPort, LogPort } from '../ports';
import type { Finding } from '../types';
import type { Explanation } from '../explain/explain';

export type CheckState = 'pass' | 'fail' | 'unknown' | 'skipped';

export type CheckId = 'grant' | 'scope' | 'permission' | 'station' | 'route' | 'queue' | 'user';

export interface CheckResult {
  id: CheckId;
  title: string;
  state: CheckState;
  /** One sentence: what was found, or why the check did not run. */
  summary: string;
  durationMs: number;
  findings: Finding[];
}

/** The user's request, sent once and explained, only when explicitly asked for. */
export interface SendRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface DoctorInput {
  operation: Operation;
  /** The request body, parsed (JSON); undefined when none. */
  body?: unknown;
  /** Values of the operation's path parameters, e.g. { userId }. */
  pathParams?: Record<string, string>;
  accessToken: string;
  environment: Environment;
  catalog: Catalog;
  ports: { http: HttpPort; clock: Clock; log: LogPort };
  signal?: AbortSignal;
  /**
   * Scope information. `doc`: a Swagger document already at hand (else the
   * live one at GET /api/v2/docs/swagger is read). `enforced`: whether the
   * org enforces OAuth scopes (undefined = not known; assumed enforced).
   */
  swagger?: { doc?: unknown; fetch?: boolean; enforced?: boolean };
  /** Per-session lookup cache (SessionCaches.for(session.id)). */
  cache?: LookupCache<RawOutcome>;
  /**
   * An explicit run (the user asked): ask the API for everything instead of
   * answering from the cache; the answers still refresh the cache.
   */
  fresh?: boolean;
  retry?: RetryOptions;
  /**
   * Optional second token of the same environment for lookups the user's token
   * may not make (e.g. telephony:plugin:all for routes); never for "me" lookups.
   */
  lookupToken?: { accessToken: string; label: string };
  /** Explicit opt-in: send exactly this request once and explain the answer. */
  send?: SendRequest;
}

export interface DoctorResult {
  operation: { id: string; method: string; path: string };
  environment: string;
  region?: string;
  org?: { id?: string; name?: string };
  account?: { id?: string; name?: string; grant?: string };
  checks: CheckResult[];
  /** All findings of all checks, in check order. */
  findings: Finding[];
  /**
   * The API host did not answer the identity lookups at all (refused, reset,
   * DNS, timeout): the one result of the run. Every check is then skipped with
   * this reason and the verdict is unknown.
   */
  unreachable?: { host: string; message: string };
  /** pass: every check passed or was skipped; fail: some check failed; unknown: otherwise. */
  verdict: 'pass' | 'fail' | 'unknown';
  /** Every API call made (redacted), in completion order. */
  calls: CallRecord[];
  /** Sequential round trips on the critical path (the deepest dependency level used). */
  criticalPath: number;
  durationMs: number;
  /** Present when the user's request was sent (explicit opt-in). */
  sent?: { status: number | 'error'; explanation?: Explanation; excerpt: string };
}
