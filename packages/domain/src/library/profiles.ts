import { and, count, desc, eq, isNull, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";
import { decodeCursor, encodeCursor, timeKey } from "./cursor";
import { listenerExists } from "./follows";
import { playlistCovers } from "./playlist-covers";

/** A listener's public face, as another listener (or they themselves) sees it. */
export interface PublicProfile {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  followerCount: number;
  /** Listeners they follow. */
  followingCount: number;
  isFollowing: boolean;
  isMe: boolean;
}

const follow = schema.userFollow;

export async function getProfile(db: Db, viewerId: string, username: string): Promise<PublicProfile> {
  const [found] = await db
    .select({
      id: schema.profile.userId,
      username: schema.profile.username,
      displayName: schema.profile.displayName,
      avatarUrl: schema.profile.avatarUrl,
    })
    .from(schema.profile)
    .innerJoin(schema.user, eq(schema.user.id, schema.profile.userId))
    .where(and(eq(schema.profile.username, username.toLowerCase()), isNull(schema.user.disabledAt)));
  if (!found) throw new AppError("NOT_FOUND", "Listener not found", "username");
  const counted = (column: typeof follow.followerId | typeof follow.followeeId) =>
    db.select({ n: count() }).from(follow).where(eq(column, found.id));
  const [[followers], [following], mine] = await Promise.all([
    counted(follow.followeeId),
    counted(follow.followerId),
    db
      .select({ id: follow.followeeId })
      .from(follow)
      .where(and(eq(follow.followerId, viewerId), eq(follow.followeeId, found.id))),
  ]);
  return {
    ...found,
    followerCount: followers?.n ?? 0,
    followingCount: following?.n ?? 0,
    isFollowing: mine.length > 0,
    isMe: found.id === viewerId,
  };
}

export interface PublicPlaylist {
  id: string;
  name: string;
  description: string | null;
  imageUrls: string[];
  trackCount: number;
}

/**
 * A listener's public playlists, newest first. Private ones are never listed, not even to their
 * owner here: this is the page everyone sees.
 */
export async function profilePlaylists(
  db: Db,
  page: { userId: string; limit: number; cursor?: string | null | undefined },
): Promise<{ items: PublicPlaylist[]; nextCursor: string | null }> {
  if (!(await listenerExists(db, page.userId))) {
    throw new AppError("NOT_FOUND", "Listener not found", "userId");
  }
  const p = schema.playlist;
  const after = page.cursor ? decodeCursor(page.cursor, ["time", "uuid"]) : null;
  const rows = await db
    .select({
      id: p.id,
      name: p.name,
      description: p.description,
      trackCount: p.itemCount,
      key: timeKey(p.createdAt),
    })
    .from(p)
    .where(
      and(
        eq(p.ownerId, page.userId),
        eq(p.isPublic, true),
        after ? sql`(${p.createdAt}, ${p.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(p.createdAt), desc(p.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const ids = pageRows.map((row) => row.id);
  const covers = await playlistCovers(db, ids);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(({ key: _key, ...row }) => ({
      ...row,
      imageUrls: covers.get(row.id) ?? [],
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.key, last.id]) : null,
  };
}
