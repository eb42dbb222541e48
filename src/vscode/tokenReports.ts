// The core's token report (inspectToken: who, org, client, scopes, roles,
// permissions, divisions, station) per signed-in session, asked once and
// kept until the sessions change or the user refreshes. Shared by the
// Session & Token tree and the request hovers.
import * as vscode from 'vscode';
import type { Session } from '../core/auth';
import { systemClock, type LogPort } from '../core/ports';
import { inspectToken, type TokenReport } from '../core/token';
import type { GenesysAuthProvider } from './auth/provider';
import { Disposer } from './disposer';
import { fetchHttp } from './ports';

export class TokenReports extends Disposer {
  private readonly reports = new Map<string, Promise<TokenReport>>();
  private readonly done = new Map<string, TokenReport>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when cached reports were dropped (sessions changed, refresh). */
  readonly onDidChange = this.changed.event;

  constructor(auth: GenesysAuthProvider, private readonly log: LogPort) {
    super();
    this.subscriptions.push(this.changed, auth.onDidChangeSessions(() => this.clear()));
  }

  /** The session's report, read once (GET tokens/me, users/me, subjects/me) and then cached. */
  get(session: Session): Promise<TokenReport> {
    let report = this.reports.get(session.id);
    if (!report) {
      report = inspectToken(session, { http: fetchHttp, clock: systemClock, log: this.log }).then((r) => {
        if (this.reports.get(session.id) === report) this.done.set(session.id, r);
        return r;
      });
      this.reports.set(session.id, report);
      // A failed inspection is not cached: the next ask tries again.
      report.catch(() => { if (this.reports.get(session.id) === report) this.reports.delete(session.id); });
    }
    return report;
  }

  /** The report when already read (no network). */
  peek(sessionId: string): TokenReport | undefined {
    return this.done.get(sessionId);
  }

  clear(): void {
    this.reports.clear();
    this.done.clear();
    this.changed.fire();
  }
}
