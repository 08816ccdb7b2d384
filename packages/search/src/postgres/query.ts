import { rowsOf, sql } from "@cadence/db";
import type { Db, SQL } from "@cadence/db";

import type { FacetCount, SearchKind, SearchRequest, SearchResponse } from "../types";
import { emptyHits } from "../types";
import type { QueryPlan } from "./plan";
import { lookupQueryOf, tsqueryOf } from "./plan";

/**
 * Ranking, in one place: the text match (title weighs 1, artists 0.4, album 0.2: ts_rank's
 * default weights), a bonus when the title is the query (1) or starts with it (0.4), a small
 * lean towards artists, then tracks, then albums when all else is equal (a listener typing a
 * name most often means the artist), all scaled up by popularity on a log scale, so a popular
 * namesake outranks an obscure one without drowning a better match.
 */
const POPULARITY_WEIGHT = 0.15;
const FACET_LIMIT = 12;

/**
 * Past about this many matches, ranking every one costs more than a listener waits (fetching
 * 35,000 rows for "love" in a million tracks takes ~450 ms). A broad query then ranks the
 * popular head of the index (popularity >= HEAD_POPULARITY, its own partial index) plus every
 * exact title match, best known first: what a listener typing a common word is after.
 */
export const BROAD_MATCHES = 1200;
/** The literal of the partial index search_document_head_idx (migration 0006). */
const HEAD_POPULARITY = sql.raw("5");
const EXACT_TITLES = 100;

interface Row {
  part: "hit" | "genre" | "year";
  kind: SearchKind | null;
  id: string | null;
  score: number | string;
  value: string | null;
}

/** Which documents the request may match: its kinds and facets, and playlists the viewer may see. */
function filters(request: SearchRequest): SQL {
  const parts: SQL[] = [sql`d.kind = any(${`{${request.kinds.join(",")}}`}::text[])`];
  if (request.genre !== undefined) parts.push(sql`d.genre = ${request.genre}`);
  if (request.year !== undefined) parts.push(sql`d.year = ${request.year}`);
  parts.push(sql`(d.kind <> 'playlist' or d.is_public or d.owner_id = ${request.viewerId}::uuid
    or exists (select 1 from playlist_collaborator c
      where c.playlist_id = d.id and c.user_id = ${request.viewerId}::uuid))`);
  return sql.join(parts, sql` and `);
}

const columns = sql`d.kind, d.id, d.title, d.document, d.popularity, d.genre, d.year`;

/**
 * The text match. With common words in the query, the index is asked for the others (q.lookup)
 * and the whole query is checked on the rows it finds: ts_match_vq, the function behind @@, is
 * not something an index can answer, so the planner does not read the common word's long
 * posting list ("the" is in 40% of a catalog) to intersect it.
 */
const textMatch = (plan: QueryPlan): SQL =>
  lookupQueryOf(plan) === null
    ? sql`d.document @@ q.tsq`
    : sql`d.document @@ q.lookup and ts_match_vq(d.document, q.tsq)`;

/** The matching documents: all of them, or for a broad query the head and exact titles. */
function found(request: SearchRequest, plan: QueryPlan, phrase: string): SQL {
  if (plan.estimate <= BROAD_MATCHES) {
    return sql`select ${columns} from search_document d, q where ${textMatch(plan)} and ${filters(request)}`;
  }
  return sql`
    (select ${columns} from search_document d, q
      where ${textMatch(plan)} and d.popularity >= ${HEAD_POPULARITY} and ${filters(request)})
    union all
    (select ${columns} from search_document d
      where d.title = ${phrase} and ${filters(request)}
      order by d.popularity desc nulls last limit ${EXACT_TITLES})`;
}

export async function queryDocuments(
  db: Db,
  request: SearchRequest,
  plan: QueryPlan,
): Promise<SearchResponse> {
  const phrase = plan.corrected ?? plan.norm;
  const rows = await rowsOf<Row>(
    db,
    sql`
      with q as (select to_tsquery('simple', ${tsqueryOf(plan)}) as tsq,
        to_tsquery('simple', ${lookupQueryOf(plan) ?? ""}) as lookup),
      found as (${found(request, plan, phrase)}),
      matches as (
        select distinct on (d.kind, d.id) d.kind, d.id, d.genre, d.year,
          (ts_rank(d.document, q.tsq)
            + case when d.title = ${phrase} then 1.0 when d.title like ${phrase} || '%' then 0.4 else 0 end
            + case d.kind when 'artist' then 0.15 when 'track' then 0.1 when 'album' then 0.05 else 0 end)
            * (1 + ln(1 + d.popularity) * ${POPULARITY_WEIGHT}) as score
        from found d, q
      ),
      ranked as (
        select kind, id, score, row_number() over (partition by kind order by score desc, id) as rn
        from matches
      )
      select 'hit' as part, kind, id::text as id, score, null as value from ranked
        where rn <= ${request.offset + request.limit + 1}
      union all
      (select 'genre', null, null, count(*), genre from matches
        where kind in ('track', 'album') and genre is not null
        group by genre order by count(*) desc, genre limit ${FACET_LIMIT})
      union all
      (select 'year', null, null, count(*), year::text from matches
        where kind in ('track', 'album') and year is not null
        group by year order by count(*) desc, year desc limit ${FACET_LIMIT})`,
  );
  const hits = emptyHits();
  const genres: FacetCount[] = [];
  const years: FacetCount[] = [];
  for (const row of rows) {
    if (row.part === "hit" && row.kind && row.id) {
      hits[row.kind].push({ kind: row.kind, id: row.id, score: Number(row.score) });
    } else if (row.value !== null) {
      (row.part === "genre" ? genres : years).push({ value: row.value, count: Number(row.score) });
    }
  }
  for (const kind of request.kinds) {
    hits[kind] = hits[kind]
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(request.offset, request.offset + request.limit + 1);
  }
  return { hits, corrected: plan.corrected, facets: { genres, years } };
}
