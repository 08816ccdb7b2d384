import { inArray, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

import { UNAVAILABLE } from "./rights";
import { trackRecordOf, trackWith, viewTracksOf } from "./track-view";
import type { CatalogTrack, Viewer } from "./track-view";

/**
 * Tracks by id as this viewer sees them, for lists that name tracks one by one (a playlist, search
 * results). Retired tracks stay, shown unavailable; unreleased ones are left out.
 */
export async function tracksById(db: Db, ids: string[], viewer: Viewer): Promise<Map<string, CatalogTrack>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query.track.findMany({
    where: inArray(schema.track.id, [...new Set(ids)]),
    with: { ...trackWith, album: { columns: { id: true, title: true, coverPath: true } } },
  });
  const retired = new Set(rows.filter((row) => row.retiredAt).map((row) => row.id));
  const tracks = (
    await viewTracksOf(
      db,
      rows.map((row) => trackRecordOf(row, row.album)),
      viewer,
    )
  ).map((track) =>
    retired.has(track.id)
      ? { ...track, playable: false, unavailableReason: UNAVAILABLE.retired, stream: null }
      : track,
  );
  return new Map(tracks.map((track) => [track.id, track]));
}
