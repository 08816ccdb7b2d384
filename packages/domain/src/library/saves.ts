import { and, eq, schema } from "@cadence/db";
import type { Db } from "@cadence/db";
import { reindex } from "@cadence/search";

import { hasVisibleTrack } from "../catalog/visibility";
import { AppError } from "../errors";
import { setMembership } from "./membership";

const saved = schema.savedAlbum;
const mine = (userId: string, albumId: string) => and(eq(saved.userId, userId), eq(saved.albumId, albumId));

/** An album with something released: the only kind a listener can find, so the only kind to save. */
async function albumVisible(db: Db, albumId: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: schema.album.id })
    .from(schema.album)
    .where(and(eq(schema.album.id, albumId), hasVisibleTrack(now)));
  return rows.length > 0;
}

const albumNotFound = () => new AppError("NOT_FOUND", "Album not found", "albumId");

/** Saves an album to the user's library, or takes it out. */
export async function saveAlbum(
  db: Db,
  userId: string,
  input: { albumId: string; saved: boolean },
  now = new Date(),
): Promise<{ saved: boolean }> {
  const { albumId } = input;
  const result = await setMembership(input.saved, {
    add: () => db.insert(saved).values({ userId, albumId }).onConflictDoNothing(),
    remove: async () =>
      (await db.delete(saved).where(mine(userId, albumId)).returning({ albumId: saved.albumId })).length,
    visible: () => albumVisible(db, albumId, now),
    notFound: albumNotFound(),
  });
  await reindex(db, "album", [albumId]); // saves rank it in search
  return { saved: result };
}

/** Whether the album is in the user's library (for its page's Save button). */
export async function isAlbumSaved(
  db: Db,
  userId: string,
  albumId: string,
  now = new Date(),
): Promise<{ saved: boolean }> {
  const [row] = await db.select({ albumId: saved.albumId }).from(saved).where(mine(userId, albumId));
  if (!row && !(await albumVisible(db, albumId, now))) throw albumNotFound();
  return { saved: Boolean(row) };
}
