import { createHash } from "node:crypto";

import { desc, eq, schema, sql } from "@cadence/db";

import { cached, cacheKey } from "../cache";
import { playlistCovers } from "../library/playlist-covers";
import type { DomainServices } from "../services";

export interface SidebarPlaylist {
  id: string;
  name: string;
  isOwner: boolean;
  isPublic: boolean;
  isCollaborative: boolean;
  coverUrls: string[];
}

const COVERS_TTL_SECONDS = 300;

/**
 * The playlists a listener owns or edits, most recently changed first: the sidebar of every
 * page. The rows come from Postgres each time (two index lookups); their covers, the costly
 * part, are cached under a key made of every listed playlist's id and version, as the
 * playlist's own reads are (meta.ts): any edit of any of them, or a playlist joining or
 * leaving the list, makes a key nobody has filled yet, so nothing has to be deleted.
 */
export async function myPlaylists({ db, cache }: DomainServices, userId: string): Promise<SidebarPlaylist[]> {
  const p = schema.playlist;
  const owned = db.select({ id: p.id }).from(p).where(eq(p.ownerId, userId));
  const editing = db
    .select({ id: schema.playlistCollaborator.playlistId })
    .from(schema.playlistCollaborator)
    .where(eq(schema.playlistCollaborator.userId, userId));
  const rows = await db
    .select({
      id: p.id,
      name: p.name,
      ownerId: p.ownerId,
      isPublic: p.isPublic,
      isCollaborative: p.isCollaborative,
      version: p.version,
    })
    .from(p)
    .where(sql`${p.id} in (${owned} union all ${editing})`)
    .orderBy(desc(p.updatedAt), desc(p.id))
    .limit(500);
  const state = createHash("sha256")
    .update(rows.map((r) => `${r.id}:${r.version}`).join(","))
    .digest("base64url");
  const covers = await cached(cache, cacheKey("playlist", "covers", state), COVERS_TTL_SECONDS, async () =>
    Object.fromEntries(
      await playlistCovers(
        db,
        rows.map((r) => r.id),
      ),
    ),
  );
  return rows.map(({ ownerId, version: _version, ...row }) => ({
    ...row,
    isOwner: ownerId === userId,
    coverUrls: covers[row.id] ?? [],
  }));
}
