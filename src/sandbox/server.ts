// startSandbox(): the local Genesys-Cloud-shaped org. One base URL serves the
// login host paths (/oauth/*, /.well-known/*) and the API paths (/api/v2/*).
// Binds loopback only; close() ends every connection; timers are unref'd.
import { ensureNodeData } from '../node/data';
import * as http from 'http';
import type { Socket } from 'net';
import { silentLog, systemClock, type Clock, type LogPort } from '../core';
import { errorBody, tooManyRequests } from './errors';
import { RATE_LIMIT_KEYS, RATE_LIMIT_NAMESPACE } from './assumptions';
import { faultStatus, parseFaults, pickFault, type FaultSpec } from './faults';
import { loadFixture } from './fixture';
import type { OrgFixture } from './fixtureTypes';
import { sendError, readBody, type Ctx } from './http';
import { createJwtSigner } from './login/jwt';
import { decideDevice } from './login/device';
import { RequestLog, redactPath } from './requestLog';
import { dispatch } from './router';
import { SandboxState } from './state';

export interface SandboxOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  host?: '127.0.0.1' | 'localhost' | '::1';
  /** A fixture object or a path to a fixture file; default data/sandbox/default-org.json. */
  fixture?: OrgFixture | string;
  /** Delay added to every request. */
  latencyMs?: number;
  faults?: FaultSpec;
  /** Issue signed JWT access tokens and serve /.well-known/jwks.json. */
  jwt?: boolean;
  /** Overrides the fixture's org.rateLimit. */
  rateLimit?: { requests: number; windowSeconds: number };
  log?: LogPort;
  /** For tests: time source for code/token expiry and device polling. */
  clock?: Clock;
  /** For tests: the random source of probabilistic faults. */
  random?: () => number;
  /** RFC 8628 polling interval in seconds (default 5). */
  deviceInterval?: number;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:PORT — serves both login and API paths. */
  readonly url: string;
  readonly fixture: OrgFixture;
  readonly requestLog: RequestLog;
  /** Approve a pending device request, exactly as the verification page form does. */
  approveDevice(userCode: string, userId: string): void;
  denyDevice(userCode: string): void;
  /** User codes of device requests still waiting for approval (what the user's device shows), oldest first. */
  pendingDeviceCodes(): string[];
  setFaults(spec: FaultSpec | undefined): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  ensureNodeData(); // the catalog behind the sandbox's Swagger document (its own bundle in the extension)
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`the sandbox binds loopback only (got host '${host}')`);
  const fixture = loadFixture(options.fixture);
  const log = options.log ?? silentLog;
  const requestLog = new RequestLog();
  const state = new SandboxState(fixture, options.clock ?? systemClock, requestLog, options.random ?? Math.random);
  state.faults = parseFaults(options.faults);
  state.rateLimit = options.rateLimit ?? fixture.org.rateLimit;
  if (options.deviceInterval !== undefined) state.deviceInterval = options.deviceInterval;
  if (options.jwt) state.jwt = await createJwtSigner(() => state.baseUrl);
  let latencyMs = options.latencyMs ?? 0;

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    // handle() answers its own errors; this only keeps one request from ending the process if that fails too.
    handle(state, req, res, latencyMs, log).catch((err: unknown) => {
      log.error(`sandbox: ${req.method} ${redactPath(req.url ?? '/')} failed: ${err instanceof Error ? err.message : String(err)}`);
      res.destroy();
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : options.port ?? 0;
  state.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info(`sandbox org '${fixture.org.name}' listening on ${state.baseUrl}`);

  let closed: Promise<void> | undefined;
  return {
    url: state.baseUrl, fixture, requestLog,
    approveDevice(userCode, userId) {
      const r = decideDevice(state, userCode, userId, true);
      if (!r.ok) throw new Error(r.reason);
    },
    denyDevice(userCode) {
      const r = decideDevice(state, userCode, fixture.users[0]?.id ?? '', false);
      if (!r.ok) throw new Error(r.reason);
    },
    pendingDeviceCodes() {
      const now = state.now();
      return [...state.devices.values()].filter((d) => d.status === 'pending' && d.expiresAt > now).map((d) => d.userCode);
    },
    setFaults(spec) { state.faults = parseFaults(spec); },
    setLatency(ms) { latencyMs = ms; },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closed;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => { setTimeout(resolve, ms).unref(); });
}

async function handle(state: SandboxState, req: http.IncomingMessage, res: http.ServerResponse, latencyMs: number, log: LogPort): Promise<void> {
  const started = Date.now();
  const target = parseTarget(req.url ?? '/');
  const ctx: Ctx = {
    req, res, state, method: (req.method ?? 'GET').toUpperCase(), path: target?.pathname ?? req.url ?? '/',
    query: target?.searchParams ?? new URLSearchParams(), params: {}, body: '', outcome: {},
  };
  const entry = (status: number | 'reset' | 'timeout', fault?: string) => state.log.add({
    time: new Date(state.now()).toISOString(), method: ctx.method, path: redactPath(req.url ?? '/'), status,
    durationMs: Date.now() - started, subject: ctx.token ? (ctx.token.userId ? `user:${ctx.token.userId}` : `client:${ctx.token.clientId}`) : undefined,
    code: ctx.outcome.code, fault,
  });
  try {
    ctx.body = await readBody(req);
    // A target that is not a URL or holds an escape that is not UTF-8 is the client's error, as on any server.
    if (!target || !decodable(target.pathname)) {
      sendError(ctx, errorBody('bad.request'));
      return entry(400);
    }
    if (latencyMs > 0) await sleep(latencyMs);
    const fault = pickFault(state.faults, ctx.path, state.random);
    if (fault) {
      if (fault.kind === 'reset') { req.socket.destroy(); return entry('reset', fault.source); }
      if (fault.kind === 'timeout') { entry('timeout', fault.source); return; } // never answer; close() ends the socket
      if (fault.kind === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"entities": [ {"id": "trunc');
        return entry(200, fault.source);
      }
      const st = faultStatus(fault.kind)!;
      if (st.status === 502) {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return entry(502, fault.source);
      }
      const limit = state.rateLimit ?? { requests: 300, windowSeconds: 60 };
      sendError(ctx, st.status === 429 ? tooManyRequests(limit.requests, limit.windowSeconds, RATE_LIMIT_KEYS.user, RATE_LIMIT_NAMESPACE) : errorBody(st.code),
        st.status === 429 ? { 'retry-after': '1' } : {});
      return entry(st.status, fault.source);
    }
    await dispatch(ctx);
  } catch (err) {
    log.error(`sandbox: ${ctx.method} ${ctx.path} failed: ${err instanceof Error ? err.message : String(err)}`);
    if (!res.headersSent) sendError(ctx, errorBody('internal.server.error'));
    else res.destroy();
  }
  entry(ctx.outcome.status ?? res.statusCode);
}

/** The request target as a URL; origin-form (`/path?query`) is read as a path even when it starts with `//`. */
function parseTarget(target: string): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://sandbox${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

/** The router decodes path parameters with decodeURIComponent, which throws on a malformed escape. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
