import { index, pgTable } from "drizzle-orm/pg-core";

/**
 * An encoding replaced by a re-ingest. Its objects stay in the store until `collectAfter`, when
 * no signed URL that could name it is still valid, so plays already in progress finish.
 */
export const supersededEncoding = pgTable(
  "superseded_encoding",
  (t) => ({
    // Object key prefix of the encoding, "tracks/<trackId>/<encodingId>/".
    prefix: t.text().primaryKey(),
    trackId: t.uuid().notNull(),
    collectAfter: t.timestamp({ withTimezone: true }).notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index("superseded_encoding_collect_idx").on(table.collectAfter)],
);

/** One scan of the music folder (at start, by the watcher, the admin console or the CLI). */
export const musicScan = pgTable(
  "music_scan",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    folder: t.text().notNull(),
    // "start", "watch", "admin" or "cli".
    trigger: t.text().notNull(),
    startedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Null while the scan runs (or when its process died mid-scan).
    finishedAt: t.timestamp({ withTimezone: true }),
    files: t.integer().notNull().default(0),
    added: t.integer().notNull().default(0),
    updated: t.integer().notNull().default(0),
    moved: t.integer().notNull().default(0),
    unchanged: t.integer().notNull().default(0),
    retired: t.integer().notNull().default(0),
    // Files skipped, each with why: [{ path, reason }], path relative to the folder.
    failures: t.jsonb().$type<{ path: string; reason: string }[]>().notNull().default([]),
    // A scan that could not run at all (folder missing, database down).
    error: t.text(),
  }),
  (table) => [index("music_scan_started_idx").on(table.startedAt)],
);

/**
 * The cover image (cover.jpg, folder.png…) last seen in a folder of the music folder, by its size
 * and modification time, and the cover object made from it. A scan compares the file with this
 * row, so replacing an album's cover.jpg changes the album's cover without re-encoding its audio.
 */
export const folderCover = pgTable("folder_cover", (t) => ({
  // Absolute path of the folder holding the image.
  dir: t.text().primaryKey(),
  imageSize: t.bigint({ mode: "number" }).notNull(),
  imageMtimeMs: t.doublePrecision().notNull(),
  coverKey: t.text().notNull(),
  updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
}));

/**
 * Who is scanning a music folder now. Every app server may watch the same MUSIC_DIR; a scan
 * runs only while its server holds this lease, so two servers never ingest the same new file
 * at once. The lease runs out on its own when its holder dies mid-scan.
 */
export const musicScanLease = pgTable("music_scan_lease", (t) => ({
  folder: t.text().primaryKey(),
  holder: t.text().notNull(),
  expiresAt: t.timestamp({ withTimezone: true }).notNull(),
}));
