import type { SQL, SQLWrapper } from "@cadence/db";
import { and, isNull, lte, or, schema, sql } from "@cadence/db";

/**
 * What a listener can see of the catalog. Unreleased tracks (available_from in the future)
 * and retired ones are invisible everywhere; an album, artist or genre with nothing visible
 * does not exist for listeners.
 */

/** Tracks a listener can see: not retired, and released. */
export const visibleTrack = (now: Date) =>
  and(
    isNull(schema.track.retiredAt),
    or(isNull(schema.track.availableFrom), lte(schema.track.availableFrom, now)),
  ) as SQL;

/** The same rule on a track aliased `v`, for subqueries beside the track table itself. */
const visibleV = (now: Date) =>
  sql`v.retired_at is null and (v.available_from is null or v.available_from <= ${now.toISOString()}::timestamptz)`;

/**
 * Albums with at least one visible track. Raw column names under an alias of its own: the
 * relational query builder renames every table reference in a `where` to the album's alias.
 */
export const hasVisibleTrack = (now: Date, albumId: SQLWrapper = schema.album.id) =>
  sql`exists (select 1 from track v where v.album_id = ${albumId} and ${visibleV(now)})`;

/** Up to this many tracks and under this length, a release is a single (or a short EP). */
export const SINGLE_MAX_TRACKS = 3;
export const SINGLE_MAX_MS = 30 * 60_000;

export type ReleaseKind = "album" | "single";

/**
 * An album's kind from its visible tracks, the rule the big stores use for singles: at most
 * three tracks and under 30 minutes. Null when nothing on it is visible.
 */
export const releaseKind = (now: Date, albumId: SQLWrapper = schema.album.id) =>
  sql<ReleaseKind | null>`(select case when count(*) <= ${SINGLE_MAX_TRACKS}
      and sum(v.duration_ms) < ${SINGLE_MAX_MS} then 'single' else 'album' end
    from track v where v.album_id = ${albumId} and ${visibleV(now)} having count(*) > 0)`;

/** The same rule for tracks already in hand. */
export function kindOf(tracks: readonly { durationMs: number }[]): ReleaseKind {
  const ms = tracks.reduce((sum, track) => sum + track.durationMs, 0);
  return tracks.length <= SINGLE_MAX_TRACKS && ms < SINGLE_MAX_MS ? "single" : "album";
}
