import { sql } from "@cadence/db";
import type { SQLWrapper } from "@cadence/db";

import { AppError } from "../errors";

/**
 * Keyset cursors: the sort key of the last row a page returned, as an opaque base64url string.
 * A client only hands it back; anything it did not get from us is refused as the field `cursor`,
 * before a query could fail on it.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** What each part of a key is: a time key (see timeKey), a uuid, or a sort text. */
export type CursorPart = "time" | "uuid" | "text";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const MAX_TEXT = 400;

const valid: Record<CursorPart, (value: string) => boolean> = {
  uuid: (value) => UUID.test(value),
  // A real instant: the round trip refuses 2026-02-30 and other dates Postgres would not parse.
  time: (value) => TIME.test(value) && new Date(value).toISOString().slice(0, 23) === value.slice(0, 23),
  text: (value) => value.length <= MAX_TEXT && !value.includes("\u0000"),
};

export function decodeCursor(cursor: string, parts: readonly CursorPart[]): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  const ok =
    Array.isArray(key) &&
    key.length === parts.length &&
    parts.every((part, i) => typeof key[i] === "string" && valid[part](key[i]));
  if (!ok) throw new AppError("INVALID", "This list changed: load it again from the start", "cursor");
  return key as string[];
}

/**
 * A timestamp as an exact sort key (ISO, microseconds, UTC). A JavaScript Date keeps
 * milliseconds only: a cursor made from one would skip rows that fell in the same millisecond.
 */
export const timeKey = (column: SQLWrapper) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
