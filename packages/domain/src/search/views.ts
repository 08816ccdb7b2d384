import { and, eq, inArray, isNull, or, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { coverUrl } from "../catalog/track-view";
import { playlistCovers } from "../library/playlist-covers";

/** An artist as a search result shows it. */
export interface ArtistResult {
  id: string;
  name: string;
  imageUrl: string | null;
}

export interface PlaylistResult {
  id: string;
  name: string;
  owner: { username: string; displayName: string };
  imageUrls: string[];
}

export interface ProfileResult {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

function inOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function artistsOf(db: Db, ids: readonly string[]): Promise<ArtistResult[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: schema.artist.id, name: schema.artist.name, imagePath: schema.artist.imagePath })
    .from(schema.artist)
    .where(inArray(schema.artist.id, [...ids]));
  return inOrder(
    ids,
    rows.map((r) => ({ id: r.id, name: r.name, imageUrl: coverUrl({ coverPath: r.imagePath }) })),
  );
}

/**
 * Playlists the viewer may see, checked again here against the tables (whatever the engine
 * said): public ones, and private ones they own or edit.
 */
export async function playlistsOf(
  db: Db,
  viewerId: string,
  ids: readonly string[],
): Promise<PlaylistResult[]> {
  if (ids.length === 0) return [];
  const p = schema.playlist;
  const editing = sql`exists (select 1 from ${schema.playlistCollaborator} c
    where c.playlist_id = ${p.id} and c.user_id = ${viewerId})`;
  const rows = await db
    .select({
      id: p.id,
      name: p.name,
      username: schema.profile.username,
      displayName: schema.profile.displayName,
    })
    .from(p)
    .innerJoin(schema.profile, eq(schema.profile.userId, p.ownerId))
    .where(and(inArray(p.id, [...ids]), or(eq(p.isPublic, true), eq(p.ownerId, viewerId), editing)));
  const covers = await playlistCovers(
    db,
    rows.map((r) => r.id),
  );
  return inOrder(
    ids,
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      owner: { username: r.username, displayName: r.displayName },
      imageUrls: covers.get(r.id) ?? [],
    })),
  );
}

export async function profilesOf(db: Db, ids: readonly string[]): Promise<ProfileResult[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: schema.profile.userId,
      username: schema.profile.username,
      displayName: schema.profile.displayName,
      avatarUrl: schema.profile.avatarUrl,
    })
    .from(schema.profile)
    .innerJoin(schema.user, eq(schema.user.id, schema.profile.userId))
    .where(and(inArray(schema.profile.userId, [...ids]), isNull(schema.user.disabledAt)));
  return inOrder(ids, rows);
}
