// What the sandbox was asked and what it answered. Never holds a token, a
// secret, a code or a verifier: query values of sensitive names are redacted.

export interface LogEntry {
  time: string;                 // ISO-8601
  method: string;
  path: string;                 // path + redacted query
  status: number | 'reset' | 'timeout';
  durationMs: number;
  /** Who the bearer token belongs to, e.g. "user:<id>" or "client:<id>"; absent when none. */
  subject?: string;
  /** Error code of an ErrorBody / OAuth error answer, when any. */
  code?: string;
  fault?: string;
}

const SENSITIVE = /^(code|code_verifier|code_challenge|access_token|refresh_token|client_secret|device_code|user_code|state|assertion|token|password)$/i;

export function redactPath(pathAndQuery: string): string {
  const i = pathAndQuery.indexOf('?');
  if (i < 0) return pathAndQuery;
  const params = new URLSearchParams(pathAndQuery.slice(i + 1));
  for (const key of [...params.keys()]) if (SENSITIVE.test(key)) params.set(key, 'REDACTED');
  const qs = params.toString();
  return pathAndQuery.slice(0, i) + (qs ? `?${qs}` : '');
}

export class RequestLog {
  private readonly items: LogEntry[] = [];
  constructor(private readonly max = 1000) {}
  add(entry: LogEntry): void {
    this.items.push(entry);
    if (this.items.length > this.max) this.items.shift();
  }
  entries(): readonly LogEntry[] { return [...this.items]; }
  clear(): void { this.items.length = 0; }
}
