import { lookupOf, MARK_TTL_MS, newMark, valueOf } from "./cache";
import type { Cache, HitCounter, HitUntil, Lookup, WindowCount } from "./cache";

const SWEEP_FROM = 10_000;
const MAX_ENTRIES = 100_000;

interface Entry {
  value: string;
  expiresAt: number;
}

/** The embedded default: an in-process store with the same semantics as the Redis one. */
export class MemoryCache implements Cache {
  readonly engine = "memory" as const;
  private readonly entries = new Map<string, Entry>();
  private sweptAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async get<T>(key: string): Promise<T | null> {
    return valueOf(await this.lookup<T>(key));
  }

  set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.store(key, JSON.stringify(value), ttlSeconds * 1000);
    return Promise.resolve();
  }

  del(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }

  lookup<T>(key: string): Promise<Lookup<T>> {
    return Promise.resolve(lookupOf<T>(this.live(key)?.value ?? null));
  }

  fill(key: string, value: unknown, ttlSeconds: number, mark: string | null): Promise<boolean> {
    if ((this.live(key)?.value ?? null) !== mark) return Promise.resolve(false);
    this.store(key, JSON.stringify(value), ttlSeconds * 1000);
    return Promise.resolve(true);
  }

  invalidate(...keys: string[]): Promise<void> {
    const mark = newMark();
    for (const key of keys) this.store(key, mark, MARK_TTL_MS);
    return Promise.resolve();
  }

  private store(key: string, value: string, ttlMs: number): void {
    this.sweep();
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const entry = this.live(key);
    const count = entry ? Number(entry.value) + 1 : 1;
    const expiresAt = entry ? entry.expiresAt : this.now() + windowSeconds * 1000;
    if (!entry) this.sweep();
    this.entries.set(key, { value: String(count), expiresAt });
    return Promise.resolve({ count, resetInMs: expiresAt - this.now() });
  }

  async hitUntil(counters: readonly HitCounter[], windowSeconds: number): Promise<HitUntil> {
    for (const [index, counter] of counters.entries()) {
      const { count, resetInMs } = await this.hit(counter.key, windowSeconds);
      if (count > counter.limit) return { over: index, resetInMs };
    }
    return { over: -1, resetInMs: 0 };
  }

  release(key: string): Promise<void> {
    const entry = this.live(key);
    if (entry && Number(entry.value) > 0) entry.value = String(Number(entry.value) - 1);
    return Promise.resolve();
  }

  peek(key: string): Promise<WindowCount> {
    const entry = this.live(key);
    return Promise.resolve(
      entry
        ? { count: Number(entry.value), resetInMs: entry.expiresAt - this.now() }
        : { count: 0, resetInMs: 0 },
    );
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  // Bounded memory: expired entries are dropped as new ones arrive (a pass at most once a
  // second, so a large cache does not pay for a full pass on every write), and past the cap
  // the oldest go first.
  private sweep(): void {
    if (this.entries.size < SWEEP_FROM) return;
    const now = this.now();
    if (now - this.sweptAt < 1000 && this.entries.size < MAX_ENTRIES) return;
    this.sweptAt = now;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    for (const key of this.entries.keys()) {
      if (this.entries.size < MAX_ENTRIES) break;
      this.entries.delete(key);
    }
  }
}
