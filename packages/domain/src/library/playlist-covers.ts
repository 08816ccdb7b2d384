import { and, asc, eq, inArray, isNotNull, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { coverUrl } from "../catalog/track-view";

/** Up to four distinct album covers per playlist, in playlist order: its cover mosaic. */
export async function playlistCovers(db: Db, playlistIds: string[]): Promise<Map<string, string[]>> {
  const covers = new Map<string, string[]>(playlistIds.map((id) => [id, []]));
  if (playlistIds.length === 0) return covers;
  const item = schema.playlistItem;
  const firsts = db
    .select({
      playlistId: item.playlistId,
      coverPath: sql<string>`${schema.album.coverPath}`.as("cover_path"),
      n: sql<number>`row_number() over (partition by ${item.playlistId} order by min(${item.position}))`.as(
        "n",
      ),
    })
    .from(item)
    .innerJoin(schema.track, eq(schema.track.id, item.trackId))
    .innerJoin(schema.album, eq(schema.album.id, schema.track.albumId))
    .where(and(inArray(item.playlistId, playlistIds), isNotNull(schema.album.coverPath)))
    .groupBy(item.playlistId, schema.album.coverPath)
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
