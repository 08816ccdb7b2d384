import { sql, uuidArray } from "@cadence/db";
import type { Db } from "@cadence/db";

import type { SearchDoc, SearchKind } from "../types";

/**
 * Writes to search_document. Text is normalised by search_norm (the migration's function) on
 * the way in, so the index and the queries compare text the same way; the words of every title
 * and name go to search_word, where misspelt query words look for what they meant.
 */
export async function upsertDocuments(db: Db, docs: readonly SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const payload = JSON.stringify(
    docs.map((d) => ({
      kind: d.kind,
      id: d.id,
      title: d.title,
      context: d.context,
      extra: d.extra,
      popularity: d.popularity,
      genre: d.genre,
      year: d.year,
      is_public: d.isPublic,
      owner_id: d.ownerId,
    })),
  );
  await db.execute(sql`
    insert into search_document (kind, id, title, context, extra, popularity, genre, year, is_public, owner_id)
    select x.kind, x.id, search_norm(x.title), search_norm(x.context), search_norm(x.extra),
      x.popularity, x.genre, x.year, x.is_public, x.owner_id
    from jsonb_to_recordset(${payload}::jsonb) as x(kind text, id uuid, title text, context text,
      extra text, popularity real, genre text, year smallint, is_public boolean, owner_id uuid)
    on conflict (kind, id) do update set title = excluded.title, context = excluded.context,
      extra = excluded.extra, popularity = excluded.popularity, genre = excluded.genre,
      year = excluded.year, is_public = excluded.is_public, owner_id = excluded.owner_id`);
  await db.execute(sql`
    insert into search_word (word)
    select distinct w from jsonb_to_recordset(${payload}::jsonb) as x(title text, context text, extra text),
      regexp_split_to_table(search_norm(x.title || ' ' || x.context || ' ' || x.extra), ' ') as w
    where length(w) between 2 and 40
    on conflict (word) do nothing`);
}

export async function removeDocuments(db: Db, kind: SearchKind, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`delete from search_document where kind = ${kind} and id = any(${uuidArray(ids)})`);
}

export async function clearDocuments(db: Db): Promise<void> {
  await db.execute(sql`truncate search_document, search_word`);
}

/** After a rebuild: how many documents use each word, so the likelier of two corrections wins. */
export async function countWords(db: Db): Promise<void> {
  await db.execute(sql`
    update search_word w set documents = s.ndoc
    from ts_stat('select document from search_document') s
    where s.word = w.word`);
}
