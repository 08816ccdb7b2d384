import { eq, inArray, isNotNull, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";
import { reindex } from "@cadence/search";

import { forgetCatalog } from "./cache-keys";
import type { CatalogCache } from "./cache-keys";
import { albumKey, artistNameKey } from "./keys";

/**
 * Catalog writes: what ingest records once a file is published. They live beside the catalog
 * reads so that every rule about artists, albums and tracks has one home.
 */

/** One published track, as ingest describes it: tags, loudness and the stored encoding. */
export interface PublishedTrack {
  trackId: string;
  isNew: boolean;
  sourcePath: string;
  sourceHash: string;
  /** What the scan saw of the file (size, mtime): a rescan that sees the same skips the hash. */
  sourceSize?: number | null;
  sourceMtimeMs?: number | null;
  title: string;
  /** Credited order; empty when the file names nobody. */
  artists: string[];
  albumArtist: string | null;
  album: string | null;
  /** ISO date as precise as the tag: "2021-03-04", "2021-03" or "2021". */
  releaseDate: string | null;
  genre: string | null;
  /** Record label (publisher / organization tags). */
  label: string | null;
  trackNumber: number | null;
  discNumber: number | null;
  durationMs: number;
  explicit: boolean;
  isrc: string | null;
  /** MusicBrainz recording and release ids, when tagged. */
  musicbrainzId?: string | null;
  albumMusicbrainzId?: string | null;
  loudness: { integratedLufs: number; truePeakDb: number | null } | null;
  /** Object key of the master playlist. */
  masterKey: string;
  renditions: {
    bitrateKbps: number;
    codecs: string;
    /** Object key prefix of the rendition, ending in "/". */
    pathPrefix: string;
    segmentCount: number;
    sizeBytes: number;
  }[];
  /** AES-128 content key; it only ever lives in the database. */
  contentKey: Buffer;
  coverKey: string | null;
  /** The encoding this one replaces, kept until no signed URL can name it any more. */
  supersedes?: { prefix: string; collectAfter: Date } | null;
}

export interface SourceTrack {
  id: string;
  sourcePath: string;
  sourceHash: string | null;
  sourceSize: number | null;
  sourceMtimeMs: number | null;
  retiredAt: Date | null;
  masterPath: string | null;
}

/** Tracks that came from files, by source path: what an ingest run compares a folder against. */
export async function tracksBySource(db: Db): Promise<Map<string, SourceTrack>> {
  const rows = await db
    .select({
      id: schema.track.id,
      sourcePath: schema.track.sourcePath,
      sourceHash: schema.track.sourceHash,
      sourceSize: schema.track.sourceSize,
      sourceMtimeMs: schema.track.sourceMtimeMs,
      retiredAt: schema.track.retiredAt,
      masterPath: schema.track.masterPath,
    })
    .from(schema.track)
    .where(isNotNull(schema.track.sourcePath));
  const known = new Map<string, SourceTrack>();
  for (const row of rows) {
    if (row.sourcePath) known.set(row.sourcePath, { ...row, sourcePath: row.sourcePath });
  }
  return known;
}

/** The albums and artists (album artists and credited ones) whose cached pages show these tracks. */
async function shownOn(db: Db, trackIds: string[]) {
  const rows = await db
    .select({
      albumId: schema.track.albumId,
      albumArtistId: schema.album.artistId,
      creditedId: schema.trackArtist.artistId,
    })
    .from(schema.track)
    .innerJoin(schema.album, eq(schema.album.id, schema.track.albumId))
    .leftJoin(schema.trackArtist, eq(schema.trackArtist.trackId, schema.track.id))
    .where(inArray(schema.track.id, trackIds));
  return {
    albumIds: rows.map((row) => row.albumId),
    artistIds: rows.flatMap((row) => [row.albumArtistId, ...(row.creditedId ? [row.creditedId] : [])]),
  };
}

/** A retired track whose file came back unchanged: its encoding is still published. */
export async function restoreTrack(db: Db, trackId: string, cache?: CatalogCache): Promise<void> {
  await db
    .update(schema.track)
    .set({ retiredAt: null, updatedAt: new Date() })
    .where(eq(schema.track.id, trackId));
  const shown = await shownOn(db, [trackId]);
  if (cache) await forgetCatalog(cache, shown);
  await reindexShown(db, [trackId], shown);
}

/** Tracks whose files are gone are retired, never deleted, so listening history keeps its rows. */
export async function retireTracks(db: Db, trackIds: string[], cache?: CatalogCache): Promise<void> {
  if (trackIds.length === 0) return;
  await db
    .update(schema.track)
    .set({ retiredAt: new Date(), updatedAt: new Date() })
    .where(inArray(schema.track.id, trackIds));
  const shown = await shownOn(db, trackIds);
  if (cache) await forgetCatalog(cache, shown);
  await reindexShown(db, trackIds, shown);
}

function toSqlDate(value: string | null): string | null {
  if (!value) return null;
  const [year, month = "01", day = "01"] = value.split("-");
  return year ? `${year}-${month}-${day}` : null;
}

/**
 * Upserts the artists and album of a published track, then the track, its credits and
 * encoding, and drops the cached album and artists it shows on (`cache`, when given).
 */
export async function recordPublishedTrack(
  db: Db,
  item: PublishedTrack,
  cache?: CatalogCache,
): Promise<void> {
  const albumArtistName = item.albumArtist ?? item.artists[0] ?? "Unknown Artist";
  const trackArtistNames = item.artists.length > 0 ? item.artists : [albumArtistName];
  const albumTitle = item.album ?? "Unknown Album";
  const releaseDate = toSqlDate(item.releaseDate);

  // Before and after: the credits it had may have named other artists.
  const before = cache && !item.isNew ? await shownOn(db, [item.trackId]) : null;
  const touched = await db.transaction(async (tx) => {
    const artistIds = new Map<string, string>();
    // Upserted in key order, so concurrent transactions lock artist rows in the same order and
    // cannot deadlock on a collaboration credited the other way round.
    const names = [albumArtistName, ...trackArtistNames].sort((a, b) =>
      artistNameKey(a) < artistNameKey(b) ? -1 : 1,
    );
    for (const name of names) {
      const key = artistNameKey(name);
      if (artistIds.has(key)) continue;
      const [row] = await tx
        .insert(schema.artist)
        .values({ name, nameKey: key })
        // A no-op update so the existing row comes back; the first spelling seen stays.
        .onConflictDoUpdate({ target: schema.artist.nameKey, set: { nameKey: sql`excluded.name_key` } })
        .returning({ id: schema.artist.id });
      if (!row) throw new Error(`could not upsert artist ${name}`);
      artistIds.set(key, row.id);
    }
    const albumArtistId = artistIds.get(artistNameKey(albumArtistName)) ?? "";

    const [albumRow] = await tx
      .insert(schema.album)
      .values({
        title: albumTitle,
        albumKey: albumKey(albumArtistName, albumTitle),
        artistId: albumArtistId,
        releaseDate,
        genre: item.genre,
        label: item.label,
        coverPath: item.coverKey,
        musicbrainzId: item.albumMusicbrainzId ?? null,
      })
      .onConflictDoUpdate({
        target: schema.album.albumKey,
        set: {
          releaseDate: sql`coalesce(${schema.album.releaseDate}, excluded.release_date)`,
          genre: sql`coalesce(${schema.album.genre}, excluded.genre)`,
          // A label in the tags wins: re-tagging is how a wrong one gets fixed.
          label: sql`coalesce(excluded.label, ${schema.album.label})`,
          coverPath: sql`coalesce(excluded.cover_path, ${schema.album.coverPath})`,
          musicbrainzId: sql`coalesce(excluded.musicbrainz_id, ${schema.album.musicbrainzId})`,
        },
      })
      .returning({ id: schema.album.id });
    if (!albumRow) throw new Error(`could not upsert album ${albumTitle}`);

    const values = {
      title: item.title,
      albumId: albumRow.id,
      trackNumber: item.trackNumber,
      discNumber: item.discNumber ?? 1,
      durationMs: item.durationMs,
      genre: item.genre,
      explicit: item.explicit,
      isrc: item.isrc,
      releaseDate,
      loudnessLufs: item.loudness?.integratedLufs ?? null,
      truePeakDb: item.loudness?.truePeakDb ?? null,
      sourcePath: item.sourcePath,
      sourceHash: item.sourceHash,
      sourceSize: item.sourceSize ?? null,
      sourceMtimeMs: item.sourceMtimeMs ?? null,
      musicbrainzId: item.musicbrainzId ?? null,
      masterPath: item.masterKey,
      retiredAt: null,
      updatedAt: new Date(),
    };
    if (item.isNew) {
      await tx.insert(schema.track).values({ id: item.trackId, ...values });
    } else {
      // A re-encoded file may be longer or shorter: the playlists holding it keep their length.
      await tx.execute(sql`
        update playlist p set duration_ms = p.duration_ms + (${item.durationMs} - t.duration_ms) * i.n
        from (select playlist_id, count(*) as n from playlist_item where track_id = ${item.trackId}
              group by playlist_id) i, track t
        where p.id = i.playlist_id and t.id = ${item.trackId} and t.duration_ms <> ${item.durationMs}`);
      await tx.update(schema.track).set(values).where(eq(schema.track.id, item.trackId));
    }

    await tx.delete(schema.trackArtist).where(eq(schema.trackArtist.trackId, item.trackId));
    const credited = [...new Set(trackArtistNames.map(artistNameKey))];
    await tx.insert(schema.trackArtist).values(
      credited.map((key, position) => ({
        trackId: item.trackId,
        artistId: artistIds.get(key) ?? "",
        position,
      })),
    );

    await tx.delete(schema.rendition).where(eq(schema.rendition.trackId, item.trackId));
    await tx
      .insert(schema.rendition)
      .values(item.renditions.map((rendition) => ({ trackId: item.trackId, ...rendition })));

    await tx
      .insert(schema.trackKey)
      .values({ trackId: item.trackId, key: item.contentKey })
      .onConflictDoUpdate({
        target: schema.trackKey.trackId,
        set: { key: item.contentKey, createdAt: new Date() },
      });
    if (item.supersedes) {
      // In the same transaction: an encoding is either current or awaiting collection, never lost.
      await tx
        .insert(schema.supersededEncoding)
        .values({ trackId: item.trackId, ...item.supersedes })
        .onConflictDoNothing();
    }
    return { albumIds: [albumRow.id], artistIds: [...artistIds.values()] };
  });
  const shown = {
    albumIds: [...touched.albumIds, ...(before?.albumIds ?? [])],
    artistIds: [...touched.artistIds, ...(before?.artistIds ?? [])],
  };
  await forgetCatalog(cache, shown);
  await reindexShown(db, [item.trackId], shown);
}

/**
 * Search follows the catalog: the tracks, and the albums and artists they show on (an album
 * or artist with no track left is no longer found).
 */
async function reindexShown(
  db: Db,
  trackIds: string[],
  shown: { albumIds: string[]; artistIds: string[] },
): Promise<void> {
  await reindex(db, "track", trackIds);
  await reindex(db, "album", shown.albumIds);
  await reindex(db, "artist", shown.artistIds);
}
