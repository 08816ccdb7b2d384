import { rowsOf, sql, uuidArray } from "@cadence/db";
import type { Db, SQL } from "@cadence/db";

import type { SearchDoc, SearchKind } from "./types";

/**
 * The documents of the catalog and the library, read straight from their tables: for some ids
 * (the index following a write) or a keyset page of all of them (a rebuild). An id that has no
 * document (a retired track, a deleted playlist, a disabled listener) is simply not returned.
 *
 * Popularity: a play counts 1 (track_play_count, kept by a trigger), a like, save or follow 5 (a
 * deliberate act says more than a play).
 */
export type DocSelection = { ids: readonly string[] } | { after: string | null; through: string };

interface DocRow {
  id: string;
  title: string;
  context: string | null;
  extra: string | null;
  popularity: number | string | null;
  genre: string | null;
  year: number | null;
  is_public: boolean | null;
  owner_id: string | null;
  editor_ids: string[] | string | null;
}

const FOLLOW_WEIGHT = 5;

function where(column: SQL, selection: DocSelection): SQL {
  if ("ids" in selection) return sql`${column} = any(${uuidArray(selection.ids)})`;
  const upTo = sql`${column} <= ${selection.through}::uuid`;
  return selection.after ? sql`${column} > ${selection.after}::uuid and ${upTo}` : upTo;
}

const statements: Record<SearchKind, (s: DocSelection) => SQL> = {
  track: (s) => sql`
    select t.id, t.title,
      (select string_agg(ar.name, ' ' order by ta.position) from track_artist ta
        join artist ar on ar.id = ta.artist_id where ta.track_id = t.id) as context,
      al.title as extra,
      coalesce((select c.plays from track_play_count c where c.track_id = t.id), 0)
        + ${FOLLOW_WEIGHT} * (select count(*) from track_like tl where tl.track_id = t.id) as popularity,
      coalesce(t.genre, al.genre) as genre,
      extract(year from coalesce(t.release_date, al.release_date))::int as year
    from track t join album al on al.id = t.album_id
    where ${where(sql`t.id`, s)} and t.retired_at is null`,
  album: (s) => sql`
    select al.id, al.title, ar.name as context, '' as extra,
      (select coalesce(sum(c.plays), 0) from track_play_count c join track t on t.id = c.track_id
        where t.album_id = al.id)
        + ${FOLLOW_WEIGHT} * (select count(*) from saved_album sa where sa.album_id = al.id) as popularity,
      al.genre, extract(year from al.release_date)::int as year
    from album al join artist ar on ar.id = al.artist_id
    where ${where(sql`al.id`, s)}
      and exists (select 1 from track t where t.album_id = al.id and t.retired_at is null)`,
  artist: (s) => sql`
    select ar.id, ar.name as title, '' as context, '' as extra,
      (select coalesce(sum(c.plays), 0) from track_play_count c join track_artist ta on ta.track_id = c.track_id
        where ta.artist_id = ar.id)
        + ${FOLLOW_WEIGHT} * (select count(*) from artist_follow af where af.artist_id = ar.id) as popularity,
      null as genre, null::int as year
    from artist ar
    where ${where(sql`ar.id`, s)}
      and exists (select 1 from track_artist ta join track t on t.id = ta.track_id
        where ta.artist_id = ar.id and t.retired_at is null)`,
  playlist: (s) => sql`
    select p.id, p.name as title, pr.display_name as context, coalesce(p.description, '') as extra,
      (select count(*) from playlist_item pi where pi.playlist_id = p.id) as popularity,
      null as genre, null::int as year, p.is_public, p.owner_id,
      array(select pc.user_id::text from playlist_collaborator pc where pc.playlist_id = p.id) as editor_ids
    from playlist p join profile pr on pr.user_id = p.owner_id
    where ${where(sql`p.id`, s)}`,
  profile: (s) => sql`
    select pr.user_id as id, pr.display_name as title, pr.username as context, '' as extra,
      ${FOLLOW_WEIGHT} * (select count(*) from user_follow uf where uf.followee_id = pr.user_id) as popularity,
      null as genre, null::int as year
    from profile pr join "user" u on u.id = pr.user_id
    where ${where(sql`pr.user_id`, s)} and u.disabled_at is null`,
};

/** PGlite hands a text[] back as a Postgres array literal when it comes from array(...). */
function idList(value: DocRow["editor_ids"]): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean);
}

export async function loadDocuments(db: Db, kind: SearchKind, selection: DocSelection): Promise<SearchDoc[]> {
  if ("ids" in selection && selection.ids.length === 0) return [];
  const rows = await rowsOf<DocRow>(db, statements[kind](selection));
  return rows.map((row) => ({
    kind,
    id: row.id,
    title: row.title,
    context: row.context ?? "",
    extra: row.extra ?? "",
    popularity: Number(row.popularity ?? 0),
    genre: row.genre,
    year: row.year === null ? null : Number(row.year),
    isPublic: row.is_public ?? true,
    ownerId: row.owner_id ?? null,
    editorIds: idList(row.editor_ids),
  }));
}
