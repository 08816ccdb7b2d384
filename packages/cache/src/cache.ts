import { randomBytes } from "node:crypto";

const UNAVAILABLE = Symbol.for("cadence.cache-unavailable");

/** Thrown when the cache engine cannot be reached; callers decide whether to fail open or closed. */
export class CacheUnavailableError extends Error {
  readonly [UNAVAILABLE] = true;

  constructor(cause: unknown) {
    super("cache unavailable", { cause });
    this.name = "CacheUnavailableError";
  }

  /**
   * `instanceof` by brand, not by class: the app server runs two copies of this module (its own
   * and the one Next.js bundles) over one cache, and either may meet the other's errors.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && UNAVAILABLE in value;
  }
}

export interface WindowCount {
  /** Hits in the current window, including this one. */
  count: number;
  /** Milliseconds until the window resets. */
  resetInMs: number;
}

export interface HitCounter {
  key: string;
  /** Hits allowed in the window. */
  limit: number;
}

export interface HitUntil {
  /** The index of the counter past its limit, or -1 when none is. */
  over: number;
  resetInMs: number;
}

/** A read-through lookup: the value, or a miss with the key's invalidation mark (if any). */
export type Lookup<T> = { hit: true; value: T } | { hit: false; mark: string | null };

/**
 * The one cache and rate-limit store of the app. Values are JSON. Every method may throw
 * CacheUnavailableError; use `cached()` to fall back to the source of truth.
 */
export interface Cache {
  readonly engine: "memory" | "redis";
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Like `get`, but a miss carries what `fill` must still find there to store a value. */
  lookup<T>(key: string): Promise<Lookup<T>>;
  /** Stores a value after a missed lookup, unless the key was invalidated or filled since. */
  fill(key: string, value: unknown, ttlSeconds: number, mark: string | null): Promise<boolean>;
  /**
   * Drops the keys' values and leaves a fresh mark in their place (for an hour), so that a
   * load that began before this call, and may have read the old rows, cannot store its result.
   */
  invalidate(...keys: string[]): Promise<void>;
  /** Count a hit in a fixed window that starts with the first hit; atomic, so it can gate work. */
  hit(key: string, windowSeconds: number): Promise<WindowCount>;
  /**
   * `hit` for each counter in turn, in one round trip, stopping at the first past its limit
   * (the ones after it are not counted): that counter's index and window, or index -1.
   */
  hitUntil(counters: readonly HitCounter[], windowSeconds: number): Promise<HitUntil>;
  /** Take one hit back (work it gated turned out not to count), never below zero. */
  release(key: string): Promise<void>;
  /** The current window's count without adding a hit. */
  peek(key: string): Promise<WindowCount>;
  ping(): Promise<void>;
}

// Stored values are JSON text, which never starts with "~": a mark cannot pass for a value.
const MARK_PREFIX = "~invalidated:";
export const MARK_TTL_MS = 3_600_000;

export function newMark(): string {
  return MARK_PREFIX + randomBytes(12).toString("base64url");
}

/** A lookup's value, or null on a miss (what `get` answers). */
export function valueOf<T>(found: Lookup<T>): T | null {
  return found.hit ? found.value : null;
}

/** What an engine stored under a key, read back: a mark is a miss. */
export function lookupOf<T>(raw: string | null): Lookup<T> {
  if (raw === null) return { hit: false, mark: null };
  if (raw.startsWith(MARK_PREFIX)) return { hit: false, mark: raw };
  return { hit: true, value: JSON.parse(raw) as T };
}

/**
 * Read-through caching that keeps serving when the cache is down: a failed cache read or
 * write is treated as a miss and the loader's answer is returned. A write that changes what
 * `load` reads must `invalidate` the key after it commits; a load that raced with it is
 * returned but not stored.
 */
export async function cached<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
): Promise<T> {
  let mark: string | null;
  try {
    // Wrapped so that a cached null is told apart from a miss.
    const found = await cache.lookup<{ v: T }>(key);
    if (found.hit) return found.value.v;
    mark = found.mark;
  } catch (error) {
    if (!(error instanceof CacheUnavailableError)) throw error;
    // No write either: against a hung cache it would cost the request a second timeout.
    return load();
  }
  const value = await load();
  await cache.fill(key, { v: value }, ttlSeconds, mark).catch(() => undefined);
  return value;
}
