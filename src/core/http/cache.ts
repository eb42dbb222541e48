// Per-session cache of lookups. A doctor run asks for the same things again
// and again (the user, their grants, the Swagger document); within a session
// and a short time-to-live we answer from memory. Concurrent identical
// lookups share one request. Only definite answers (2xx, 404) are kept:
// a 429/5xx/timeout is worth asking again next time. An answer from memory
// says so and how old it is, so nobody mistakes it for a live one.
import type { Clock } from '../ports';

interface Entry<T> { value: Promise<T>; at: number; answeredAt?: number }

/** A value and, when it came from memory (answered before it was asked for), when it was answered. */
export interface CacheRead<T> { value: T; cachedAt?: number }

export class LookupCache<T = unknown> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly clock: Clock, private readonly ttlMs = 60_000, private readonly maxEntries = 200) {}

  /** Returns the cached value for `key`, or runs `load` (once, even if asked concurrently). */
  async get(key: string, load: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    return (await this.read(key, load, keep)).value;
  }

  /**
   * Like get, and says whether the value came from memory. `fresh`: never answer
   * from memory (an explicit run), but keep the new answer for the next reader.
   * A load still in flight is shared even then: its answer is live.
   */
  async read(key: string, load: () => Promise<T>, keep: (value: T) => boolean, fresh = false): Promise<CacheRead<T>> {
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs && (!fresh || hit.answeredAt === undefined)) {
      const answeredAt = hit.answeredAt; // undefined: still in flight, so the shared answer is live
      const value = await hit.value;
      return answeredAt !== undefined ? { value, cachedAt: answeredAt } : { value };
    }
    const entry: Entry<T> = { value: load(), at: now };
    this.entries.delete(key); // re-inserted last: the oldest entry is evicted first
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    entry.value.then((v) => {
      if (keep(v)) entry.answeredAt = this.clock.now();
      else this.drop(key, entry);
    }, () => this.drop(key, entry));
    return { value: await entry.value };
  }

  has(key: string): boolean {
    const hit = this.entries.get(key);
    return !!hit && this.clock.now() - hit.at < this.ttlMs;
  }

  clear(): void { this.entries.clear(); }

  get size(): number { return this.entries.size; }

  private drop(key: string, entry: Entry<T>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
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

/** "cached, 2 min old": how every view labels an answer that came from memory. */
export function cachedLabel(ageMs: number): string {
  const s = Math.max(0, Math.round(ageMs / 1000));
  const age = s < 60 ? `${s} s` : s < 3600 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
  return `cached, ${age} old`;
}
