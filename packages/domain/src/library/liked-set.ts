import { preparedFor, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

/**
 * Which of `trackIds` the user likes: one query for a whole list of tracks. Apart from likes.ts,
 * which reads the catalog: the catalog's lists call this, and imports stay one way.
 */
export async function likedSet(db: Db, userId: string, trackIds: readonly string[]): Promise<Set<string>> {
  if (trackIds.length === 0) return new Set();
  const rows = await likedAmong(db).execute({ userId, trackIds: `{${trackIds.join(",")}}` });
  return new Set(rows.map((row) => row.trackId));
}

const like = schema.trackLike;
// The ids travel as one uuid[] parameter (uuidArray's form), so the statement is one whatever
// the list's length, and each is looked up in the (user, track) key: a prepared statement's
// generic plan would otherwise scan all of the listener's likes and filter them, which grows
// with the likes (1,476 rows for 10 ids in bench/library.ts), where this costs one probe an id.
const likedAmong = preparedFor((db) =>
  db
    .select({ trackId: sql<string>`asked.id`.as("track_id") })
    .from(
      sql`unnest(${sql.placeholder("trackIds")}::uuid[]) as asked(id) cross join lateral (
        select 1 from ${like}
        where ${like.userId} = ${sql.placeholder("userId")} and ${like.trackId} = asked.id
        limit 1) as found`,
    )
    .prepare("liked_among"),
);
