// The one message protocol between the Call Doctor panel (host, Node) and its
// webview (browser bundle). Both sides import this file, so changing a
// payload breaks the compile on both sides. Free of 'vscode' and of the DOM.
//
// Shape: the webview sends requests {type:'request', id, method, params} and
// notifications; the host answers each request once with {type:'response', id}
// and pushes notifications. The webview announces itself with the `ready`
// notification; the host holds its posts until then (PostQueue).

// ---- View model: what the webview may know. Built on the host, redacted, never a token.

export type ItemState = 'pending' | 'pass' | 'fail' | 'unknown' | 'skipped';
export type ChecklistId = 'user' | 'scope' | 'permission' | 'station' | 'edge' | 'route' | 'queue' | 'payload';
export const CHECKLIST_IDS: readonly ChecklistId[] = ['user', 'scope', 'permission', 'station', 'edge', 'route', 'queue', 'payload'];

export interface EvidenceView {
  request: string; status: number | 'error'; excerpt: string; durationMs?: number;
  /** The answer came from the session's cache, not from the API in this run: "cached, 2 min old". */
  cached?: { ageMs: number; label: string };
}

export interface FindingView {
  /** Stable within one run: how the webview names the finding back to the host. */
  key: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  explanation?: string;
  source: { ref: string; verified: boolean };
  evidence: EvidenceView[];
  /** Machine-applicable fixes, by index into the finding's fixes. */
  fixes: { index: number; title: string }[];
  /** docs/rules/<rule>.md ships with the extension. */
  hasDocs: boolean;
}

export interface ChecklistItemView {
  id: ChecklistId;
  title: string;
  state: ItemState;
  summary: string;
  durationMs?: number;
  findings: FindingView[];
}

export interface RequestView {
  /** File name and 0-based request index. */
  file: string;
  index: number;
  method: string;
  url: string;
  operationId?: string;
  operationPath?: string;
  environment?: string;
  account?: string;
  org?: string;
}

/** A button of the "no session serves this request" state; the webview names it back by index. */
export interface SessionActionView {
  index: number;
  kind: 'sign-in' | 'pick-http-environment' | 'run-anyway';
  label: string;
  title?: string;
}

export interface RunView {
  /** `${requestIndex}|${uri}`: identifies the request the run is about. */
  key: string;
  request: RequestView;
  verdict: 'pass' | 'fail' | 'unknown';
  /** Why the live checks did not run or finish. */
  error?: string;
  startedAt: number;
  durationMs: number;
  /** fromCache: "5 from cache (up to 2 min old)" when some answers were not asked in this run. */
  lookups?: { calls: number; criticalPath: number; fromCache?: string };
  items: ChecklistItemView[];
  /** The API host did not answer at all: the one result of the run (Retry; Start Sandbox Org when loopback). */
  unreachable?: { host: string; message: string; loopback: boolean };
  /** No session serves the request's host: no verdict, only these actions. */
  noSession?: { message: string; actions: SessionActionView[] };
  /** Which session ran the checks when that needs saying: explicit (at the user's request) or hostless. */
  sessionNote?: { kind: 'explicit' | 'hostless'; text: string };
  /** The sessions changed since the run (e.g. signed out): its live results no longer stand. */
  outdated?: string;
}

export interface ExplanationView {
  status?: number;
  code?: string;
  message?: string;
  known: boolean;
  cause: string;
  fix: string;
  permissions: string[];
  permissionsType?: 'ANY' | 'ALL';
  correlationId?: string;
  retryAfterSeconds?: number;
  rule?: string;
  folklore: string[];
  source: { ref: string; verified: boolean };
}

/** What the webview persists with setState and the serializer hands back after a reload. */
export interface PanelState {
  view?: RunView;
  explanation?: ExplanationView;
}

// ---- Messages, each declared once.

/** webview -> host, answered once. */
export interface Requests {
  rerun: { params: Record<string, never>; result: { verdict: RunView['verdict']; error?: string } };
  explain: { params: { text: string }; result: ExplanationView };
  applyFix: { params: { findingKey: string; fixIndex: number }; result: { applied: boolean; detail: string } };
  openDocs: { params: { rule: string }; result: { opened: boolean } };
  /** docs/facts.md (shipped) at one entry: a finding's or explanation's source. */
  openFacts: { params: { anchor: string }; result: { opened: boolean } };
  copyReport: { params: Record<string, never>; result: { chars: number } };
  /** One of the view's noSession actions, by index. */
  sessionAction: { params: { index: number }; result: { detail: string } };
  startSandbox: { params: Record<string, never>; result: { detail: string } };
}
/** webview -> host, no answer. `rendered` reports what the DOM now shows. */
export interface WebviewNotifications {
  ready: Record<string, never>;
  rendered: {
    key: string | null; items: { id: ChecklistId; state: ItemState }[];
    /** The one-result state on screen instead of live rows ("Could not reach …", no session), with its buttons. */
    outcome?: { kind: string; heading: string; buttons: string[] } | null;
  };
}
/** host -> webview. */
export interface HostNotifications {
  state: { view: RunView | null };
  running: { running: boolean };
  explanation: { explanation: ExplanationView };
}

export type RequestMethod = keyof Requests;
export type Params<M extends RequestMethod> = Requests[M]['params'];
export type Result<M extends RequestMethod> = Requests[M]['result'];

export type RequestMessage = { [M in RequestMethod]: { type: 'request'; id: number; method: M; params: Params<M> } }[RequestMethod];
export type WebviewNotification = { [N in keyof WebviewNotifications]: { type: 'notify'; method: N; params: WebviewNotifications[N] } }[keyof WebviewNotifications];
export type WebviewMessage = RequestMessage | WebviewNotification;

export type ResponseMessage =
  | { [M in RequestMethod]: { type: 'response'; id: number; method: M; ok: true; result: Result<M> } }[RequestMethod]
  | { type: 'response'; id: number; method: RequestMethod; ok: false; error: string };
export type HostNotification = { [N in keyof HostNotifications]: { type: 'notify'; method: N; params: HostNotifications[N] } }[keyof HostNotifications];
export type HostMessage = ResponseMessage | HostNotification;

// ---- Guards. The host treats whatever the webview posts as untrusted input.

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const isEmpty = (p: unknown) => isRec(p);

/** One validator per message: adding a message without one is a compile error. */
const REQUEST_PARAMS: { [M in RequestMethod]: (p: unknown) => boolean } = {
  rerun: isEmpty,
  explain: (p) => isRec(p) && typeof p.text === 'string' && p.text.length <= 200_000,
  applyFix: (p) => isRec(p) && typeof p.findingKey === 'string' && Number.isInteger(p.fixIndex) && (p.fixIndex as number) >= 0,
  openDocs: (p) => isRec(p) && typeof p.rule === 'string' && /^[a-z0-9.-]+$/i.test(p.rule),
  openFacts: (p) => isRec(p) && typeof p.anchor === 'string' && FACTS_ANCHOR.test(p.anchor),
  copyReport: isEmpty,
  sessionAction: (p) => isRec(p) && Number.isInteger(p.index) && (p.index as number) >= 0 && (p.index as number) < 100,
  startSandbox: isEmpty,
};
const WEBVIEW_NOTIFICATION_PARAMS: { [N in keyof WebviewNotifications]: (p: unknown) => boolean } = {
  ready: isEmpty,
  rendered: (p) => isRec(p) && (p.key === null || typeof p.key === 'string') && Array.isArray(p.items),
};
const HOST_NOTIFICATIONS: { [N in keyof HostNotifications]: true } = { state: true, running: true, explanation: true };

export function isWebviewMessage(x: unknown): x is WebviewMessage {
  if (!isRec(x) || typeof x.method !== 'string') return false;
  if (x.type === 'request') {
    const check = (REQUEST_PARAMS as Rec)[x.method] as ((p: unknown) => boolean) | undefined;
    return Number.isSafeInteger(x.id) && !!check && Object.hasOwn(REQUEST_PARAMS, x.method) && check(x.params);
  }
  if (x.type === 'notify') {
    const check = (WEBVIEW_NOTIFICATION_PARAMS as Rec)[x.method] as ((p: unknown) => boolean) | undefined;
    return !!check && Object.hasOwn(WEBVIEW_NOTIFICATION_PARAMS, x.method) && check(x.params);
  }
  return false;
}

export function isHostMessage(x: unknown): x is HostMessage {
  if (!isRec(x) || typeof x.method !== 'string') return false;
  if (x.type === 'response') return Number.isSafeInteger(x.id) && typeof x.ok === 'boolean';
  return x.type === 'notify' && Object.hasOwn(HOST_NOTIFICATIONS, x.method) && isRec(x.params);
}

/** A saved webview state is only trusted when it has the shape we wrote. */
export function isPanelState(x: unknown): x is PanelState {
  if (!isRec(x)) return false;
  const v = x.view;
  const viewOk = v === undefined || (isRec(v) && typeof v.key === 'string' && isRec(v.request) && Array.isArray(v.items));
  const e = x.explanation;
  return viewOk && (e === undefined || (isRec(e) && typeof e.cause === 'string' && typeof e.fix === 'string'));
}

// ---- Webview side: numbered requests, each a pending promise until its response.

export class RequestClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void; method: RequestMethod }>();

  constructor(private readonly post: (m: WebviewMessage) => void) {}

  request<M extends RequestMethod>(method: M, params: Params<M>): Promise<Result<M>> {
    const id = this.nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, method });
      this.post({ type: 'request', id, method, params } as RequestMessage);
    });
  }

  notify<N extends keyof WebviewNotifications>(method: N, params: WebviewNotifications[N]): void {
    this.post({ type: 'notify', method, params } as WebviewNotification);
  }

  /** Settles the request a response answers; false for notifications and unknown ids. */
  settle(m: HostMessage): boolean {
    if (m.type !== 'response') return false;
    const p = this.pending.get(m.id);
    if (!p || p.method !== m.method) return false;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(m.error));
    return true;
  }

  get inFlight(): number { return this.pending.size; }
}

// ---- Host side.

export type RequestHandlers = { [M in RequestMethod]: (params: Params<M>) => Promise<Result<M>> };

/** Runs the handler of a request and turns its outcome (or failure) into the one response. */
export async function answer(m: RequestMessage, handlers: RequestHandlers): Promise<ResponseMessage> {
  try {
    const handler = handlers[m.method] as (p: unknown) => Promise<unknown>;
    const result = await handler(m.params);
    return { type: 'response', id: m.id, method: m.method, ok: true, result } as ResponseMessage;
  } catch (err) {
    return { type: 'response', id: m.id, method: m.method, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Holds host messages until the webview said `ready` (a webview drops what arrives before its script runs). */
export class PostQueue {
  private queue: HostMessage[] | undefined = [];

  constructor(private readonly send: (m: HostMessage) => void) {}

  post(m: HostMessage): void {
    if (this.queue) this.queue.push(m);
    else this.send(m);
  }

  /** The webview's script runs: deliver what waited, in order, then post directly. */
  ready(): void {
    const waiting = this.queue ?? [];
    this.queue = undefined;
    for (const m of waiting) this.send(m);
  }

  /** New HTML was set: the old document is gone, queue until the new one says ready. */
  reset(): void { this.queue = []; }

  get isReady(): boolean { return this.queue === undefined; }
  get waiting(): number { return this.queue?.length ?? 0; }
}

// ---- Source refs into the shipped facts reference: `docs/facts.md#<anchor>`,
// optionally followed by a space and a place inside that entry's artefact. The
// hover and the webview link the anchor to the "Open Facts Reference" command.

export const OPEN_FACTS_COMMAND = 'genesysCloud.openFactsReference';

/** Entry ids of docs/facts.md are kebab-case; anything else is not opened. */
export const FACTS_ANCHOR = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface FactsRef { anchor: string; detail?: string }

/** The entry a ref names, or undefined for refs that are not into docs/facts.md. */
export function parseFactsRef(ref: string): FactsRef | undefined {
  const m = /^docs\/facts\.md#([a-z0-9-]+)(?: (\S.*))?$/.exec(ref);
  if (!m || !FACTS_ANCHOR.test(m[1])) return undefined;
  return m[2] ? { anchor: m[1], detail: m[2] } : { anchor: m[1] };
}
