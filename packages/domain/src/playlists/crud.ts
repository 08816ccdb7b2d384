import { eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";
import { reindex, unindex } from "@cadence/search";

import { AppError } from "../errors";
import type { DomainServices } from "../services";
import { checkVersion, playlistFor } from "./access";

export const PLAYLIST_NAME_MAX = 100;
export const PLAYLIST_DESCRIPTION_MAX = 300;

/** A bound on what one account can create, so a script cannot fill the database. */
const MAX_PLAYLISTS_PER_OWNER = 10_000;

export interface NewPlaylist {
  name?: string | undefined;
  description?: string | null | undefined;
  isPublic?: boolean | undefined;
}

/** "My Playlist #n", as a listener expects a new untitled playlist to be called. */
async function untitledName(db: Db, ownerId: string): Promise<string> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(schema.playlist)
    .where(eq(schema.playlist.ownerId, ownerId));
  return `My Playlist #${Number(row?.count ?? 0) + 1}`;
}

export async function createPlaylist(
  { db }: DomainServices,
  ownerId: string,
  input: NewPlaylist,
): Promise<{ id: string; name: string }> {
  const [owned] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(schema.playlist)
    .where(eq(schema.playlist.ownerId, ownerId));
  if (Number(owned?.count ?? 0) >= MAX_PLAYLISTS_PER_OWNER) {
    throw new AppError("INVALID", `You can have at most ${MAX_PLAYLISTS_PER_OWNER} playlists`);
  }
  const name = input.name || (await untitledName(db, ownerId));
  const [created] = await db
    .insert(schema.playlist)
    .values({
      ownerId,
      name,
      description: input.description ?? null,
      isPublic: input.isPublic ?? false,
    })
    .returning({ id: schema.playlist.id, name: schema.playlist.name });
  if (!created) throw new Error("insert returned no row");
  await reindex(db, "playlist", [created.id]);
  return created;
}

export interface PlaylistPatch {
  version: number;
  name?: string | undefined;
  description?: string | null | undefined;
  isPublic?: boolean | undefined;
}

/** Name, description and visibility are the owner's (editors change the items only). */
export async function updatePlaylist(
  { db }: DomainServices,
  userId: string,
  playlistId: string,
  patch: PlaylistPatch,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const { playlist } = await playlistFor(tx, playlistId, userId, "own", { lock: true });
    checkVersion(playlist, patch.version);
    const [updated] = await tx
      .update(schema.playlist)
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.description !== undefined && { description: patch.description || null }),
        ...(patch.isPublic !== undefined && { isPublic: patch.isPublic }),
        version: playlist.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(schema.playlist.id, playlistId))
      .returning({ version: schema.playlist.version });
    // In the same transaction: a playlist made private is never found after the answer.
    await reindex(tx, "playlist", [playlistId]);
    return { version: updated?.version ?? playlist.version + 1 };
  });
}

export async function deletePlaylist(
  { db }: DomainServices,
  userId: string,
  playlistId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await playlistFor(tx, playlistId, userId, "own", { lock: true });
    await tx.delete(schema.playlist).where(eq(schema.playlist.id, playlistId));
    await unindex(tx, "playlist", [playlistId]);
  });
}
