import { schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { coverUrl } from "../catalog/track-view";

/**
 * How many items from the top a cover is chosen among: enough for four distinct albums in any
 * real playlist, and what keeps the cost of a cover the same for 10 items as for 10,000.
 */
const COVER_FROM_FIRST_ITEMS = 100;

/** Up to four distinct album covers per playlist, from its first items in order: its cover mosaic. */
export async function playlistCovers(db: Db, playlistIds: string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(playlistIds)];
  const covers = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return covers;
  const item = schema.playlistItem;
  // Each playlist's first items as a subquery of its own, with its id as a value: the planner
  // then sees that playlist's row count and walks playlist_item_order_idx for the first 100.
  // A lateral join (`where playlist_id = p.id`) is planned for the average playlist, and sorted
  // all 10,000 items of a big one to keep 100 (20,000 rows read for one cold open).
  const firstItems = sql.join(
    ids.map(
      (
        id,
      ) => sql`(select ${id}::uuid as playlist_id, ${item.trackId} as track_id, ${item.position} as position
        from ${item} where ${item.playlistId} = ${id}
        order by ${item.position} limit ${COVER_FROM_FIRST_ITEMS})`,
    ),
    sql` union all `,
  );
  const rows = await db
    .select({ playlistId: sql<string>`ranked.playlist_id`, coverPath: sql<string>`ranked.cover_path` })
    .from(
      sql`(select top.playlist_id, a.cover_path,
          row_number() over (partition by top.playlist_id order by min(top.position)) as n
        from (${firstItems}) as top
        join ${schema.track} t on t.id = top.track_id
        join ${schema.album} a on a.id = t.album_id
        where a.cover_path is not null
        group by top.playlist_id, a.cover_path) as ranked`,
    )
    .where(sql`ranked.n <= 4`)
    .orderBy(sql`ranked.playlist_id`, sql`ranked.n`);
  for (const row of rows) {
    const url = coverUrl(row);
    if (url) covers.get(row.playlistId)?.push(url);
  }
  return covers;
}
