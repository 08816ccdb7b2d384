import { cached } from "@cadence/cache";
import type { Cache } from "@cadence/cache";
import { and, asc, desc, eq, isNull, preparedFor, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";
import { z } from "zod";

import { AppError } from "../errors";
import { cursorParts, decodeCursor, encodeCursor, pageOf } from "../pagination";
import type { Page } from "../pagination";
import { epochMicros, summaryColumns, toAlbumSummary } from "./album-list";
import type { AlbumSummary } from "./album-list";
import { CATALOG_TTL_SECONDS, catalogKeys } from "./cache-keys";
import {
  coverUrl,
  releasedRecords,
  trackColumns,
  trackRecordOf,
  trackWith,
  viewTracksOf,
} from "./track-view";
import type { CatalogTrack, TrackRecord, Viewer } from "./track-view";
import { hasVisibleTrack, kindOf } from "./visibility";
import type { ReleaseKind } from "./visibility";

/** An album as every listener sees it alike: what the cache keeps. */
export interface AlbumRecord {
  id: string;
  title: string;
  artist: { id: string; name: string };
  releaseDate: string | null;
  genre: string | null;
  label: string | null;
  coverUrl: string | null;
  /** Every track not retired, unreleased ones included (dropped when read). */
  tracks: TrackRecord[];
}

export interface AlbumView extends AlbumSummary {
  label: string | null;
  kind: ReleaseKind;
  trackCount: number;
  durationMs: number;
  tracks: CatalogTrack[];
  /** In the viewer's library. */
  saved: boolean;
}

async function loadAlbumRecord(db: Db, albumId: string): Promise<AlbumRecord | null> {
  const album = await db.query.album.findFirst({
    where: eq(schema.album.id, albumId),
    with: {
      artist: { columns: { id: true, name: true } },
      tracks: {
        columns: trackColumns,
        where: isNull(schema.track.retiredAt),
        orderBy: [asc(schema.track.discNumber), asc(schema.track.trackNumber), asc(schema.track.title)],
        with: trackWith,
      },
    },
  });
  if (!album) return null;
  return {
    id: album.id,
    title: album.title,
    artist: album.artist,
    releaseDate: album.releaseDate,
    genre: album.genre,
    label: album.label,
    coverUrl: coverUrl(album),
    tracks: album.tracks.map((track) => trackRecordOf(track, album)),
  };
}

/** The album's shared record, through the cache; null when there is no such album. */
export function albumRecord(db: Db, cache: Cache, albumId: string): Promise<AlbumRecord | null> {
  return cached(cache, catalogKeys.album(albumId), CATALOG_TTL_SECONDS.album, () =>
    loadAlbumRecord(db, albumId),
  );
}

/** The record with only what is visible at `now`; NOT_FOUND when that is nothing. */
export async function visibleAlbumRecord(db: Db, cache: Cache, albumId: string, now: Date) {
  const record = await albumRecord(db, cache, albumId);
  const tracks = record ? releasedRecords(record.tracks, now) : [];
  // An album with nothing released yet does not exist for listeners.
  if (!record || tracks.length === 0) throw new AppError("NOT_FOUND", "Album not found");
  return { ...record, tracks };
}

export function summaryOfRecord(record: AlbumRecord): AlbumSummary {
  return {
    id: record.id,
    title: record.title,
    artist: record.artist,
    releaseDate: record.releaseDate,
    releaseYear: record.releaseDate ? Number(record.releaseDate.slice(0, 4)) : null,
    genre: record.genre,
    coverUrl: record.coverUrl,
  };
}

const savedRow = preparedFor((db) =>
  db
    .select({ albumId: schema.savedAlbum.albumId })
    .from(schema.savedAlbum)
    .where(
      and(
        eq(schema.savedAlbum.userId, sql.placeholder("userId")),
        eq(schema.savedAlbum.albumId, sql.placeholder("albumId")),
      ),
    )
    .prepare("album_saved"),
);

async function isSaved(db: Db, userId: string, albumId: string): Promise<boolean> {
  return (await savedRow(db).execute({ userId, albumId })).length > 0;
}

export async function getAlbum(
  { db, cache }: { db: Db; cache: Cache },
  albumId: string,
  viewer: Viewer,
  now = new Date(),
): Promise<AlbumView> {
  const [record, saved] = await Promise.all([
    visibleAlbumRecord(db, cache, albumId, now),
    isSaved(db, viewer.listener.userId, albumId),
  ]);
  const tracks = await viewTracksOf(db, record.tracks, viewer, now);
  return {
    ...summaryOfRecord(record),
    label: record.label,
    kind: kindOf(tracks),
    trackCount: tracks.length,
    durationMs: tracks.reduce((sum, track) => sum + track.durationMs, 0),
    tracks,
    saved,
  };
}

const addedKey = z.tuple([cursorParts.micros, cursorParts.uuid]);

/** Every visible album, most recently added first. */
export async function listAlbums(
  db: Db,
  page: { limit: number; cursor?: string | null | undefined },
  now = new Date(),
): Promise<{ albums: AlbumSummary[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor("albums", page.cursor, addedKey) : null;
  const added = epochMicros(schema.album.createdAt);
  const rows = await db
    .select({ ...summaryColumns, added })
    .from(schema.album)
    .innerJoin(schema.artist, eq(schema.artist.id, schema.album.artistId))
    .where(
      and(
        hasVisibleTrack(now),
        after
          ? sql`(${added}::bigint, ${schema.album.id}) < (${after[0]}::bigint, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(schema.album.createdAt), desc(schema.album.id))
    .limit(page.limit + 1);
  const { items, nextCursor }: Page<AlbumSummary> = pageOf(
    rows,
    page.limit,
    (row) => encodeCursor("albums", [row.added, row.id]),
    toAlbumSummary,
  );
  return { albums: items, nextCursor };
}
