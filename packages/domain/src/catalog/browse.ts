import { cached } from "@cadence/cache";
import type { Cache } from "@cadence/cache";
import { and, asc, count, eq, gt, isNotNull, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";
import { z } from "zod";

import { AppError } from "../errors";
import { cursorParts, decodeCursor, encodeCursor, pageOf } from "../pagination";
import type { Page } from "../pagination";
import { albumsByRelease } from "./album-list";
import type { AlbumSummary } from "./album-list";
import { CATALOG_TTL_SECONDS, catalogKeys } from "./cache-keys";
import { coverUrl } from "./track-view";
import { hasVisibleTrack } from "./visibility";

/** Browsing the catalog by genre and by release: lists every listener sees alike. */

export interface Genre {
  name: string;
  albumCount: number;
  /** The cover of its newest album that has one. */
  coverUrl: string | null;
}

type Services = { db: Db; cache: Cache };
type PageInput = { limit: number; cursor?: string | null | undefined };

/** First pages are hot (home, the first screen of each page) and cached; later ones are not. */
function firstPageCached<T>(
  cache: Cache,
  list: string,
  input: PageInput,
  load: () => Promise<Page<T>>,
): Promise<Page<T>> {
  if (input.cursor) return load();
  return cached(cache, catalogKeys.firstPage(list, input.limit), CATALOG_TTL_SECONDS.firstPage, load);
}

const genreKey = z.tuple([cursorParts.text]);

/** Genres of visible albums, by name, each with its album count and a cover. */
export function listGenres(
  { db, cache }: Services,
  input: PageInput,
  now = new Date(),
): Promise<Page<Genre>> {
  return firstPageCached(cache, "genres", input, async () => {
    const after = input.cursor ? decodeCursor("genres", input.cursor, genreKey) : null;
    const genre = schema.album.genre;
    const rows = await db
      .select({
        name: sql<string>`${genre}`,
        albumCount: count(),
        coverPath: sql<string | null>`(array_agg(${schema.album.coverPath}
          order by ${schema.album.releaseDate} desc nulls last, ${schema.album.id} desc)
          filter (where ${schema.album.coverPath} is not null))[1]`,
      })
      .from(schema.album)
      .where(and(isNotNull(genre), hasVisibleTrack(now), after ? gt(genre, after[0]) : undefined))
      .groupBy(genre)
      .orderBy(asc(genre))
      .limit(input.limit + 1);
    return pageOf(
      rows,
      input.limit,
      (row) => encodeCursor("genres", [row.name]),
      (row) => ({ name: row.name, albumCount: row.albumCount, coverUrl: coverUrl(row) }),
    );
  });
}

/** A genre's visible albums, newest release first; NOT_FOUND for a genre with none. */
export async function genreAlbums(
  { db, cache }: Services,
  input: PageInput & { genre: string },
  now = new Date(),
): Promise<Page<AlbumSummary>> {
  const list = `genre:${input.genre}`;
  const page = await firstPageCached(cache, list, input, () =>
    albumsByRelease(db, {
      list,
      where: and(eq(schema.album.genre, input.genre), hasVisibleTrack(now)),
      limit: input.limit,
      cursor: input.cursor,
      undated: true,
    }),
  );
  if (!input.cursor && page.items.length === 0) throw new AppError("NOT_FOUND", "Genre not found");
  return page;
}

/** Visible albums by release date, newest first; albums without a date are not "new". */
export function newReleases(
  { db, cache }: Services,
  input: PageInput,
  now = new Date(),
): Promise<Page<AlbumSummary>> {
  return firstPageCached(cache, "new-releases", input, () =>
    albumsByRelease(db, {
      list: "new-releases",
      where: hasVisibleTrack(now),
      limit: input.limit,
      cursor: input.cursor,
      undated: false,
    }),
  );
}
