import { and, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";

export type PlaylistRow = typeof schema.playlist.$inferSelect;

/** What the caller may do with a playlist: see it, change its items, or own it. */
export type PlaylistAccess = "view" | "edit" | "own";

export interface PlaylistRole {
  isOwner: boolean;
  isEditor: boolean;
}

const NOT_FOUND = () => new AppError("NOT_FOUND", "Playlist not found", "id");

export async function isCollaborator(db: Db, playlistId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: schema.playlistCollaborator.userId })
    .from(schema.playlistCollaborator)
    .where(
      and(
        eq(schema.playlistCollaborator.playlistId, playlistId),
        eq(schema.playlistCollaborator.userId, userId),
      ),
    );
  return row !== undefined;
}

/**
 * The one rule of who may do what: a private playlist does not exist for anyone but its owner
 * and editors (NOT_FOUND, so nothing leaks, not even that it exists); a public one can be seen
 * by all, changed by the owner and editors, and deleted, shared or renamed by the owner only.
 */
export function checkAccess(
  playlist: Pick<PlaylistRow, "isPublic">,
  role: PlaylistRole,
  access: PlaylistAccess,
): void {
  const member = role.isOwner || role.isEditor;
  if (!playlist.isPublic && !member) throw NOT_FOUND();
  if (access === "edit" && !member) {
    throw new AppError("FORBIDDEN", "Only the owner and editors can change this playlist", "id");
  }
  if (access === "own" && !role.isOwner) {
    throw new AppError("FORBIDDEN", "Only the playlist's owner can do this", "id");
  }
}

/**
 * Loads a playlist for `access`. With `lock`, the row is locked until the transaction ends:
 * every write to a playlist takes this lock first, so concurrent edits queue up instead of
 * computing positions from the same stale neighbours.
 */
export async function playlistFor(
  db: Db,
  playlistId: string,
  userId: string,
  access: PlaylistAccess,
  options: { lock?: boolean } = {},
): Promise<{ playlist: PlaylistRow; role: PlaylistRole }> {
  const query = db.select().from(schema.playlist).where(eq(schema.playlist.id, playlistId));
  const [playlist] = options.lock ? await query.for("update") : await query;
  if (!playlist) throw NOT_FOUND();
  const isOwner = playlist.ownerId === userId;
  const role = { isOwner, isEditor: !isOwner && (await isCollaborator(db, playlistId, userId)) };
  checkAccess(playlist, role, access);
  return { playlist, role };
}

/** A write names the version it saw; anything else means another edit came first. */
export function checkVersion(playlist: Pick<PlaylistRow, "version">, seen: number | undefined): void {
  if (seen !== undefined && seen !== playlist.version) {
    throw new AppError(
      "CONFLICT",
      "This playlist changed since you loaded it. Refresh to see the latest version.",
      "version",
      undefined,
      { currentVersion: playlist.version },
    );
  }
}

/** What an edit did to the playlist's length: items and milliseconds added (negative: removed). */
export interface TotalsChange {
  items: number;
  durationMs: number;
}

/**
 * Every change to a playlist, its items or its editors bumps the version (see meta.ts); an
 * edit of the items moves the stored totals in the same statement.
 */
export async function bumpVersion(
  db: Db,
  playlist: Pick<PlaylistRow, "id" | "version">,
  totals?: TotalsChange,
): Promise<number> {
  const version = playlist.version + 1;
  const p = schema.playlist;
  await db
    .update(p)
    .set({
      version,
      updatedAt: new Date(),
      ...(totals && {
        itemCount: sql`${p.itemCount} + ${totals.items}`,
        durationMs: sql`${p.durationMs} + ${totals.durationMs}`,
      }),
    })
    .where(eq(p.id, playlist.id));
  return version;
}
