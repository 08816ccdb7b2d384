import { and, desc, eq, notInArray, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";

/** How many recent searches a listener keeps; older ones fall off. */
export const RECENT_SEARCHES = 20;

export interface RecentSearch {
  id: string;
  query: string;
  searchedAt: string;
}

const recent = schema.recentSearch;

export async function recentSearches(db: Db, userId: string): Promise<RecentSearch[]> {
  const rows = await db
    .select({ id: recent.id, query: recent.query, searchedAt: recent.searchedAt })
    .from(recent)
    .where(eq(recent.userId, userId))
    .orderBy(desc(recent.searchedAt), desc(recent.id))
    .limit(RECENT_SEARCHES);
  return rows.map((r) => ({ ...r, searchedAt: r.searchedAt.toISOString() }));
}

/** Remembers a search the listener acted on; the same query again moves to the top. */
export async function rememberSearch(db: Db, userId: string, query: string): Promise<RecentSearch> {
  const [row] = await db
    .insert(recent)
    .values({ userId, query })
    .onConflictDoUpdate({ target: [recent.userId, recent.query], set: { searchedAt: sql`now()` } })
    .returning({ id: recent.id, query: recent.query, searchedAt: recent.searchedAt });
  if (!row) throw new Error("insert returned no row");
  const kept = db
    .select({ id: recent.id })
    .from(recent)
    .where(eq(recent.userId, userId))
    .orderBy(desc(recent.searchedAt), desc(recent.id))
    .limit(RECENT_SEARCHES);
  await db.delete(recent).where(and(eq(recent.userId, userId), notInArray(recent.id, kept)));
  return { ...row, searchedAt: row.searchedAt.toISOString() };
}

/** Removes one of the listener's own recent searches; another's id is NOT_FOUND. */
export async function forgetSearch(db: Db, userId: string, id: string): Promise<void> {
  const removed = await db
    .delete(recent)
    .where(and(eq(recent.id, id), eq(recent.userId, userId)))
    .returning({ id: recent.id });
  if (removed.length === 0) throw new AppError("NOT_FOUND", "Recent search not found", "id");
}

export async function clearSearches(db: Db, userId: string): Promise<void> {
  await db.delete(recent).where(eq(recent.userId, userId));
}
