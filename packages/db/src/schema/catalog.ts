import { relations } from "drizzle-orm";
import { index, pgTable, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";

import { bytea } from "./columns";

export const artist = pgTable(
  "artist",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    name: t.text().notNull(),
    // Lower-cased, whitespace-folded name: how ingest recognises the same artist again.
    nameKey: t.text().notNull(),
    bio: t.text(),
    imagePath: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex("artist_name_key_idx").on(table.nameKey)],
);

export const album = pgTable(
  "album",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    title: t.text().notNull(),
    // Album artist + title, folded: how ingest groups files into one album.
    albumKey: t.text().notNull(),
    artistId: t
      .uuid()
      .notNull()
      .references(() => artist.id),
    releaseDate: t.date(),
    genre: t.text(),
    // Record label, from the files' tags when they name one.
    label: t.text(),
    coverPath: t.text(),
    // MusicBrainz release id, when the files are tagged with one.
    musicbrainzId: t.uuid(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    uniqueIndex("album_key_idx").on(table.albumKey),
    index("album_artist_idx").on(table.artistId),
    index("album_release_idx").on(table.releaseDate, table.id),
    index("album_genre_idx").on(table.genre),
  ],
);

export const track = pgTable(
  "track",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    title: t.text().notNull(),
    albumId: t
      .uuid()
      .notNull()
      .references(() => album.id),
    trackNumber: t.integer(),
    discNumber: t.integer().notNull().default(1),
    durationMs: t.integer().notNull(),
    genre: t.text(),
    explicit: t.boolean().notNull().default(false),
    isrc: t.text(),
    releaseDate: t.date(),
    // EBU R128 integrated loudness and true peak, measured at ingest for normalisation.
    loudnessLufs: t.real(),
    truePeakDb: t.real(),
    // Rights: ISO country codes where the track may be played (null = everywhere), from when.
    territories: t.char({ length: 2 }).array(),
    availableFrom: t.timestamp({ withTimezone: true }),
    // Where ingest found the file and what it contained, for incremental re-scans.
    sourcePath: t.text(),
    sourceHash: t.text(),
    // Size and modification time seen at the last scan: an unchanged pair skips the hash.
    sourceSize: t.bigint({ mode: "number" }),
    sourceMtimeMs: t.doublePrecision(),
    // MusicBrainz recording id, when the file is tagged with one.
    musicbrainzId: t.uuid(),
    retiredAt: t.timestamp({ withTimezone: true }),
    // Object-store key of the HLS master playlist (the current encoding's; renditions sit below).
    masterPath: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    index("track_album_idx").on(table.albumId, table.discNumber, table.trackNumber),
    uniqueIndex("track_source_path_idx").on(table.sourcePath),
    index("track_isrc_idx").on(table.isrc),
    // Moves are recognised by content: the track whose file vanished has the new file's hash.
    index("track_source_hash_idx").on(table.sourceHash),
  ],
);

/** A track can have several artists; position keeps the credited order. */
export const trackArtist = pgTable(
  "track_artist",
  (t) => ({
    trackId: t
      .uuid()
      .notNull()
      .references(() => track.id, { onDelete: "cascade" }),
    artistId: t
      .uuid()
      .notNull()
      .references(() => artist.id),
    position: t.integer().notNull().default(0),
  }),
  (table) => [
    primaryKey({ columns: [table.trackId, table.artistId] }),
    index("track_artist_artist_idx").on(table.artistId),
  ],
);

/** One encoded stream of a track (a rung of the HLS ladder). */
export const rendition = pgTable(
  "rendition",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    trackId: t
      .uuid()
      .notNull()
      .references(() => track.id, { onDelete: "cascade" }),
    bitrateKbps: t.integer().notNull(),
    codecs: t.text().notNull(),
    // Object-store key prefix of this rendition's playlist, init and segments.
    pathPrefix: t.text().notNull(),
    segmentCount: t.integer().notNull(),
    sizeBytes: t.bigint({ mode: "number" }).notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex("rendition_track_bitrate_idx").on(table.trackId, table.bitrateKbps)],
);

/** AES-128 content key of a track: lives only here, never in the object store. */
export const trackKey = pgTable("track_key", (t) => ({
  trackId: t
    .uuid()
    .primaryKey()
    .references(() => track.id, { onDelete: "cascade" }),
  key: bytea().notNull(),
  createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
}));

export const artistRelations = relations(artist, ({ many }) => ({
  albums: many(album),
  trackArtists: many(trackArtist),
}));

export const albumRelations = relations(album, ({ one, many }) => ({
  artist: one(artist, { fields: [album.artistId], references: [artist.id] }),
  tracks: many(track),
}));

export const trackRelations = relations(track, ({ one, many }) => ({
  album: one(album, { fields: [track.albumId], references: [album.id] }),
  trackArtists: many(trackArtist),
  renditions: many(rendition),
}));

export const trackArtistRelations = relations(trackArtist, ({ one }) => ({
  track: one(track, { fields: [trackArtist.trackId], references: [track.id] }),
  artist: one(artist, { fields: [trackArtist.artistId], references: [artist.id] }),
}));

export const renditionRelations = relations(rendition, ({ one }) => ({
  track: one(track, { fields: [rendition.trackId], references: [track.id] }),
}));
