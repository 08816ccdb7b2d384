import { rowsOf, sql } from "@cadence/db";
import type { Db } from "@cadence/db";
import { progressReporter } from "@cadence/progress";
import type { ProgressOptions, ProgressReporter } from "@cadence/progress";

import { loadDocuments } from "./documents";
import { searchEngine } from "./engine";
import { countWords } from "./postgres/store";
import { SEARCH_KINDS } from "./types";
import type { SearchKind } from "./types";

export interface RebuildProgress {
  kind: SearchKind;
  done: number;
  total: number;
}

const TABLES: Record<SearchKind, string> = {
  track: "track",
  album: "album",
  artist: "artist",
  playlist: "playlist",
  profile: "profile",
};

/** Rebuilds the whole index from the tables, a keyset batch at a time, reporting as it goes. */
export async function rebuildIndex(
  db: Db,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  batchSize = 2000,
): Promise<{ documents: number }> {
  const engine = searchEngine(db);
  await engine.clear();
  let documents = 0;
  for (const kind of SEARCH_KINDS) {
    const [counted] = await rowsOf<{ n: number | string }>(
      db,
      sql`select count(*) as n from ${sql.identifier(TABLES[kind])}`,
    );
    const total = Number(counted?.n ?? 0);
    let after: string | null = null;
    let done = 0;
    onProgress({ kind, done, total });
    for (;;) {
      const lastId = await lastIdOfBatch(db, kind, after, batchSize);
      if (!lastId) break;
      const docs = await loadDocuments(db, kind, { after, through: lastId });
      await engine.upsert(docs);
      documents += docs.length;
      done = Math.min(total, done + batchSize);
      after = lastId;
      onProgress({ kind, done, total });
    }
    if (done < total) onProgress({ kind, done: total, total });
  }
  if (engine.name === "postgres") await countWords(db);
  return { documents };
}

/** A rebuild's progress for people: one bar (or line every 5 s) per kind of document. */
export function rebuildReporter(options: ProgressOptions = {}): (progress: RebuildProgress) => void {
  let kind: SearchKind | null = null;
  let reporter: ProgressReporter | null = null;
  return ({ kind: current, done, total }) => {
    if (current !== kind || !reporter) {
      reporter?.finish();
      kind = current;
      reporter = progressReporter(`search index: ${current}s`, options);
    }
    reporter.update(done, total);
  };
}

/**
 * The id that ends this batch among all rows of the table, documents or not: a batch whose
 * rows are all retired has no documents but must not end the walk.
 */
async function lastIdOfBatch(
  db: Db,
  kind: SearchKind,
  after: string | null,
  size: number,
): Promise<string | null> {
  const column = kind === "profile" ? sql`user_id` : sql`id`;
  const [row] = await rowsOf<{ id: string | null }>(
    db,
    sql`select id::text as id from (select ${column} as id from ${sql.identifier(TABLES[kind])}
      ${after ? sql`where ${column} > ${after}::uuid` : sql``} order by ${column} limit ${size}) b
      order by id desc limit 1`,
  );
  return row?.id ?? null;
}

/**
 * Whether the catalog has tracks the index has never seen: a database from before search, or an
 * index lost. The start script rebuilds then.
 */
export async function indexIsMissing(db: Db): Promise<boolean> {
  const [row] = await rowsOf<{ missing: boolean }>(
    db,
    sql`select exists (select 1 from track where retired_at is null)
      and not exists (select 1 from search_document where kind = 'track') as missing`,
  );
  return row?.missing ?? false;
}
