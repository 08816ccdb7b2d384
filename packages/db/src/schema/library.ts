import { relations } from "drizzle-orm";
import { check, index, pgTable, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

import { user } from "./auth";
import { album, artist, track } from "./catalog";

export const playlist = pgTable(
  "playlist",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    ownerId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: t.text().notNull(),
    description: t.text(),
    isPublic: t.boolean().notNull().default(false),
    // Collaborators (see playlist_collaborator) may add, remove and reorder items.
    isCollaborative: t.boolean().notNull().default(false),
    coverPath: t.text(),
    // Bumped by every change to the playlist or its items; writes name the version they saw,
    // so a stale client is told to refresh instead of overwriting.
    version: t.integer().notNull().default(1),
    // How many items and how long, kept by every edit in the transaction that bumps the
    // version (and by ingest when a track's length changes), so reading them costs nothing
    // however long the playlist is.
    itemCount: t.integer().notNull().default(0),
    durationMs: t.bigint({ mode: "number" }).notNull().default(0),
    // Secret of the current invite link (owner-rotated); null when no link is live.
    inviteToken: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index("playlist_owner_idx").on(table.ownerId, table.updatedAt),
    uniqueIndex("playlist_invite_token_idx").on(table.inviteToken),
  ],
);

export const playlistItem = pgTable(
  "playlist_item",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    playlistId: t
      .uuid()
      .notNull()
      .references(() => playlist.id, { onDelete: "cascade" }),
    trackId: t
      .uuid()
      .notNull()
      .references(() => track.id),
    // A fractional-indexing key (base 62 digits, compared byte-wise: collation "C"), so a
    // move or insert touches one row and never runs out of room between two neighbours.
    position: t.text().notNull(),
    addedBy: t.uuid().references(() => user.id, { onDelete: "set null" }),
    addedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    // Unique and deferrable (see the migration): a re-key rewrites every position at once.
    uniqueIndex("playlist_item_order_idx").on(table.playlistId, table.position),
    index("playlist_item_track_idx").on(table.trackId),
  ],
);

export const playlistCollaborator = pgTable(
  "playlist_collaborator",
  (t) => ({
    playlistId: t
      .uuid()
      .notNull()
      .references(() => playlist.id, { onDelete: "cascade" }),
    userId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    addedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    primaryKey({ columns: [table.playlistId, table.userId] }),
    index("playlist_collaborator_user_idx").on(table.userId),
  ],
);

export const trackLike = pgTable(
  "track_like",
  (t) => ({
    userId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    trackId: t
      .uuid()
      .notNull()
      .references(() => track.id),
    likedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    primaryKey({ columns: [table.userId, table.trackId] }),
    index("track_like_recent_idx").on(table.userId, table.likedAt),
    index("track_like_track_idx").on(table.trackId),
  ],
);

export const savedAlbum = pgTable(
  "saved_album",
  (t) => ({
    userId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    albumId: t
      .uuid()
      .notNull()
      .references(() => album.id),
    savedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    primaryKey({ columns: [table.userId, table.albumId] }),
    index("saved_album_recent_idx").on(table.userId, table.savedAt),
    index("saved_album_album_idx").on(table.albumId),
  ],
);

export const artistFollow = pgTable(
  "artist_follow",
  (t) => ({
    userId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    artistId: t
      .uuid()
      .notNull()
      .references(() => artist.id),
    followedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    primaryKey({ columns: [table.userId, table.artistId] }),
    index("artist_follow_artist_idx").on(table.artistId),
    index("artist_follow_recent_idx").on(table.userId, table.followedAt),
  ],
);

export const userFollow = pgTable(
  "user_follow",
  (t) => ({
    followerId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    followeeId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    followedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    primaryKey({ columns: [table.followerId, table.followeeId] }),
    index("user_follow_followee_idx").on(table.followeeId),
    check("user_follow_not_self", sql`${table.followerId} <> ${table.followeeId}`),
  ],
);

export const playlistRelations = relations(playlist, ({ one, many }) => ({
  owner: one(user, { fields: [playlist.ownerId], references: [user.id] }),
  items: many(playlistItem),
  collaborators: many(playlistCollaborator),
}));

export const playlistItemRelations = relations(playlistItem, ({ one }) => ({
  playlist: one(playlist, { fields: [playlistItem.playlistId], references: [playlist.id] }),
  track: one(track, { fields: [playlistItem.trackId], references: [track.id] }),
}));

export const playlistCollaboratorRelations = relations(playlistCollaborator, ({ one }) => ({
  playlist: one(playlist, {
    fields: [playlistCollaborator.playlistId],
    references: [playlist.id],
  }),
  user: one(user, { fields: [playlistCollaborator.userId], references: [user.id] }),
}));
