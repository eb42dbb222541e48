// Per-session cache of lookups. A doctor run asks for the same things again
// and again (the user, their grants, the Swagger document); within a session
// and a short time-to-live we answer from memory. Concurrent identical
// lookups share one request. Only definite answers (2xx, 404) are kept:
// a 429/5xx/timeout is worth asking again next time.
import type { Clock } from '../ports';

interface Entry<T> { value: Promise<T>; at: number }

export class LookupCache<T = unknown> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly clock: Clock, private readonly ttlMs = 60_000, private readonly maxEntries = 200) {}

  /** Returns the cached value for `key`, or runs `load` (once, even if asked concurrently). */
  get(key: string, load: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { value, at: now });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    value.then((v) => { if (!keep(v)) this.drop(key, value); }, () => this.drop(key, value));
    return value;
  }

  has(key: string): boolean {
    const hit = this.entries.get(key);
    return !!hit && this.clock.now() - hit.at < this.ttlMs;
  }

  clear(): void { this.entries.clear(); }

  get size(): number { return this.entries.size; }

  private drop(key: string, value: Promise<T>): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}

/** Caches per session id (a new sign-in never sees the old session's answers). */
export class SessionCaches<T = unknown> {
  private readonly bySession = new Map<string, LookupCache<T>>();
  constructor(private readonly clock: Clock, private readonly ttlMs = 60_000) {}

  for(sessionId: string): LookupCache<T> {
    let cache = this.bySession.get(sessionId);
    if (!cache) { cache = new LookupCache<T>(this.clock, this.ttlMs); this.bySession.set(sessionId, cache); }
    return cache;
  }

  forget(sessionId: string): void { this.bySession.delete(sessionId); }
}
