import { and, count, desc, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { trackRecordOf, viewTracks } from "../catalog/track-view";
import { trackRowsById } from "../catalog/tracks-by-id";
import type { CatalogTrack, Viewer } from "../catalog/track-view";
import { visibleTrack } from "../catalog/visibility";
import { decodeCursor, encodeCursor, timeKey } from "./cursor";

export interface LikedTrack {
  track: CatalogTrack;
  likedAt: Date;
}

const like = schema.trackLike;

/**
 * The viewer's Liked Songs, most recently liked first, a page at a time. Retired and unreleased
 * tracks are left out (and out of the total), as from every other list.
 */
export async function likedTracks(
  db: Db,
  viewer: Viewer,
  page: { limit: number; cursor?: string | null | undefined },
  now = new Date(),
): Promise<{ items: LikedTrack[]; nextCursor: string | null; total: number }> {
  const mine = and(eq(like.userId, viewer.listener.userId), visibleTrack(now));
  const after = page.cursor ? decodeCursor(page.cursor, ["time", "uuid"]) : null;
  const [rows, [counted]] = await Promise.all([
    db
      .select({ trackId: like.trackId, likedAt: like.likedAt, key: timeKey(like.likedAt) })
      .from(like)
      .innerJoin(schema.track, eq(schema.track.id, like.trackId))
      .where(
        and(
          mine,
          after
            ? sql`(${like.likedAt}, ${like.trackId}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(like.likedAt), desc(like.trackId))
      .limit(page.limit + 1),
    db
      .select({ total: count() })
      .from(like)
      .innerJoin(schema.track, eq(schema.track.id, like.trackId))
      .where(mine),
  ]);
  const pageRows = rows.slice(0, page.limit);
  const ids = pageRows.map((row) => row.trackId);
  const tracks = ids.length ? await trackRowsById(db, ids) : [];
  // Every track here is liked: no need to ask which.
  const viewed = viewTracks(
    tracks.map((t) => trackRecordOf(t, t.album)),
    viewer,
    new Set(ids),
    now,
  );
  const byId = new Map(viewed.map((t) => [t.id, t]));
  const items = pageRows.flatMap((row) => {
    const track = byId.get(row.trackId);
    return track ? [{ track, likedAt: row.likedAt }] : [];
  });
  const last = pageRows.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.key, last.trackId]) : null,
    total: counted?.total ?? 0,
  };
}
