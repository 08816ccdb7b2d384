import { and, asc, desc, eq, exists, inArray, isNull, lt, lte, or, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";
import { signedStream } from "../streaming/grant";
import type { SignedStream, StreamConfig } from "../streaming/grant";
import { likedSet } from "../library/liked-set";
import { loadListener } from "../listener";
import type { Listener } from "../listener";
import { mayPlay } from "./rights";

/** Who is looking: their rights decide what is playable, and playable tracks come signed. */
export interface Viewer {
  listener: Listener;
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
  /** In the viewer's Liked Songs. */
  liked: boolean;
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

export const trackWith = {
  trackArtists: {
    orderBy: [asc(schema.trackArtist.position)],
    with: { artist: { columns: { id: true as const, name: true as const } } },
  },
};

export type TrackRow = typeof schema.track.$inferSelect & {
  trackArtists: { artist: { id: string; name: string } }[];
};

export function toCatalogTrack(
  row: TrackRow,
  album: { id: string; title: string; coverPath: string | null },
  { listener, streaming }: Viewer,
  /** The viewer's liked tracks among the list's (likedSet: one query per list). */
  liked: ReadonlySet<string>,
): CatalogTrack {
  const verdict = mayPlay(row, listener);
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
    liked: liked.has(row.id),
    stream:
      verdict.playable && row.masterPath
        ? signedStream(streaming, listener, { trackId: row.id, masterPath: row.masterPath })
        : null,
  };
}

/** Tracks a listener can see: not retired, and released (unreleased ones are invisible). */
export const visibleTrack = (now: Date) =>
  and(
    isNull(schema.track.retiredAt),
    or(isNull(schema.track.availableFrom), lte(schema.track.availableFrom, now)),
  );

/**
 * Albums with at least one visible track. Raw column names under an alias of its own: the
 * relational query builder renames every table reference in a `where` to the album's alias.
 */
export const hasVisibleTrack = (now: Date) =>
  exists(
    sql`(select 1 from track v where v.album_id = ${schema.album.id} and v.retired_at is null
      and (v.available_from is null or v.available_from <= ${now.toISOString()}::timestamptz))`,
  );

export async function listAlbums(
  db: Db,
  page: { limit: number; cursor?: { createdAt: Date; id: string } | undefined },
  now = new Date(),
): Promise<{ albums: AlbumSummary[]; nextCursor: { createdAt: Date; id: string } | null }> {
  const { cursor } = page;
  const rows = await db.query.album.findMany({
    where: and(
      hasVisibleTrack(now),
      cursor
        ? or(
            lt(schema.album.createdAt, cursor.createdAt),
            and(eq(schema.album.createdAt, cursor.createdAt), lt(schema.album.id, cursor.id)),
          )
        : undefined,
    ),
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

export async function getAlbum(db: Db, albumId: string, viewer: Viewer, now = new Date()) {
  const album = await db.query.album.findFirst({
    where: eq(schema.album.id, albumId),
    with: {
      artist: { columns: { id: true, name: true } },
      tracks: {
        where: visibleTrack(now),
        orderBy: [asc(schema.track.discNumber), asc(schema.track.trackNumber), asc(schema.track.title)],
        with: trackWith,
      },
    },
  });
  // An album with nothing released yet does not exist for listeners.
  if (!album || album.tracks.length === 0) throw new AppError("NOT_FOUND", "Album not found");
  const liked = await likedSet(
    db,
    viewer.listener.userId,
    album.tracks.map((t) => t.id),
  );
  const tracks = album.tracks.map((t) => toCatalogTrack(t, album, viewer, liked));
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

const TOP_TRACKS = 10;

/** The artist's most played visible tracks (plays = started listens), then the newest. */
async function topTrackIds(db: Db, artistId: string, now: Date): Promise<string[]> {
  // Counted per track of this artist through listening_event's (track_id, occurred_at) index,
  // never by aggregating the whole event table on a page view.
  const plays = sql`(select count(*) from listening_event e
    where e.track_id = ${schema.track.id} and e.kind = 'start')`;
  const rows = await db
    .select({ id: schema.track.id })
    .from(schema.trackArtist)
    .innerJoin(schema.track, eq(schema.track.id, schema.trackArtist.trackId))
    .where(and(eq(schema.trackArtist.artistId, artistId), visibleTrack(now)))
    .orderBy(
      desc(plays),
      sql`${schema.track.releaseDate} desc nulls last`,
      asc(schema.track.trackNumber),
      asc(schema.track.id),
    )
    .limit(TOP_TRACKS);
  return rows.map((r) => r.id);
}

export async function getArtist(db: Db, artistId: string, viewer: Viewer, now = new Date()) {
  const artist = await db.query.artist.findFirst({
    where: eq(schema.artist.id, artistId),
    with: { albums: { where: hasVisibleTrack(now), orderBy: [desc(schema.album.releaseDate)] } },
  });
  if (!artist) throw new AppError("NOT_FOUND", "Artist not found");
  const ids = await topTrackIds(db, artistId, now);
  const trackRows = ids.length
    ? await db.query.track.findMany({
        where: inArray(schema.track.id, ids),
        with: { ...trackWith, album: { columns: { id: true, title: true, coverPath: true } } },
      })
    : [];
  trackRows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  const liked = await likedSet(db, viewer.listener.userId, ids);
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
    /** Most played first. */
    topTracks: trackRows.map((t) => toCatalogTrack(t, t.album, viewer, liked)),
  };
}

/** The caller as a catalog viewer: their rights and the signing config. */
export async function viewerOf(db: Db, userId: string, streaming: StreamConfig): Promise<Viewer> {
  return { listener: await loadListener(db, userId), streaming };
}
