import { and, eq, inArray, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

/**
 * Which of `trackIds` the user likes: one query for a whole list of tracks. Apart from likes.ts,
 * which reads the catalog: the catalog's lists call this, and imports stay one way.
 */
export async function likedSet(db: Db, userId: string, trackIds: readonly string[]): Promise<Set<string>> {
  if (trackIds.length === 0) return new Set();
  const like = schema.trackLike;
  const rows = await db
    .select({ trackId: like.trackId })
    .from(like)
    .where(and(eq(like.userId, userId), inArray(like.trackId, [...trackIds])));
  return new Set(rows.map((row) => row.trackId));
}
