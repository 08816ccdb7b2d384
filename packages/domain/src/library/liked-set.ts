import { and, eq, preparedFor, schema, sql } from "@cadence/db";
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
// the list's length.
const likedAmong = preparedFor((db) =>
  db
    .select({ trackId: like.trackId })
    .from(like)
    .where(
      and(
        eq(like.userId, sql.placeholder("userId")),
        sql`${like.trackId} = any(${sql.placeholder("trackIds")}::uuid[])`,
      ),
    )
    .prepare("liked_among"),
);
