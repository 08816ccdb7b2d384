import { inArray, schema, sql } from "@cadence/db";
import type { SQL } from "@cadence/db";
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
  const first = (playlistId: SQL) =>
    sql`select ${item.trackId} as track_id, ${item.position} as position from ${item}
      where ${item.playlistId} = ${playlistId} order by ${item.position} limit ${COVER_FROM_FIRST_ITEMS}`;
  // One playlist (its header, read on every cold open) names its id as a value: the planner then
  // knows that playlist's size and walks playlist_item_order_idx for the first 100. Through a
  // join, a lateral subquery is planned for the average playlist, which sorted all 10,000 items
  // of a big one (20,000 rows read per cold open). Lists of playlists keep the lateral join: one
  // subquery per id costs more to plan than it saves past a dozen ids (1.4 s against 0.13 s
  // for the sidebar's 500).
  const [only] = ids;
  const firstItems =
    ids.length === 1 && only
      ? sql`select ${only}::uuid as playlist_id, top.* from (${first(sql`${only}`)}) as top`
      : sql`select p.id as playlist_id, top.* from ${schema.playlist} p
          cross join lateral (${first(sql`p.id`)}) as top
          where ${inArray(sql`p.id`, ids)}`;
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
