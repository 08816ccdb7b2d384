import { and, asc, eq, inArray, isNotNull, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { coverUrl } from "../catalog/track-view";

/**
 * How many items from the top a cover is chosen among: enough for four distinct albums in any
 * real playlist, and what keeps the cost of a cover the same for 10 items as for 10,000.
 */
const COVER_FROM_FIRST_ITEMS = 100;

/** Up to four distinct album covers per playlist, from its first items in order: its cover mosaic. */
export async function playlistCovers(db: Db, playlistIds: string[]): Promise<Map<string, string[]>> {
  const covers = new Map<string, string[]>(playlistIds.map((id) => [id, []]));
  if (playlistIds.length === 0) return covers;
  const item = schema.playlistItem;
  // Each playlist's first items by playlist_item_order_idx (a lateral subquery per playlist).
  const top = db
    .select({ trackId: item.trackId, position: item.position })
    .from(item)
    .where(eq(item.playlistId, schema.playlist.id))
    .orderBy(asc(item.position))
    .limit(COVER_FROM_FIRST_ITEMS)
    .as("top");
  const firsts = db
    .select({
      playlistId: sql<string>`${schema.playlist.id}`.as("playlist_id"),
      coverPath: sql<string>`${schema.album.coverPath}`.as("cover_path"),
      n: sql<number>`row_number() over (partition by ${schema.playlist.id} order by min(${top.position}))`.as(
        "n",
      ),
    })
    .from(schema.playlist)
    .crossJoinLateral(top)
    .innerJoin(schema.track, eq(schema.track.id, top.trackId))
    .innerJoin(schema.album, eq(schema.album.id, schema.track.albumId))
    .where(and(inArray(schema.playlist.id, playlistIds), isNotNull(schema.album.coverPath)))
    .groupBy(schema.playlist.id, schema.album.coverPath)
    .as("firsts");
  const rows = await db
    .select({ playlistId: firsts.playlistId, coverPath: firsts.coverPath })
    .from(firsts)
    .where(sql`${firsts.n} <= 4`)
    .orderBy(asc(firsts.playlistId), asc(firsts.n));
  for (const row of rows) {
    const url = coverUrl(row);
    if (url) covers.get(row.playlistId)?.push(url);
  }
  return covers;
}
