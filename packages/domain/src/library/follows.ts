import { and, eq, isNull, schema } from "@cadence/db";
import type { Db } from "@cadence/db";
import { reindex } from "@cadence/search";

import { AppError } from "../errors";
import { setMembership } from "./membership";

const follow = schema.artistFollow;
const followsArtist = (userId: string, artistId: string) =>
  and(eq(follow.userId, userId), eq(follow.artistId, artistId));

async function artistExists(db: Db, artistId: string): Promise<boolean> {
  const rows = await db
    .select({ id: schema.artist.id })
    .from(schema.artist)
    .where(eq(schema.artist.id, artistId));
  return rows.length > 0;
}

const artistNotFound = () => new AppError("NOT_FOUND", "Artist not found", "artistId");

/** Follows an artist, or stops following them. */
export async function followArtist(
  db: Db,
  userId: string,
  input: { artistId: string; following: boolean },
): Promise<{ following: boolean }> {
  const { artistId } = input;
  const following = await setMembership(input.following, {
    add: () => db.insert(follow).values({ userId, artistId }).onConflictDoNothing(),
    remove: async () =>
      (await db.delete(follow).where(followsArtist(userId, artistId)).returning({ id: follow.artistId }))
        .length,
    visible: () => artistExists(db, artistId),
    notFound: artistNotFound(),
  });
  await reindex(db, "artist", [artistId]); // followers rank it in search
  return { following };
}

/** Whether the user follows the artist (for the artist page's Follow button). */
export async function isFollowingArtist(
  db: Db,
  userId: string,
  artistId: string,
): Promise<{ following: boolean }> {
  const [row] = await db.select({ id: follow.artistId }).from(follow).where(followsArtist(userId, artistId));
  if (!row && !(await artistExists(db, artistId))) throw artistNotFound();
  return { following: Boolean(row) };
}

const userFollow = schema.userFollow;

/** A listener others can find: has a profile and an account that is not disabled. */
export async function listenerExists(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: schema.profile.userId })
    .from(schema.profile)
    .innerJoin(schema.user, eq(schema.user.id, schema.profile.userId))
    .where(and(eq(schema.profile.userId, userId), isNull(schema.user.disabledAt)));
  return rows.length > 0;
}

/** Follows another listener (profiles are public, so anyone with one), or stops. */
export async function followUser(
  db: Db,
  followerId: string,
  input: { userId: string; following: boolean },
): Promise<{ following: boolean }> {
  const followeeId = input.userId;
  if (followeeId === followerId) {
    throw new AppError("INVALID", "You cannot follow yourself", "userId");
  }
  const pair = and(eq(userFollow.followerId, followerId), eq(userFollow.followeeId, followeeId));
  const following = await setMembership(input.following, {
    add: () => db.insert(userFollow).values({ followerId, followeeId }).onConflictDoNothing(),
    remove: async () =>
      (await db.delete(userFollow).where(pair).returning({ id: userFollow.followeeId })).length,
    visible: () => listenerExists(db, followeeId),
    notFound: new AppError("NOT_FOUND", "Listener not found", "userId"),
  });
  await reindex(db, "profile", [followeeId]);
  return { following };
}
