import type { Cache } from "@cadence/cache";
import { eq, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";
import { summaryOfRecord, visibleAlbumRecord } from "./album";
import type { AlbumSummary } from "./album-list";
import { viewTracksOf } from "./track-view";
import type { CatalogTrack, Viewer } from "./track-view";

export interface TrackView {
  track: CatalogTrack;
  album: AlbumSummary & { label: string | null };
  /** The album's other visible tracks, in album order. */
  moreFromAlbum: CatalogTrack[];
}

/** One track with its album, read through the album's cached record. */
export async function getTrack(
  { db, cache }: { db: Db; cache: Cache },
  trackId: string,
  viewer: Viewer,
  now = new Date(),
): Promise<TrackView> {
  const notFound = new AppError("NOT_FOUND", "Track not found");
  const [row] = await db
    .select({ albumId: schema.track.albumId })
    .from(schema.track)
    .where(eq(schema.track.id, trackId));
  if (!row) throw notFound;
  const record = await visibleAlbumRecord(db, cache, row.albumId, now).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "NOT_FOUND" ? notFound : error;
  });
  const tracks = await viewTracksOf(db, record.tracks, viewer, now);
  // Retired and unreleased tracks are not in the visible record: they do not exist.
  const track = tracks.find((candidate) => candidate.id === trackId);
  if (!track) throw notFound;
  return {
    track,
    album: { ...summaryOfRecord(record), label: record.label },
    moreFromAlbum: tracks.filter((candidate) => candidate.id !== trackId),
  };
}
