import { sql } from "drizzle-orm";
import { customType, index, pgTable, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";

import { user } from "./auth";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * What search finds, one row per findable thing (track, artist, album, playlist, profile), kept
 * in step with the catalog and the library by @cadence/search. Text columns hold normalised text
 * (search_norm: lower case, accents and punctuation gone), so "Beyoncé" and "beyonce" meet.
 */
export const searchDocument = pgTable(
  "search_document",
  (t) => ({
    kind: t.text().notNull(),
    id: t.uuid().notNull(),
    // The name itself: weighted highest.
    title: t.text().notNull(),
    // Who made it (a track's or album's artists, a playlist's owner): weighted second.
    context: t.text().notNull().default(""),
    // Where it sits (a track's album): weighted third.
    extra: t.text().notNull().default(""),
    document: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', context), 'B') || setweight(to_tsvector('simple', extra), 'C')`,
    ),
    // Plays, likes, saves and follows, folded into one number (see @cadence/search).
    popularity: t.real().notNull().default(0),
    genre: t.text(),
    year: t.smallint(),
    // Playlists only: private ones are found by their owner and editors alone.
    isPublic: t.boolean().notNull().default(true),
    ownerId: t.uuid(),
  }),
  (table) => [
    primaryKey({ columns: [table.kind, table.id] }),
    index("search_document_idx").using("gin", table.document),
    // The popular head of the index: broad queries ("love", "ma") rank within it instead of
    // fetching every match. The threshold is HEAD_POPULARITY in @cadence/search, as a literal
    // there so the planner can use this index.
    index("search_document_head_idx")
      .using("gin", table.document)
      .where(sql`${table.popularity} >= 5`),
    // Exact titles, most popular first, answered from the index alone.
    index("search_document_title_idx").on(table.title, table.popularity.desc(), table.kind, table.id),
  ],
);

/** Every word in the index: where a misspelt query word finds what it was meant to be. */
export const searchWord = pgTable(
  "search_word",
  (t) => ({
    word: t.text().primaryKey(),
    // How many documents used it when last counted: the likelier of two corrections wins.
    documents: t.integer().notNull().default(1),
  }),
  (table) => [index("search_word_trgm_idx").using("gist", table.word.op("gist_trgm_ops"))],
);

/** A listener's recent searches, newest first; they remove them one by one or all at once. */
export const recentSearch = pgTable(
  "recent_search",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    userId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    query: t.text().notNull(),
    searchedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    uniqueIndex("recent_search_query_idx").on(table.userId, table.query),
    index("recent_search_recent_idx").on(table.userId, table.searchedAt),
  ],
);
