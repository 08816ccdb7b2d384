import { cached } from "@cadence/cache";
import type { Cache } from "@cadence/cache";
import { eq, preparedFor, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { playlistCovers } from "../library/playlist-covers";
import { AppError } from "../errors";
import { checkAccess } from "./access";

/** What every viewer of a playlist sees of it; cached, since it is read on every open. */
export interface PlaylistMeta {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  isCollaborative: boolean;
  version: number;
  owner: { id: string; username: string; displayName: string };
  /** Editors' user ids: the access rule needs them, so they are cached beside the rest. */
  editorIds: string[];
  itemCount: number;
  durationMs: number;
  /** The first distinct album covers in playlist order, up to four: the playlist's cover. */
  coverUrls: string[];
  updatedAt: string;
}

/** The meta as one viewer sees it: what they may do with it. */
export interface PlaylistView extends Omit<PlaylistMeta, "editorIds"> {
  isOwner: boolean;
  canEdit: boolean;
}

const META_TTL_SECONDS = 300;

/**
 * Cached reads are keyed by the playlist's version, read from Postgres on every request (one
 * primary-key lookup). Every write bumps the version, so the next read, by anyone, the writer
 * included, asks for a key nobody has filled yet. Nothing is deleted to invalidate: a reader
 * that loaded before a write and stores after it can only fill the old version's key, which
 * no later reader asks for, and a write made while Redis is unreachable cannot leave a stale
 * entry behind. Old versions' keys expire with their TTL.
 */
export const versionKey = (playlistId: string, version: number, part: string) =>
  `pl:${playlistId}:v${version}:${part}`;

const versionRow = preparedFor((db) =>
  db
    .select({ version: schema.playlist.version })
    .from(schema.playlist)
    .where(eq(schema.playlist.id, sql.placeholder("playlistId")))
    .prepare("playlist_version"),
);

async function currentVersion(db: Db, playlistId: string): Promise<number | null> {
  const [row] = await versionRow(db).execute({ playlistId });
  return row?.version ?? null;
}

async function loadMeta(db: Db, playlistId: string): Promise<PlaylistMeta | null> {
  const [found] = await db
    .select({
      playlist: schema.playlist,
      username: schema.profile.username,
      displayName: schema.profile.displayName,
    })
    .from(schema.playlist)
    .leftJoin(schema.profile, eq(schema.profile.userId, schema.playlist.ownerId))
    .where(eq(schema.playlist.id, playlistId));
  if (!found) return null;
  const editors = await db
    .select({ userId: schema.playlistCollaborator.userId })
    .from(schema.playlistCollaborator)
    .where(eq(schema.playlistCollaborator.playlistId, playlistId));
  const covers = await playlistCovers(db, [playlistId]);
  const { playlist } = found;
  return {
    id: playlist.id,
    name: playlist.name,
    description: playlist.description,
    isPublic: playlist.isPublic,
    isCollaborative: playlist.isCollaborative,
    version: playlist.version,
    owner: { id: playlist.ownerId, username: found.username ?? "", displayName: found.displayName ?? "" },
    editorIds: editors.map((e) => e.userId),
    itemCount: playlist.itemCount,
    durationMs: playlist.durationMs,
    coverUrls: covers.get(playlistId) ?? [],
    updatedAt: playlist.updatedAt.toISOString(),
  };
}

/** The playlist's meta if `userId` may see it; NOT_FOUND for a private one of someone else's. */
export async function viewPlaylist(
  db: Db,
  cache: Cache,
  playlistId: string,
  userId: string,
): Promise<PlaylistView> {
  const version = await currentVersion(db, playlistId);
  const meta =
    version === null
      ? null
      : await cached(cache, versionKey(playlistId, version, "meta"), META_TTL_SECONDS, () =>
          loadMeta(db, playlistId),
        );
  if (!meta) throw new AppError("NOT_FOUND", "Playlist not found", "id");
  const { editorIds, ...shown } = meta;
  const isOwner = meta.owner.id === userId;
  const isEditor = editorIds.includes(userId);
  checkAccess(meta, { isOwner, isEditor }, "view");
  return { ...shown, isOwner, canEdit: isOwner || isEditor };
}
