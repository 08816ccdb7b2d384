import { eq, inArray, lte, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

import type { CatalogCache } from "./cache-keys";
import { restoreTrack } from "./record";

/**
 * What ingest knows about the files behind tracks, beyond publishing them: where a file went
 * (a move keeps the track, its likes and playlist entries), what a scan saw of it, the content
 * key to reuse, and the encodings a re-ingest superseded.
 */

export interface SourceStat {
  sourcePath: string;
  size: number;
  mtimeMs: number;
}

/** The file of a track moved (same content, new path): the track follows it, back if retired. */
export async function moveTrackSource(
  db: Db,
  trackId: string,
  to: SourceStat,
  cache?: CatalogCache,
): Promise<void> {
  const [before] = await db
    .select({ retiredAt: schema.track.retiredAt })
    .from(schema.track)
    .where(eq(schema.track.id, trackId));
  await db
    .update(schema.track)
    .set({ sourcePath: to.sourcePath, sourceSize: to.size, sourceMtimeMs: to.mtimeMs, updatedAt: new Date() })
    .where(eq(schema.track.id, trackId));
  if (before?.retiredAt) await restoreTrack(db, trackId, cache);
}

/** A file was touched but its content is the same: remember what the scan saw, to skip the hash next time. */
export async function noteSourceStat(db: Db, trackId: string, stat: Omit<SourceStat, "sourcePath">) {
  await db
    .update(schema.track)
    .set({ sourceSize: stat.size, sourceMtimeMs: stat.mtimeMs })
    .where(eq(schema.track.id, trackId));
}

/** A track's content key, so a re-encode keeps it and segments of the old encoding still decrypt. */
export async function trackContentKey(db: Db, trackId: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ key: schema.trackKey.key })
    .from(schema.trackKey)
    .where(eq(schema.trackKey.trackId, trackId));
  return row ? Buffer.from(row.key) : null;
}

/** Superseded encodings whose last possible URL has expired by `now`: their objects may go. */
export async function dueSupersededEncodings(db: Db, now: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .select({ prefix: schema.supersededEncoding.prefix })
    .from(schema.supersededEncoding)
    .where(lte(schema.supersededEncoding.collectAfter, now))
    .limit(limit);
  return rows.map((row) => row.prefix);
}

/** Called once an encoding's objects are deleted. */
export async function forgetSupersededEncodings(db: Db, prefixes: string[]): Promise<void> {
  if (prefixes.length === 0) return;
  await db.delete(schema.supersededEncoding).where(inArray(schema.supersededEncoding.prefix, prefixes));
}
