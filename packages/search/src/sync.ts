import type { Db } from "@cadence/db";

import { loadDocuments } from "./documents";
import { searchEngine } from "./engine";
import type { SearchKind } from "./types";

/**
 * Brings the index in line with the tables for these ids, after a write: documents that exist
 * are (re)written, ids without one (deleted, retired, disabled) are removed. Call it with the
 * same handle (or transaction) as the write, so the Postgres index commits with it.
 */
export async function reindex(db: Db, kind: SearchKind, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const engine = searchEngine(db);
  const docs = await loadDocuments(db, kind, { ids: unique });
  const found = new Set(docs.map((d) => d.id));
  await engine.upsert(docs);
  await engine.remove(
    kind,
    unique.filter((id) => !found.has(id)),
  );
}

/** Removes documents whose rows are gone (a deleted playlist). */
export async function unindex(db: Db, kind: SearchKind, ids: readonly string[]): Promise<void> {
  await searchEngine(db).remove(kind, ids);
}
