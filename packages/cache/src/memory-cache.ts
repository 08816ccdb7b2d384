import type { Cache, WindowCount } from "./cache";

interface Entry {
  value: string;
  expiresAt: number;
}

/** The embedded default: an in-process store with the same semantics as the Redis one. */
export class MemoryCache implements Cache {
  readonly engine = "memory" as const;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  get<T>(key: string): Promise<T | null> {
    const entry = this.live(key);
    return Promise.resolve(entry ? (JSON.parse(entry.value) as T) : null);
  }

  set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.sweep();
    this.entries.set(key, {
      value: JSON.stringify(value),
      expiresAt: this.now() + ttlSeconds * 1000,
    });
    return Promise.resolve();
  }

  del(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }

  hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const entry = this.live(key);
    const count = entry ? Number(entry.value) + 1 : 1;
    const expiresAt = entry ? entry.expiresAt : this.now() + windowSeconds * 1000;
    this.entries.set(key, { value: String(count), expiresAt });
    return Promise.resolve({ count, resetInMs: expiresAt - this.now() });
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

  // Bounded memory: expired entries are dropped as new ones arrive.
  private sweep(): void {
    if (this.entries.size < 10_000) return;
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
