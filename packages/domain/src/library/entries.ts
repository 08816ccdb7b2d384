import { and, asc, count, desc, eq, isNotNull, max, or, schema, sql } from "@cadence/db";
import type { Db, SQL } from "@cadence/db";

import { coverUrl } from "../catalog/track-view";
import { hasVisibleTrack, visibleTrack } from "../catalog/visibility";
import { decodeCursor, encodeCursor, timeKey } from "./cursor";
import type { CursorPart } from "./cursor";
import { playlistCovers } from "./playlist-covers";

export type LibraryEntryKind = "playlist" | "album" | "artist" | "liked";
export type LibraryFilter = Exclude<LibraryEntryKind, "liked">;
export type LibrarySort = "recent" | "alphabetical" | "creator";

/** One tile of the library page: a playlist, a saved album, a followed artist or Liked Songs. */
export interface LibraryEntry {
  kind: LibraryEntryKind;
  id: string;
  name: string;
  subtitle: string;
  imageUrls: string[];
  addedAt: Date | null;
}

export interface LibraryPage {
  kind?: LibraryFilter | undefined;
  sort: LibrarySort;
  limit: number;
  cursor?: string | null | undefined;
}

/** Liked Songs is not a row anywhere: its entry has this id and leads to /collection/tracks. */
export const LIKED_SONGS_ID = "liked";

// Sorts compare at most this many characters of a name: the keys stay short enough for a cursor.
const SORT_CHARS = 100;

type Branches = ReturnType<typeof branches>;

/** Each kind of entry as the same columns, so they can be one union, sorted and paged as one. */
function branches(db: Db, userId: string, now: Date) {
  const p = schema.playlist;
  const c = schema.playlistCollaborator;
  const entry = (kind: LibraryFilter, id: SQL, name: SQL, creator: SQL, addedAt: SQL, cover: SQL) => ({
    kind: sql<LibraryFilter>`${kind}::text`.as("kind"),
    id: sql<string>`${id}::text`.as("id"),
    name: sql<string>`${name}`.as("name"),
    creator: sql<string>`${creator}`.as("creator"),
    addedAt: sql<string>`${addedAt}`.as("added_at"),
    addedKey: timeKey(addedAt).as("added_key"),
    coverPath: sql<string | null>`${cover}`.as("cover_path"),
  });
  return {
    // Mine and the ones I edit; "added" is when I made it or joined it.
    playlist: () =>
      db
        .select(
          entry(
            "playlist",
            sql`${p.id}`,
            sql`${p.name}`,
            sql`${schema.profile.displayName}`,
            sql`coalesce(${c.addedAt}, ${p.createdAt})`,
            sql`null::text`,
          ),
        )
        .from(p)
        .innerJoin(schema.profile, eq(schema.profile.userId, p.ownerId))
        .leftJoin(c, and(eq(c.playlistId, p.id), eq(c.userId, userId)))
        .where(or(eq(p.ownerId, userId), isNotNull(c.userId))),
    album: () =>
      db
        .select(
          entry(
            "album",
            sql`${schema.album.id}`,
            sql`${schema.album.title}`,
            sql`${schema.artist.name}`,
            sql`${schema.savedAlbum.savedAt}`,
            sql`${schema.album.coverPath}`,
          ),
        )
        .from(schema.savedAlbum)
        .innerJoin(schema.album, eq(schema.album.id, schema.savedAlbum.albumId))
        .innerJoin(schema.artist, eq(schema.artist.id, schema.album.artistId))
        .where(and(eq(schema.savedAlbum.userId, userId), hasVisibleTrack(now))),
    // The picture is the newest released album's cover, as on the artist's page.
    artist: () =>
      db
        .select(
          entry(
            "artist",
            sql`${schema.artist.id}`,
            sql`${schema.artist.name}`,
            sql`${schema.artist.name}`,
            sql`${schema.artistFollow.followedAt}`,
            sql`(select a.cover_path from album a where a.artist_id = ${schema.artist.id}
              and a.cover_path is not null and exists (select 1 from track v where v.album_id = a.id
                and v.retired_at is null
                and (v.available_from is null or v.available_from <= ${now.toISOString()}::timestamptz))
              order by a.release_date desc limit 1)`,
          ),
        )
        .from(schema.artistFollow)
        .innerJoin(schema.artist, eq(schema.artist.id, schema.artistFollow.artistId))
        .where(eq(schema.artistFollow.userId, userId)),
  };
}

function union(all: Branches, kind: LibraryFilter | undefined) {
  if (kind) return all[kind]().as("entry");
  return all.playlist().unionAll(all.album()).unionAll(all.artist()).as("entry");
}

type Entries = ReturnType<typeof union>;

/**
 * Each sort as one direction over a tuple ending in (kind, id), so ties are broken the same way
 * every time and a page starts strictly after the last row of the one before: every entry is
 * listed exactly once.
 */
function ordering(entries: Entries, sort: LibrarySort) {
  const nameKey = sql<string>`lower(left(${entries.name}, ${sql.raw(String(SORT_CHARS))}))`;
  const creatorKey = sql<string>`lower(left(${entries.creator}, ${sql.raw(String(SORT_CHARS))}))`;
  const tie = [entries.kind, entries.id];
  if (sort === "recent") {
    return {
      keys: [sql`${entries.addedAt}`, ...tie.map((t) => sql`${t}`)],
      cursorParts: ["time", "text", "uuid"] as CursorPart[],
      casts: ["timestamptz", "text", "text"],
      descending: true,
      keyOf: (row: EntryRow) => [row.addedKey, row.kind, row.id],
    };
  }
  const names = sort === "alphabetical" ? [nameKey] : [creatorKey, nameKey];
  return {
    keys: [...names, ...tie.map((t) => sql`${t}`)],
    cursorParts: [...names.map(() => "text"), "text", "uuid"] as CursorPart[],
    casts: [...names.map(() => "text"), "text", "text"],
    descending: false,
    keyOf: (row: EntryRow) => [
      ...(sort === "creator" ? [row.creatorKey] : []),
      row.nameKey,
      row.kind,
      row.id,
    ],
  };
}

interface EntryRow {
  kind: LibraryFilter;
  id: string;
  name: string;
  creator: string;
  addedKey: string;
  coverPath: string | null;
  nameKey: string;
  creatorKey: string;
}

const subtitles: Record<LibraryFilter, (creator: string) => string> = {
  playlist: (creator) => `Playlist · ${creator}`,
  album: (creator) => `Album · ${creator}`,
  artist: () => "Artist",
};

/**
 * The library page: my playlists (owned and collaborating), saved albums and followed artists,
 * filtered by kind and sorted. Liked Songs is pinned before the first page (when playlists are
 * shown), outside the sort and the page size.
 */
export async function libraryEntries(
  db: Db,
  userId: string,
  page: LibraryPage,
  now = new Date(),
): Promise<{ items: LibraryEntry[]; nextCursor: string | null }> {
  const entries = union(branches(db, userId, now), page.kind);
  const order = ordering(entries, page.sort);
  const after = page.cursor ? decodeCursor(page.cursor, order.cursorParts) : null;
  const tuple = sql.join(order.keys, sql`, `);
  const afterTuple = after
    ? sql.join(
        after.map((value, i) => sql`${value}::${sql.raw(order.casts[i] ?? "text")}`),
        sql`, `,
      )
    : null;
  const rows: EntryRow[] = await db
    .select({
      kind: entries.kind,
      id: entries.id,
      name: entries.name,
      creator: entries.creator,
      addedKey: entries.addedKey,
      coverPath: entries.coverPath,
      nameKey: sql<string>`lower(left(${entries.name}, ${sql.raw(String(SORT_CHARS))}))`,
      creatorKey: sql<string>`lower(left(${entries.creator}, ${sql.raw(String(SORT_CHARS))}))`,
    })
    .from(entries)
    .where(afterTuple ? sql`(${tuple}) ${sql.raw(order.descending ? "<" : ">")} (${afterTuple})` : undefined)
    .orderBy(...order.keys.map((key) => (order.descending ? desc(key) : asc(key))))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const covers = await playlistCovers(
    db,
    pageRows.filter((row) => row.kind === "playlist").map((row) => row.id),
  );
  const items: LibraryEntry[] = pageRows.map((row) => ({
    kind: row.kind,
    id: row.id,
    name: row.name,
    subtitle: subtitles[row.kind](row.creator),
    imageUrls:
      row.kind === "playlist"
        ? (covers.get(row.id) ?? [])
        : [coverUrl({ coverPath: row.coverPath })].filter((url) => url !== null),
    addedAt: new Date(row.addedKey),
  }));
  const pinned = !page.cursor && (!page.kind || page.kind === "playlist");
  const last = pageRows.at(-1);
  return {
    items: pinned ? [await likedSongsEntry(db, userId, now), ...items] : items,
    nextCursor: rows.length > page.limit && last ? encodeCursor(order.keyOf(last)) : null,
  };
}

async function likedSongsEntry(db: Db, userId: string, now: Date): Promise<LibraryEntry> {
  const like = schema.trackLike;
  const [row] = await db
    .select({ songs: count(), latest: max(like.likedAt) })
    .from(like)
    .innerJoin(schema.track, eq(schema.track.id, like.trackId))
    .where(and(eq(like.userId, userId), visibleTrack(now)));
  const songs = row?.songs ?? 0;
  return {
    kind: "liked",
    id: LIKED_SONGS_ID,
    name: "Liked Songs",
    subtitle: `Playlist · ${songs} ${songs === 1 ? "song" : "songs"}`,
    imageUrls: [],
    addedAt: row?.latest ?? null,
  };
}
