// Port doubles shared by the unit and integration tests: a routed HttpPort, a
// virtual Clock that never really sleeps, a recording PromptPort and LogPort,
// and an in-memory SecretsPort.
import type { Clock, HttpRequest, HttpResponse, HttpPort, LogPort, PromptPort, SecretsPort } from '../../src/core/ports';

export type Route = (req: HttpRequest, body: URLSearchParams) => HttpResponse | Promise<HttpResponse>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export class FakeHttp implements HttpPort {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly routes: Record<string, Route>) {}
  async send(req: HttpRequest): Promise<HttpResponse> {
    if (req.signal?.aborted) throw req.signal.reason ?? new Error('aborted');
    this.requests.push(req);
    const u = new URL(req.url);
    const key = `${req.method} ${u.origin}${u.pathname}`;
    const route = this.routes[key];
    if (!route) return json(404, { error: 'not_found', key });
    return route(req, new URLSearchParams(req.body ?? ''));
  }
  to(pathSuffix: string): HttpRequest[] {
    return this.requests.filter((r) => new URL(r.url).pathname.endsWith(pathSuffix));
  }
}

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public t = 1_700_000_000_000) {}
  now(): number { return this.t; }
  /** Moves time on by hand (what a test does between two requests). */
  advance(ms: number): void { this.t += ms; }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    this.sleeps.push(ms);
    this.t += ms;
  }
}

export class FakePrompt implements PromptPort {
  readonly shown: { message: string; detail?: { url?: string; code?: string } }[] = [];
  readonly opened: string[] = [];
  constructor(private readonly onOpen?: (url: string) => void | Promise<void>, private readonly canOpen = true) {}
  async show(message: string, detail?: { url?: string; code?: string }): Promise<void> { this.shown.push({ message, detail }); }
  async openExternal(url: string): Promise<boolean> {
    this.opened.push(url);
    if (this.onOpen) void Promise.resolve(this.onOpen(url));
    return this.canOpen;
  }
}

export class MemorySecrets implements SecretsPort {
  readonly map = new Map<string, string>();
  async get(k: string) { return this.map.get(k); }
  async set(k: string, v: string) { this.map.set(k, v); }
  async delete(k: string) { this.map.delete(k); }
}

export class RecordingLog implements LogPort {
  readonly lines: string[] = [];
  debug(m: string) { this.lines.push(`debug ${m}`); }
  info(m: string) { this.lines.push(`info ${m}`); }
  warn(m: string) { this.lines.push(`warn ${m}`); }
  error(m: string) { this.lines.push(`error ${m}`); }
}
