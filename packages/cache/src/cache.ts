/** Thrown when the cache engine cannot be reached; callers decide whether to fail open or closed. */
export class CacheUnavailableError extends Error {
  constructor(cause: unknown) {
    super("cache unavailable", { cause });
    this.name = "CacheUnavailableError";
  }
}

export interface WindowCount {
  /** Hits in the current window, including this one. */
  count: number;
  /** Milliseconds until the window resets. */
  resetInMs: number;
}

/**
 * The one cache and rate-limit store of the app. Values are JSON. Every method may throw
 * CacheUnavailableError; use `cached()` to fall back to the source of truth.
 */
export interface Cache {
  readonly engine: "memory" | "redis";
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Count a hit in a fixed window that starts with the first hit; atomic, so it can gate work. */
  hit(key: string, windowSeconds: number): Promise<WindowCount>;
  /** Take one hit back (work it gated turned out not to count), never below zero. */
  release(key: string): Promise<void>;
  /** The current window's count without adding a hit. */
  peek(key: string): Promise<WindowCount>;
  ping(): Promise<void>;
}

/**
 * Read-through caching that keeps serving when the cache is down: a failed cache read or
 * write is treated as a miss and the loader's answer is returned.
 */
export async function cached<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
): Promise<T> {
  try {
    const hit = await cache.get<{ v: T }>(key);
    if (hit) return hit.v;
  } catch (error) {
    if (!(error instanceof CacheUnavailableError)) throw error;
    // No write either: against a hung cache it would cost the request a second timeout.
    return load();
  }
  const value = await load();
  // Wrapped so that a cached null is told apart from a miss.
  await cache.set(key, { v: value }, ttlSeconds).catch(() => undefined);
  return value;
}
