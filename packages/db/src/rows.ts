import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";

import type { Db } from "./client";

/** The rows of a raw statement: postgres-js answers with an array, PGlite with `{ rows }`. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * A list of uuids as one `uuid[]` parameter (drizzle would spread a JS array into one parameter
 * per element). Only for ids that are uuids already: the cast refuses anything else.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
