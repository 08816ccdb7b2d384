import { preparedFor, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { UNAVAILABLE } from "./rights";
import { trackColumns, trackRecordOf, trackWith, viewTracksOf } from "./track-view";
import type { CatalogTrack, Viewer } from "./track-view";

// The ids as one uuid[] parameter (uuidArray's form): one statement for any number of them.
const tracksRows = preparedFor((db) =>
  db.query.track
    .findMany({
      columns: trackColumns,
      where: sql`${schema.track.id} = any(${sql.placeholder("ids")}::uuid[])`,
      with: { ...trackWith, album: { columns: { id: true, title: true, coverPath: true } } },
    })
    .prepare("tracks_by_id"),
);

/** The rows records are made of, with each track's album, in no particular order. */
export function trackRowsById(db: Db, ids: readonly string[]) {
  return tracksRows(db).execute({ ids: `{${[...new Set(ids)].join(",")}}` });
}

/**
 * Tracks by id as this viewer sees them, for lists that name tracks one by one (a playlist, search
 * results). Retired tracks stay, shown unavailable; unreleased ones are left out.
 */
export async function tracksById(db: Db, ids: string[], viewer: Viewer): Promise<Map<string, CatalogTrack>> {
  if (ids.length === 0) return new Map();
  const rows = await trackRowsById(db, ids);
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
