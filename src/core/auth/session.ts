// A signed-in session and where it is kept. Sessions live only in the
// SecretsPort (VS Code SecretStorage, or the CLI's 0600 file), one per
// environment; nothing here logs or prints a token.
import type { SecretsPort } from '../ports';
import { parseEnvironment, type Environment } from '../env/environment';

export type GrantKind = 'device' | 'pkce' | 'client-credentials' | 'token';

export interface Session {
  id: string;
  environment: Environment;
  accessToken: string;
  refreshToken?: string;
  /** ms since epoch; absent when the server did not say (expires_in missing). */
  expiresAt?: number;
  grant: GrantKind;
  clientId?: string;
  /** Filled in after sign-in from /api/v2/users/me or the token's client. */
  account?: { id?: string; name?: string };
  /** Scopes the token endpoint reported (`scope`); the authoritative list is /api/v2/tokens/me. */
  scopes?: string[];
  createdAt?: number;
}

/** Session with the secrets replaced, for logs, trees and JSON output. */
export type RedactedSession = Omit<Session, 'accessToken' | 'refreshToken' | 'environment'> & {
  environment: string;
  accessToken: string;
  refreshToken?: string;
};

export function redactSession(s: Session): RedactedSession {
  return {
    ...s,
    environment: s.environment.name,
    accessToken: redactToken(s.accessToken),
    refreshToken: s.refreshToken === undefined ? undefined : redactToken(s.refreshToken),
  };
}

/** Never more than the length and last 4 characters (enough to tell two tokens apart). */
export function redactToken(token: string): string {
  return token.length <= 12 ? '••••' : `••••${token.slice(-4)} (${token.length} chars)`;
}

/** True when the token is past (or within `skewMs` of) its expiry. Unknown expiry counts as valid. */
export function isExpired(s: Session, now: number, skewMs = 30_000): boolean {
  return s.expiresAt !== undefined && now >= s.expiresAt - skewMs;
}

export function newSessionId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const PREFIX = 'genesys-call-doctor.session:';
const INDEX = 'genesys-call-doctor.sessions';

interface Stored extends Omit<Session, 'environment'> { environment: string }

/** Sessions per environment name, over any SecretsPort. */
export class SessionStore {
  constructor(private readonly secrets: SecretsPort) {}

  async get(env: Environment | string): Promise<Session | undefined> {
    const name = typeof env === 'string' ? env : env.name;
    const raw = await this.secrets.get(PREFIX + name);
    if (!raw) return undefined;
    try {
      const stored = JSON.parse(raw) as Stored;
      if (typeof stored.accessToken !== 'string') return undefined;
      return { ...stored, environment: parseEnvironment(stored.environment) };
    } catch {
      return undefined; // unreadable entries behave as "not signed in"
    }
  }

  async save(session: Session): Promise<void> {
    const stored: Stored = { ...session, environment: session.environment.name };
    await this.secrets.set(PREFIX + session.environment.name, JSON.stringify(stored));
    const names = await this.environments();
    if (!names.includes(session.environment.name)) {
      await this.secrets.set(INDEX, JSON.stringify([...names, session.environment.name]));
    }
  }

  /** Returns true when a session was removed. */
  async delete(env: Environment | string): Promise<boolean> {
    const name = typeof env === 'string' ? env : env.name;
    const had = (await this.secrets.get(PREFIX + name)) !== undefined;
    await this.secrets.delete(PREFIX + name);
    const names = await this.environments();
    if (names.includes(name)) await this.secrets.set(INDEX, JSON.stringify(names.filter((n) => n !== name)));
    return had;
  }

  /** Environment names that have a stored session. */
  async environments(): Promise<string[]> {
    const raw = await this.secrets.get(INDEX);
    if (!raw) return [];
    try {
      const list = JSON.parse(raw);
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  async list(): Promise<Session[]> {
    const out: Session[] = [];
    for (const name of await this.environments()) {
      const s = await this.get(name);
      if (s) out.push(s);
    }
    return out;
  }
}
