import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

import { and, asc, desc, eq, gt, ne, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

/**
 * Playlist order. Each item holds a fractional-indexing key (digits 0-9A-Za-z, compared byte
 * by byte: the column's collation is "C"); a move or insert writes one key between its
 * neighbours', so it touches one row. Unlike a floating-point midpoint, a string key never
 * runs out of room: it grows by about one character per six moves into the same gap. A key
 * past MAX_KEY_LENGTH makes the playlist be re-keyed evenly, which is rare and bounded.
 */
export const MAX_KEY_LENGTH = 48;

const item = schema.playlistItem;

/** Keys for `count` items appended after the current last one. */
export async function keysAtEnd(db: Db, playlistId: string, count: number): Promise<string[]> {
  const [last] = await db
    .select({ position: item.position })
    .from(item)
    .where(eq(item.playlistId, playlistId))
    .orderBy(desc(item.position))
    .limit(1);
  return generateNKeysBetween(last?.position ?? null, null, count);
}

/**
 * The key that puts `itemId` right after `afterPosition` (null: at the top), between it and
 * the next item other than the one moving.
 */
export async function keyForMove(
  db: Db,
  playlistId: string,
  itemId: string,
  afterPosition: string | null,
): Promise<string> {
  const [next] = await db
    .select({ position: item.position })
    .from(item)
    .where(
      and(
        eq(item.playlistId, playlistId),
        ne(item.id, itemId),
        afterPosition === null ? undefined : gt(item.position, afterPosition),
      ),
    )
    .orderBy(asc(item.position))
    .limit(1);
  return generateKeyBetween(afterPosition, next?.position ?? null);
}

/**
 * Gives every item of the playlist a fresh, short, evenly spread key in the current order.
 * One statement; the unique constraint on (playlist, position) is deferred to the commit, as
 * keys may pass through each other's values on the way.
 */
export async function rekey(db: Db, playlistId: string): Promise<void> {
  const rows = await db
    .select({ id: item.id })
    .from(item)
    .where(eq(item.playlistId, playlistId))
    .orderBy(asc(item.position));
  if (rows.length === 0) return;
  const keys = generateNKeysBetween(null, null, rows.length);
  await db.execute(sql`set constraints playlist_item_order_idx deferred`);
  // As one JSON parameter: both drivers pass it the same way, whatever the playlist's size.
  const pairs = JSON.stringify(rows.map((row, i) => ({ id: row.id, position: keys[i] })));
  await db.execute(sql`
    update playlist_item as p set position = v.position
    from jsonb_to_recordset(${pairs}::jsonb) as v(id uuid, position text)
    where p.id = v.id`);
}
