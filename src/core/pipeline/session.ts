// The one rule for choosing the session a request is checked with, shared by
// every front end (CLI check, Run, CodeLens, Re-run, live-on-save, Explain):
// a request is checked only with a session whose environment serves the
// request's API host. Another org's token would give another org's verdict,
// so a mismatch gives no verdict, only actions, unless the user explicitly
// chose a session (and then every view says so).
import type { Session } from '../auth/session';

export type SessionBasis =
  /** The session's API host is the request's host. */
  | 'host'
  /** The request names no host (a payload file, a relative path): the only signed-in session. */
  | 'hostless-only-session'
  /** The request names no host: the session of the configured environment. */
  | 'hostless-configured'
  /** The user chose this session although it does not serve the request's host. */
  | 'explicit';

export interface SessionSummary { id: string; environment: string; account?: string }

export interface SessionChoice {
  session: Session;
  basis: SessionBasis;
  /** The API origin the request targets, when it names one. */
  targetHost?: string;
}

export type SessionAction =
  /** environment absent: sign in to any environment (nothing names one). */
  | { kind: 'sign-in'; environment?: string }
  | { kind: 'pick-http-environment'; environments: string[] }
  | { kind: 'run-anyway'; sessionId: string; environment: string };

export interface NoSession {
  targetHost?: string;
  /** One or two sentences for the user: what the request targets, which sessions exist. */
  reason: string;
  sessions: SessionSummary[];
  actions: SessionAction[];
}

/** What the rule needs to know about the request. */
export interface SessionTarget {
  /** The URL with resolvable variables substituted ('' for payload files). */
  url: string;
  /** Names of unresolved variables in the scheme/host part of the URL ({{baseUrl}}). */
  unresolvedHostVariables: readonly string[];
  /** HTTP environments the document's env files offer (for the pick action). */
  httpEnvironments: readonly string[];
}

export interface ChooseOptions {
  /** The user explicitly chose this session for this run. */
  explicit?: Session;
  /** The configured/selected Genesys environment (setting, --env, GENESYS_CLOUD_ENVIRONMENT), by canonical name. */
  configuredEnvironment?: string;
}

/** The origin (scheme://host[:port], lower-cased) of an absolute http(s) URL; undefined otherwise. */
export function originOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try { return new URL(url).origin.toLowerCase(); } catch { return undefined; }
}

export function summarizeSession(s: Session): SessionSummary {
  return { id: s.id, environment: s.environment.name, ...(s.account?.name ? { account: s.account.name } : {}) };
}

/** The session whose API host serves `url`, if any. */
export function sessionServing(sessions: readonly Session[], url: string | undefined): Session | undefined {
  const origin = originOf(url);
  return origin ? sessions.find((s) => originOf(s.environment.apiBaseUrl) === origin) : undefined;
}

export function chooseSession(target: SessionTarget, sessions: readonly Session[], o: ChooseOptions = {}): SessionChoice | NoSession {
  const targetHost = originOf(target.url);
  if (o.explicit) {
    const serves = targetHost !== undefined && originOf(o.explicit.environment.apiBaseUrl) === targetHost;
    return { session: o.explicit, basis: serves ? 'host' : 'explicit', ...(targetHost ? { targetHost } : {}) };
  }
  const summaries = sessions.map(summarizeSession);
  const anyway = sessions.map((s): SessionAction => ({ kind: 'run-anyway', sessionId: s.id, environment: s.environment.name }));
  const signedIn = sessions.length ? `You are signed in to ${sessions.map((s) => s.environment.name).join(', ')}.` : 'You are not signed in.';

  if (targetHost) {
    const match = sessionServing(sessions, target.url);
    if (match) return { session: match, basis: 'host', targetHost };
    const environment = environmentOfHost(targetHost);
    if (!sessions.length) {
      return {
        targetHost, sessions: [], actions: [{ kind: 'sign-in', environment }],
        reason: `Not signed in to Genesys Cloud: sign in to ${environment} to run the live checks for this request (they only send GET requests).`,
      };
    }
    return {
      targetHost, sessions: summaries,
      reason: `This request targets ${targetHost}. ${signedIn} A session of another environment would check another org, so there is no verdict.`,
      actions: [{ kind: 'sign-in', environment }, ...anyway],
    };
  }
  if (target.unresolvedHostVariables.length) {
    const vars = target.unresolvedHostVariables.map((v) => `{{${v}}}`).join(', ');
    return {
      sessions: summaries,
      reason: `The request's host comes from ${vars}, which the selected HTTP environment does not define, so it is not known which org it targets. ${signedIn}`,
      actions: [
        ...(target.httpEnvironments.length ? [{ kind: 'pick-http-environment' as const, environments: [...target.httpEnvironments] }] : []),
        ...anyway,
      ],
    };
  }
  // No host at all (a payload file, a relative path): the configured environment's session, else the only one.
  const configured = o.configuredEnvironment ? sessions.find((s) => s.environment.name === o.configuredEnvironment) : undefined;
  if (configured) return { session: configured, basis: 'hostless-configured' };
  if (sessions.length === 1) return { session: sessions[0], basis: 'hostless-only-session' };
  return {
    sessions: summaries,
    reason: sessions.length
      ? `The request names no host and several sessions are signed in (${sessions.map((s) => s.environment.name).join(', ')}); choose one.`
      : 'Not signed in to Genesys Cloud: sign in to run the live checks (they only send GET requests).',
    actions: sessions.length ? anyway : [{ kind: 'sign-in', ...(o.configuredEnvironment ? { environment: o.configuredEnvironment } : {}) }],
  };
}

export function isNoSession(x: SessionChoice | NoSession): x is NoSession {
  return !('session' in x);
}

/** The environment name to sign in to for an API origin: the region host for Genesys hosts, the base URL otherwise. */
export function environmentOfHost(origin: string): string {
  const m = /^https:\/\/api\.(.+)$/.exec(origin);
  return m ? m[1] : origin;
}

/** Words for a choice that is not by host, for panels and reports; undefined when the host matched. */
export function describeBasis(choice: Pick<SessionChoice, 'basis' | 'targetHost'> & { environment: string }): string | undefined {
  switch (choice.basis) {
    case 'host': return undefined;
    case 'explicit': return `Checked against ${choice.environment} at your request; the request targets ${choice.targetHost ?? 'an unknown host'}.`;
    case 'hostless-configured': return `The request names no host; checked against ${choice.environment}, the configured environment.`;
    case 'hostless-only-session': return `The request names no host; checked against ${choice.environment}, the only signed-in session.`;
  }
}
