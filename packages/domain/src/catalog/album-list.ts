import { and, desc, eq, inArray, isNull, lt, or, schema, sql } from "@cadence/db";
import type { Db, SQL } from "@cadence/db";
import { z } from "zod";

import { cursorParts, decodeCursor, encodeCursor, pageOf } from "../pagination";
import type { Page } from "../pagination";
import { coverUrl } from "./track-view";

/** An album as lists and shelves show it. */
export interface AlbumSummary {
  id: string;
  title: string;
  artist: { id: string; name: string };
  /** ISO date ("2021-03-19"); tags that name only a year are stored as its first day. */
  releaseDate: string | null;
  releaseYear: number | null;
  genre: string | null;
  coverUrl: string | null;
}

/** The columns a summary is made of; select them beside an inner join of the album's artist. */
export const summaryColumns = {
  id: schema.album.id,
  title: schema.album.title,
  releaseDate: schema.album.releaseDate,
  genre: schema.album.genre,
  coverPath: schema.album.coverPath,
  artistId: schema.artist.id,
  artistName: schema.artist.name,
};

type SummaryRow = {
  id: string;
  title: string;
  releaseDate: string | null;
  genre: string | null;
  coverPath: string | null;
  artistId: string;
  artistName: string;
};

export function toAlbumSummary(row: SummaryRow): AlbumSummary {
  return {
    id: row.id,
    title: row.title,
    artist: { id: row.artistId, name: row.artistName },
    releaseDate: row.releaseDate,
    releaseYear: row.releaseDate ? Number(row.releaseDate.slice(0, 4)) : null,
    genre: row.genre,
    coverUrl: coverUrl(row),
  };
}

/** Summaries of the given albums, in the given order (missing ones left out). */
export async function summariesOf(db: Db, albumIds: readonly string[]): Promise<AlbumSummary[]> {
  if (albumIds.length === 0) return [];
  const rows = await db
    .select(summaryColumns)
    .from(schema.album)
    .innerJoin(schema.artist, eq(schema.artist.id, schema.album.artistId))
    .where(inArray(schema.album.id, [...albumIds]));
  const byId = new Map(rows.map((row) => [row.id, toAlbumSummary(row)]));
  return albumIds.flatMap((id) => byId.get(id) ?? []);
}

const releaseKey = z.tuple([cursorParts.date, cursorParts.uuid]);

export interface ReleasePageOptions {
  /** Names the list in its cursors: a cursor is only good for the list that made it. */
  list: string;
  where: SQL | undefined;
  limit: number;
  cursor?: string | null | undefined;
  /** Albums without a release date come last; without this they are left out. */
  undated: boolean;
}

/**
 * A page of albums, newest release first, id breaking ties. Keyset on (release_date, id): an
 * album added or removed between two pages neither repeats nor hides another.
 */
export async function albumsByRelease(db: Db, options: ReleasePageOptions): Promise<Page<AlbumSummary>> {
  const { list, limit, undated } = options;
  const after = options.cursor ? decodeCursor(list, options.cursor, releaseKey) : null;
  const date = schema.album.releaseDate;
  let position: SQL | undefined;
  if (after) {
    const [day, id] = after;
    position =
      day === null
        ? and(isNull(date), lt(schema.album.id, id))
        : or(
            sql`(${date}, ${schema.album.id}) < (${day}::date, ${id}::uuid)`,
            undated ? isNull(date) : undefined,
          );
  }
  const rows = await db
    .select(summaryColumns)
    .from(schema.album)
    .innerJoin(schema.artist, eq(schema.artist.id, schema.album.artistId))
    .where(and(options.where, undated ? undefined : sql`${date} is not null`, position))
    // Without undated albums a plain descending order walks album_release_idx backwards.
    .orderBy(undated ? sql`${date} desc nulls last` : desc(date), desc(schema.album.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (row) => encodeCursor(list, [row.releaseDate, row.id]), toAlbumSummary);
}

/** A timestamp as a cursor keeps it (see `cursorParts.micros`). */
export const epochMicros = (column: SQL | typeof schema.album.createdAt) =>
  sql<string>`(extract(epoch from ${column}) * 1000000)::bigint::text`;
