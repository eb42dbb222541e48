// The only ways the core reaches the world. The CLI, the tests and the VS Code
// extension each supply their own implementations.

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Aborts the request (cancellation, timeouts). */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;   // lower-cased names
  body: string;
}

export interface HttpPort { send(req: HttpRequest): Promise<HttpResponse> }

export interface Clock {
  now(): number;                              // ms since epoch
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface SecretsPort {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface PromptPort {
  /** Shows information the user must act on (e.g. a device code). */
  show(message: string, detail?: { url?: string; code?: string }): Promise<void>;
  openExternal(url: string): Promise<boolean>;
}

export interface LogPort {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** File access for request sources (env files, `< ./body.json` includes). */
export interface FilesPort {
  readText(path: string): Promise<string | undefined>;
}

export const silentLog: LogPort = { debug() {}, info() {}, warn() {}, error() {} };

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('cancelled'));
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(t); reject(signal?.reason ?? new Error('cancelled')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  }),
};
