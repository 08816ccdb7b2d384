import { and, asc, desc, eq, inArray, isNull, lt, or, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";
import { signedStream } from "../streaming/grant";
import type { SignedStream, StreamConfig } from "../streaming/grant";
import { mayPlay } from "./rights";

/** Who is looking: their country decides what is playable, and playable tracks come signed. */
export interface Listener {
  userId: string;
  country: string;
  streaming: StreamConfig;
}

/** What the player and track lists need to show and play a track. */
export interface CatalogTrack {
  id: string;
  title: string;
  artists: { id: string; name: string }[];
  album: { id: string; title: string; coverUrl: string | null };
  durationMs: number;
  trackNumber: number | null;
  discNumber: number;
  explicit: boolean;
  loudnessLufs: number | null;
  truePeakDb: number | null;
  playable: boolean;
  unavailableReason: string | null;
  /**
   * A signed stream URL for a playable, encoded track. The rights check has just run, so a
   * click can start loading without asking the server first (one round trip less).
   */
  stream: SignedStream | null;
}

export interface AlbumSummary {
  id: string;
  title: string;
  artist: { id: string; name: string };
  releaseYear: number | null;
  genre: string | null;
  coverUrl: string | null;
}

/** Covers are public and content-addressed (covers/<sha256>.<ext>), so their URLs never go stale. */
export function coverUrl(album: { coverPath: string | null }): string | null {
  return album.coverPath ? `/api/${album.coverPath}` : null;
}

const year = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

const trackWith = {
  trackArtists: {
    orderBy: [asc(schema.trackArtist.position)],
    with: { artist: { columns: { id: true as const, name: true as const } } },
  },
};

type TrackRow = typeof schema.track.$inferSelect & {
  trackArtists: { artist: { id: string; name: string } }[];
};

function toCatalogTrack(
  row: TrackRow,
  album: { id: string; title: string; coverPath: string | null },
  listener: Listener,
): CatalogTrack {
  const verdict = mayPlay(row, listener.country);
  return {
    id: row.id,
    title: row.title,
    artists: row.trackArtists.map((ta) => ta.artist),
    album: { id: album.id, title: album.title, coverUrl: coverUrl(album) },
    durationMs: row.durationMs,
    trackNumber: row.trackNumber,
    discNumber: row.discNumber,
    explicit: row.explicit,
    loudnessLufs: row.loudnessLufs,
    truePeakDb: row.truePeakDb,
    playable: verdict.playable,
    unavailableReason: verdict.playable ? null : verdict.reason,
    stream:
      verdict.playable && row.masterPath
        ? signedStream(listener.streaming, {
            userId: listener.userId,
            trackId: row.id,
            masterPath: row.masterPath,
          })
        : null,
  };
}

export async function listAlbums(
  db: Db,
  page: { limit: number; cursor?: { createdAt: Date; id: string } | undefined },
): Promise<{ albums: AlbumSummary[]; nextCursor: { createdAt: Date; id: string } | null }> {
  const { cursor } = page;
  const rows = await db.query.album.findMany({
    where: cursor
      ? or(
          lt(schema.album.createdAt, cursor.createdAt),
          and(eq(schema.album.createdAt, cursor.createdAt), lt(schema.album.id, cursor.id)),
        )
      : undefined,
    orderBy: [desc(schema.album.createdAt), desc(schema.album.id)],
    limit: page.limit + 1,
    with: { artist: { columns: { id: true, name: true } } },
  });
  const albums = rows.slice(0, page.limit);
  const last = albums.at(-1);
  return {
    albums: albums.map((a) => ({
      id: a.id,
      title: a.title,
      artist: a.artist,
      releaseYear: year(a.releaseDate),
      genre: a.genre,
      coverUrl: coverUrl(a),
    })),
    nextCursor: rows.length > page.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

export async function getAlbum(db: Db, albumId: string, listener: Listener) {
  const album = await db.query.album.findFirst({
    where: eq(schema.album.id, albumId),
    with: {
      artist: { columns: { id: true, name: true } },
      tracks: {
        where: isNull(schema.track.retiredAt),
        orderBy: [asc(schema.track.discNumber), asc(schema.track.trackNumber), asc(schema.track.title)],
        with: trackWith,
      },
    },
  });
  if (!album) throw new AppError("NOT_FOUND", "Album not found");
  const tracks = album.tracks.map((t) => toCatalogTrack(t, album, listener));
  return {
    id: album.id,
    title: album.title,
    artist: album.artist,
    releaseYear: year(album.releaseDate),
    genre: album.genre,
    coverUrl: coverUrl(album),
    durationMs: tracks.reduce((sum, t) => sum + t.durationMs, 0),
    tracks,
  };
}

export async function getArtist(db: Db, artistId: string, listener: Listener) {
  const artist = await db.query.artist.findFirst({
    where: eq(schema.artist.id, artistId),
    with: { albums: { orderBy: [desc(schema.album.releaseDate)] } },
  });
  if (!artist) throw new AppError("NOT_FOUND", "Artist not found");
  const credited = await db
    .select({ trackId: schema.trackArtist.trackId })
    .from(schema.trackArtist)
    .where(eq(schema.trackArtist.artistId, artistId));
  const trackRows = credited.length
    ? await db.query.track.findMany({
        where: and(
          inArray(
            schema.track.id,
            credited.map((c) => c.trackId),
          ),
          isNull(schema.track.retiredAt),
        ),
        orderBy: [desc(schema.track.releaseDate), asc(schema.track.trackNumber)],
        limit: 10,
        with: { ...trackWith, album: { columns: { id: true, title: true, coverPath: true } } },
      })
    : [];
  return {
    id: artist.id,
    name: artist.name,
    bio: artist.bio,
    imageUrl: artist.albums.map(coverUrl).find(Boolean) ?? null,
    albums: artist.albums.map((a) => ({
      id: a.id,
      title: a.title,
      artist: { id: artist.id, name: artist.name },
      releaseYear: year(a.releaseDate),
      genre: a.genre,
      coverUrl: coverUrl(a),
    })),
    tracks: trackRows.map((t) => toCatalogTrack(t, t.album, listener)),
  };
}

/** The caller as a catalog listener: their country and the signing config. */
export async function listenerOf(db: Db, userId: string, streaming: StreamConfig): Promise<Listener> {
  const [row] = await db
    .select({ country: schema.profile.country })
    .from(schema.profile)
    .where(eq(schema.profile.userId, userId));
  return { userId, country: row?.country ?? "US", streaming };
}
