import type { Db } from "@cadence/db";

import { env } from "./env";
import { PostgresSearch } from "./postgres/engine";
import { TypesenseSearch } from "./typesense/engine";
import type { SearchEngine } from "./types";

let typesense: TypesenseSearch | null = null;

/**
 * The engine this install searches with: Typesense when TYPESENSE_URL is set, else the database
 * the app already has (the embedded default needs nothing more).
 */
export function searchEngine(db: Db): SearchEngine {
  if (!env.TYPESENSE_URL) return new PostgresSearch(db);
  if (!env.TYPESENSE_API_KEY) throw new Error("TYPESENSE_URL is set but TYPESENSE_API_KEY is not");
  typesense ??= new TypesenseSearch({
    url: env.TYPESENSE_URL,
    apiKey: env.TYPESENSE_API_KEY,
    collection: env.TYPESENSE_COLLECTION,
  });
  return typesense;
}
