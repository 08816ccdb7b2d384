import type { Cache } from "@cadence/cache";

import { log } from "./log";

export { cached } from "@cadence/cache";

/** Every kind of cached read, so that two never share a key. Add yours here. */
export type CacheNamespace = "session" | "password-change" | "album" | "artist" | "playlist" | "import";

// Bump when the shape of a cached value changes: new code then never reads an old shape.
const KEY_VERSION = 2;

/** The key of one cached read: `cacheKey("album", albumId)`, `cacheKey("playlist", id, "first")`. */
export function cacheKey(namespace: CacheNamespace, ...parts: (string | number)[]): string {
  return [namespace, `v${KEY_VERSION}`, ...parts].join(":");
}

/**
 * Drops cached reads after a write, so the next read (the writer's own included) loads the new
 * rows. Call it after the write commits: a read in between could cache the old rows again, and
 * one already loading when this runs is kept from storing them. Never throws: the write stands
 * whatever the cache does, and with the cache unreachable the entries expire with their TTL.
 */
export async function invalidate(cache: Cache, ...keys: string[]): Promise<void> {
  try {
    await cache.invalidate(...keys);
  } catch (err) {
    log.warn({ err, keys }, "cache invalidation failed; the entries expire with their TTL");
  }
}
