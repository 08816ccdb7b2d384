import { z } from "zod";

import { AppError } from "./errors";

/**
 * Keyset pagination: a page ends with an opaque cursor naming the last item's sort key, and
 * the next page starts strictly after it. Stable under inserts and deletes, and as fast on the
 * thousandth page as on the first (no OFFSET). A cursor names the list it belongs to, so one
 * handed to another list is refused instead of silently paging something else.
 */

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The longest cursor a client may send; ours are far shorter. */
export const MAX_CURSOR_LENGTH = 512;

type KeyPart = string | number | null;

const INVALID = "This list position is not valid; reload the list";

export function encodeCursor(list: string, key: readonly KeyPart[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString("base64url");
}

/** The sort key a cursor carries, checked against the list's key shape; INVALID otherwise. */
export function decodeCursor<T extends readonly KeyPart[]>(
  list: string,
  cursor: string,
  key: z.ZodType<T>,
): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new AppError("INVALID", INVALID, "cursor");
  }
  if (!Array.isArray(parsed) || parsed[0] !== list) throw new AppError("INVALID", INVALID, "cursor");
  const result = key.safeParse(parsed.slice(1));
  if (!result.success) throw new AppError("INVALID", INVALID, "cursor");
  return result.data;
}

/**
 * A page from `limit + 1` rows fetched in order: the extra row only says there is more, and
 * the cursor is the key of the last row shown.
 */
export function pageOf<Row, T>(
  rows: readonly Row[],
  limit: number,
  cursorOf: (row: Row) => string,
  toItem: (row: Row) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}

/** Cursor key parts the catalog's lists use. */
export const cursorParts = {
  uuid: z.uuid(),
  /** An ISO calendar date, or null for "no date" (sorted last). */
  date: z.iso.date().nullable(),
  /**
   * An instant as microseconds since the epoch, in text: timestamps keep microseconds, a JS
   * Date does not, and a key rounded to milliseconds would skip rows within one millisecond.
   */
  micros: z.string().regex(/^\d{1,17}$/),
  text: z.string().max(400),
};
