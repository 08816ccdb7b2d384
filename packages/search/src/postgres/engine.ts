import type { Db } from "@cadence/db";

import type { SearchDoc, SearchEngine, SearchKind, SearchRequest, SearchResponse } from "../types";
import { emptyHits } from "../types";
import { planQuery } from "./plan";
import { queryDocuments } from "./query";
import { clearDocuments, removeDocuments, upsertDocuments } from "./store";

/**
 * The default engine: full-text search and trigrams inside the app's own database (Postgres, or
 * PGlite embedded; both run the same migration and the same SQL).
 */
export class PostgresSearch implements SearchEngine {
  readonly name = "postgres";

  constructor(private readonly db: Db) {}

  upsert(docs: readonly SearchDoc[]): Promise<void> {
    return upsertDocuments(this.db, docs);
  }

  remove(kind: SearchKind, ids: readonly string[]): Promise<void> {
    return removeDocuments(this.db, kind, ids);
  }

  clear(): Promise<void> {
    return clearDocuments(this.db);
  }

  async query(request: SearchRequest): Promise<SearchResponse> {
    const plan = await planQuery(this.db, request.query);
    if (!plan) return { hits: emptyHits(), corrected: null, facets: { genres: [], years: [] } };
    return queryDocuments(this.db, request, plan);
  }
}
