import { randomBytes } from "node:crypto";

import type { Cache } from "@cadence/cache";

/**
 * The catalog's cache keys and how long each lives. Entries hold only what every listener
 * sees alike (rights, signed URLs and the viewer's own saves and follows are applied after
 * the cache); whatever writes the rows behind an entry forgets it.
 */
export const catalogKeys = {
  album: (albumId: string) => `catalog:album:${albumId}`,
  artist: (artistId: string) => `catalog:artist:${artistId}`,
  /** Apart from the artist: a follow changes only the count. */
  artistFollowers: (artistId: string) => `catalog:artist-followers:${artistId}`,
  /** First pages of the browse lists; later pages are read from the database. */
  firstPage: (list: string, limit: number) => `catalog:first-page:${list}:${limit}`,
  /**
   * Changed by every catalog write that forgets entries: entries about tracks that no album
   * or artist key names (a playlist page's tracks) carry it in their key instead.
   */
  generation: "catalog:generation",
};

export const CATALOG_TTL_SECONDS = {
  album: 300,
  // Top tracks follow play counts; a couple of minutes behind is fine.
  artist: 120,
  artistFollowers: 60,
  // Nothing names these lists when an album is written: they simply expire.
  firstPage: 60,
  // Far longer than anything keyed by it (300 s): when it expires, readers share "none" until
  // the next catalog write, and no entry from before its expiry is still alive by then.
  generation: 86_400,
};

/** The least a writer needs of the cache to drop what it changed. */
export type CatalogCache = Pick<Cache, "del" | "set">;

/**
 * Drops the cached albums and artists a write touched and starts a new catalog generation. The
 * write has happened either way: if the cache cannot be reached, its entries run out with their TTL.
 */
export async function forgetCatalog(
  cache: CatalogCache | undefined,
  touched: { albumIds?: Iterable<string>; artistIds?: Iterable<string> },
): Promise<void> {
  if (!cache) return;
  const keys = [
    ...[...(touched.albumIds ?? [])].map(catalogKeys.album),
    ...[...(touched.artistIds ?? [])].map(catalogKeys.artist),
  ];
  if (keys.length > 0) await cache.del(...new Set(keys)).catch(() => undefined);
  await cache
    .set(catalogKeys.generation, randomBytes(6).toString("base64url"), CATALOG_TTL_SECONDS.generation)
    .catch(() => undefined);
}

/**
 * The catalog's current generation, for keys of entries that hold track facts no album or
 * artist key names; "none" when there is none yet or the cache is unreachable (the entry's own
 * read then fails alike and loads from the database).
 */
export async function catalogGeneration(cache: Pick<Cache, "get">): Promise<string> {
  return (await cache.get<string>(catalogKeys.generation).catch(() => null)) ?? "none";
}
