import { and, eq, inArray, isNull, or, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { forgetCatalog } from "./cache-keys";
import type { CatalogCache } from "./cache-keys";

/**
 * Cover images that sit beside the music (cover.jpg, folder.png…), followed per folder: a scan
 * that finds one changed points the folder's albums at the new cover, without re-encoding audio.
 */

export interface FolderCover {
  /** Absolute path of the folder holding the image. */
  dir: string;
  imageSize: number;
  imageMtimeMs: number;
  coverKey: string;
}

/** What was last seen in each of `dirs`. */
export async function folderCovers(db: Db, dirs: readonly string[]): Promise<Map<string, FolderCover>> {
  if (dirs.length === 0) return new Map();
  const rows = await db
    .select({
      dir: schema.folderCover.dir,
      imageSize: schema.folderCover.imageSize,
      imageMtimeMs: schema.folderCover.imageMtimeMs,
      coverKey: schema.folderCover.coverKey,
    })
    .from(schema.folderCover)
    .where(inArray(schema.folderCover.dir, [...dirs]));
  return new Map(rows.map((row) => [row.dir, row]));
}

/**
 * Records the image now in a folder and gives its cover to the albums of the tracks whose files
 * are beside it (`sourcePaths`, as the scan found them) whose cover came from the folder before
 * (`previousKey`) or who have none. Albums whose tracks carry embedded art keep it: embedded art
 * wins at ingest too. Returns the albums whose cover changed.
 */
export async function applyFolderCover(
  db: Db,
  cover: FolderCover,
  previousKey: string | null,
  sourcePaths: readonly string[],
  cache?: CatalogCache,
): Promise<string[]> {
  const changed = await db.transaction(async (tx) => {
    const albums = tx
      .selectDistinct({ id: schema.track.albumId })
      .from(schema.track)
      .where(and(isNull(schema.track.retiredAt), inArray(schema.track.sourcePath, [...sourcePaths])));
    const updated = await tx
      .update(schema.album)
      .set({ coverPath: cover.coverKey })
      .where(
        and(
          inArray(schema.album.id, albums),
          or(
            isNull(schema.album.coverPath),
            previousKey === null ? sql`false` : eq(schema.album.coverPath, previousKey),
          ),
          sql`${schema.album.coverPath} is distinct from ${cover.coverKey}`,
        ),
      )
      .returning({ id: schema.album.id, artistId: schema.album.artistId });
    await tx
      .insert(schema.folderCover)
      .values({ ...cover, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: schema.folderCover.dir,
        set: {
          imageSize: cover.imageSize,
          imageMtimeMs: cover.imageMtimeMs,
          coverKey: cover.coverKey,
          updatedAt: new Date(),
        },
      });
    return updated;
  });
  const albumIds = changed.map((album) => album.id);
  // Artist pages show the album's cover too: the album artist's and every credited artist's.
  const credited =
    albumIds.length === 0
      ? []
      : await db
          .selectDistinct({ id: schema.trackArtist.artistId })
          .from(schema.trackArtist)
          .innerJoin(schema.track, eq(schema.track.id, schema.trackArtist.trackId))
          .where(inArray(schema.track.albumId, albumIds));
  await forgetCatalog(cache, {
    albumIds,
    artistIds: [...changed.map((album) => album.artistId), ...credited.map((artist) => artist.id)],
  });
  return albumIds;
}
