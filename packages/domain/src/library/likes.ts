import { and, eq, schema } from "@cadence/db";
import type { Db } from "@cadence/db";
import { reindex } from "@cadence/search";

import { visibleTrack } from "../catalog/visibility";
import { AppError } from "../errors";
import { setMembership } from "./membership";

const like = schema.trackLike;

/** Adds a visible track to the user's Liked Songs, or takes it out. */
export async function likeTrack(
  db: Db,
  userId: string,
  input: { trackId: string; liked: boolean },
  now = new Date(),
): Promise<{ liked: boolean }> {
  const { trackId } = input;
  const liked = await setMembership(input.liked, {
    add: () => db.insert(like).values({ userId, trackId }).onConflictDoNothing(),
    remove: async () =>
      (
        await db
          .delete(like)
          .where(and(eq(like.userId, userId), eq(like.trackId, trackId)))
          .returning({ trackId: like.trackId })
      ).length,
    visible: async () =>
      (
        await db
          .select({ id: schema.track.id })
          .from(schema.track)
          .where(and(eq(schema.track.id, trackId), visibleTrack(now)))
      ).length > 0,
    notFound: new AppError("NOT_FOUND", "Track not found", "trackId"),
  });
  await reindex(db, "track", [trackId]); // likes rank it in search
  return { liked };
}
