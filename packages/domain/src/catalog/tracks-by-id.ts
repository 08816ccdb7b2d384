import { preparedFor, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { UNAVAILABLE } from "./rights";
import { trackColumns, trackRecordOf, trackWith, viewTracksOf } from "./track-view";
import type { CatalogTrack, TrackRecord, Viewer } from "./track-view";

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

/** A track's shared record, and whether it is retired (a list that names it still shows it). */
export interface ListedRecord {
  record: TrackRecord;
  retired: boolean;
}

/** The shared records of tracks by id (JSON, so they can be cached), in no particular order. */
export async function listedRecords(db: Db, ids: readonly string[]): Promise<ListedRecord[]> {
  if (ids.length === 0) return [];
  const rows = await trackRowsById(db, ids);
  return rows.map((row) => ({ record: trackRecordOf(row, row.album), retired: row.retiredAt !== null }));
}

/**
 * Records as this viewer sees them, by id, for lists that name tracks one by one (a playlist,
 * search results). Retired tracks stay, shown unavailable; unreleased ones are left out.
 */
export async function viewListed(
  db: Db,
  listed: readonly ListedRecord[],
  viewer: Viewer,
): Promise<Map<string, CatalogTrack>> {
  const retired = new Set(listed.filter((l) => l.retired).map((l) => l.record.facts.id));
  const tracks = (
    await viewTracksOf(
      db,
      listed.map((l) => l.record),
      viewer,
    )
  ).map((track) =>
    retired.has(track.id)
      ? { ...track, playable: false, unavailableReason: UNAVAILABLE.retired, stream: null }
      : track,
  );
  return new Map(tracks.map((track) => [track.id, track]));
}

/** Tracks by id as this viewer sees them (`listedRecords`, then `viewListed`). */
export async function tracksById(db: Db, ids: string[], viewer: Viewer): Promise<Map<string, CatalogTrack>> {
  return viewListed(db, await listedRecords(db, ids), viewer);
}
