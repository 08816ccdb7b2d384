import { index, pgEnum, pgTable } from "drizzle-orm/pg-core";

import { user } from "./auth";
import { track } from "./catalog";

export const listenKind = pgEnum("listen_kind", [
  "start",
  "progress",
  "skip",
  "complete",
  "stall",
  "bitrate_switch",
  "error",
]);

/** One playback event reported by a player; the raw material for history and recommendations. */
export const listeningEvent = pgTable(
  "listening_event",
  (t) => ({
    id: t.bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    trackId: t
      .uuid()
      .notNull()
      .references(() => track.id),
    kind: listenKind().notNull(),
    // Groups the events of one play of one track.
    playbackId: t.text().notNull(),
    positionMs: t.integer().notNull().default(0),
    // Kind-specific figures: startup ms, stall ms, bitrate from/to.
    detail: t.jsonb().$type<Record<string, number | string>>(),
    occurredAt: t.timestamp({ withTimezone: true }).notNull(),
    receivedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index("listening_event_user_time_idx").on(table.userId, table.occurredAt),
    index("listening_event_track_idx").on(table.trackId, table.occurredAt),
  ],
);

/**
 * Started listens per track: an artist's top tracks and search popularity read one row a track,
 * however many plays there are (counting the events cost a cold artist read more with every
 * play). Kept by a statement trigger on listening_event (migration 0010), so every writer counts
 * (the API, imports, seeds, tests) and the count moves in the inserting transaction. Plays stay
 * counted when a listener's account (and its events) is deleted, as a chart would keep them.
 */
export const trackPlayCount = pgTable("track_play_count", (t) => ({
  trackId: t
    .uuid()
    .primaryKey()
    .references(() => track.id, { onDelete: "cascade" }),
  plays: t.bigint({ mode: "number" }).notNull().default(0),
}));
