import { and, desc, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";
import { z } from "zod";

import { cursorParts, decodeCursor, encodeCursor, pageOf } from "../pagination";
import type { Page } from "../pagination";
import { epochMicros, summariesOf } from "./album-list";
import type { AlbumSummary } from "./album-list";
import { hasVisibleTrack } from "./visibility";

/**
 * How far back "recently played" looks: the listener's latest plays, read newest first from
 * the (user_id, occurred_at) index, so a long history costs no more than a short one.
 */
const RECENT_PLAYS = 2000;

export interface RecentAlbum {
  album: AlbumSummary;
  /** The last time the listener started a track of it. */
  playedAt: Date;
}

const recentKey = z.tuple([cursorParts.micros, cursorParts.uuid]);

/** Albums the listener played, each once, the most recently played first. Per viewer: never cached. */
export async function recentlyPlayed(
  db: Db,
  userId: string,
  input: { limit: number; cursor?: string | null | undefined },
  now = new Date(),
): Promise<Page<RecentAlbum>> {
  const after = input.cursor ? decodeCursor("recent", input.cursor, recentKey) : null;
  const event = schema.listeningEvent;
  const plays = db
    .select({ trackId: event.trackId, occurredAt: event.occurredAt })
    .from(event)
    .where(and(eq(event.userId, userId), eq(event.kind, "start")))
    .orderBy(desc(event.occurredAt))
    .limit(RECENT_PLAYS)
    .as("plays");
  const last = sql`max(${plays.occurredAt})`;
  const lastMicros = epochMicros(last);
  const rows = await db
    .select({ albumId: schema.track.albumId, micros: lastMicros })
    .from(plays)
    .innerJoin(schema.track, eq(schema.track.id, plays.trackId))
    .where(hasVisibleTrack(now, schema.track.albumId))
    .groupBy(schema.track.albumId)
    .having(
      after
        ? sql`(${lastMicros}::bigint, ${schema.track.albumId}) < (${after[0]}::bigint, ${after[1]}::uuid)`
        : undefined,
    )
    .orderBy(desc(last), desc(schema.track.albumId))
    .limit(input.limit + 1);
  const page = pageOf(
    rows,
    input.limit,
    (row) => encodeCursor("recent", [row.micros, row.albumId]),
    (row) => row,
  );
  const albums = new Map(
    (
      await summariesOf(
        db,
        page.items.map((row) => row.albumId),
      )
    ).map((a) => [a.id, a]),
  );
  return {
    items: page.items.flatMap((row) => {
      const album = albums.get(row.albumId);
      return album ? [{ album, playedAt: new Date(Number(BigInt(row.micros) / 1000n)) }] : [];
    }),
    nextCursor: page.nextCursor,
  };
}
