// The core's token report per signed-in session: its Grants (readGrants: who,
// org, client, scopes, roles, permissions per division, station) plus format
// and expiry, read once and kept until the sessions change or the user
// refreshes. Also the scopes an operation needs when the catalog does not name
// them, from the session's live Swagger document, resolved as the Call Doctor
// does. Shared by the Session & Token tree and the request hovers.
import * as vscode from 'vscode';
import { apiGet, type Session } from '../../core/auth';
import type { Operation } from '../../core/catalog';
import { systemClock, type LogPort } from '../../core';
import { inspectToken, resolveRequiredScopes, swaggerScopeIndex, type LiveSwagger, type RequiredScopes, type TokenReport } from '../../core/token';
import type { GenesysAuthProvider } from '../auth/provider';
import { Disposer } from '../disposer';
import { fetchHttp } from '../ports';

export class TokenReports extends Disposer {
  private readonly reports = new Map<string, Promise<TokenReport>>();
  private readonly done = new Map<string, TokenReport>();
  private readonly swagger = new Map<string, Promise<LiveSwagger>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when cached reports were dropped (sessions changed, refresh). */
  readonly onDidChange = this.changed.event;

  constructor(auth: GenesysAuthProvider, private readonly log: LogPort) {
    super();
    this.subscriptions.push(this.changed, auth.onDidChangeSessions(() => this.clear()));
  }

  /** The session's report, read once (GET tokens/me, users/me, subjects/me) and then cached. */
  get(session: Session): Promise<TokenReport> {
    return this.once(this.reports, session.id, () => inspectToken(session, { http: fetchHttp, clock: systemClock, log: this.log }), (r) => this.done.set(session.id, r));
  }

  /** The report when already read (no network). */
  peek(sessionId: string): TokenReport | undefined {
    return this.done.get(sessionId);
  }

  /** The OAuth scopes `op` needs: the catalog's, else the session's live Swagger document's (read once per session). */
  requiredScopes(session: Session, op: Operation): Promise<RequiredScopes> {
    const live = () => this.once(this.swagger, session.id, () => this.readSwagger(session))
      .catch((err: unknown): LiveSwagger => ({ ok: false, failure: err instanceof Error ? err.message : String(err) }));
    return resolveRequiredScopes(op, { live });
  }

  clear(): void {
    this.reports.clear();
    this.done.clear();
    this.swagger.clear();
    this.changed.fire();
  }

  /** GET /api/v2/docs/swagger, kept only as its scope index (the document is large). */
  private async readSwagger(session: Session): Promise<LiveSwagger> {
    const res = await apiGet(session, fetchHttp, '/api/v2/docs/swagger');
    if (res.status !== 200) throw new Error(`GET /api/v2/docs/swagger → ${res.status}`);
    const index = swaggerScopeIndex(JSON.parse(res.body));
    return { ok: true, scopes: (method, path) => index.get(`${method.toUpperCase()} ${path}`) ?? null };
  }

  /** `read` once per session id; a failure is not cached (the next ask tries again). */
  private once<T>(cache: Map<string, Promise<T>>, id: string, read: () => Promise<T>, onDone?: (v: T) => void): Promise<T> {
    let p = cache.get(id);
    if (!p) {
      const started = read().then((v) => { if (cache.get(id) === started) onDone?.(v); return v; });
      p = started;
      cache.set(id, p);
      started.catch(() => { if (cache.get(id) === started) cache.delete(id); });
    }
    return p;
  }
}
