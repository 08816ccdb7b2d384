import { desc, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

/** Who asked for a scan of the music folder. */
export type MusicScanTrigger = "start" | "watch" | "admin" | "cli";

export interface MusicScanResult {
  files: number;
  added: number;
  updated: number;
  moved: number;
  unchanged: number;
  retired: number;
  /** Paths relative to the music folder. */
  failures: { path: string; reason: string }[];
  /** Set when the scan could not run at all. */
  error: string | null;
}

export interface MusicScanRecord extends MusicScanResult {
  id: string;
  folder: string;
  trigger: MusicScanTrigger;
  startedAt: Date;
  finishedAt: Date | null;
}

// The admin page shows failures with reasons; a folder of thousands of broken files keeps the row bounded.
const MAX_FAILURES_KEPT = 1000;
// The watcher scans after every burst of changes: older records are dropped.
const SCANS_KEPT = 100;

/** Records that a scan began; the admin console shows it as running until it finishes. */
export async function startMusicScan(db: Db, folder: string, trigger: MusicScanTrigger): Promise<string> {
  const [row] = await db
    .insert(schema.musicScan)
    .values({ folder, trigger })
    .returning({ id: schema.musicScan.id });
  if (!row) throw new Error("could not record the scan");
  return row.id;
}

export async function finishMusicScan(db: Db, scanId: string, result: MusicScanResult): Promise<void> {
  await db
    .update(schema.musicScan)
    .set({ ...result, failures: result.failures.slice(0, MAX_FAILURES_KEPT), finishedAt: new Date() })
    .where(eq(schema.musicScan.id, scanId));
  await db.execute(sql`
    delete from music_scan where id not in (
      select id from music_scan order by started_at desc, id desc limit ${SCANS_KEPT})`);
}

/** The most recent scans, newest first. */
export async function latestMusicScans(db: Db, limit = 10): Promise<MusicScanRecord[]> {
  const rows = await db
    .select()
    .from(schema.musicScan)
    .orderBy(desc(schema.musicScan.startedAt), desc(schema.musicScan.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, trigger: row.trigger as MusicScanTrigger }));
}

/** What the app server's music folder service offers the admin console (media implements it). */
export interface MusicFolderControl {
  /** The folder, absolute. */
  folder: string;
  scanning(): boolean;
  /** Scans as soon as the one running (if any) is done; returns at once. */
  requestRescan(trigger: MusicScanTrigger): void;
}

export interface MusicFolderStatus {
  /** Null when no MUSIC_DIR is set (the demo catalog is what plays). */
  folder: string | null;
  scanning: boolean;
  /** Tracks from the folder that are playable, and those retired because their file went. */
  tracks: { live: number; retired: number };
  /** Newest first. */
  scans: MusicScanRecord[];
}

export async function musicFolderStatus(
  db: Db,
  control: MusicFolderControl | undefined,
): Promise<MusicFolderStatus> {
  if (!control) return { folder: null, scanning: false, tracks: { live: 0, retired: 0 }, scans: [] };
  const prefix = control.folder.endsWith("/") ? control.folder : `${control.folder}/`;
  const [counts] = await db
    .select({
      live: sql<number>`count(*) filter (where ${schema.track.retiredAt} is null)`.mapWith(Number),
      retired: sql<number>`count(*) filter (where ${schema.track.retiredAt} is not null)`.mapWith(Number),
    })
    .from(schema.track)
    .where(sql`starts_with(${schema.track.sourcePath}, ${prefix})`);
  return {
    folder: control.folder,
    scanning: control.scanning(),
    tracks: { live: counts?.live ?? 0, retired: counts?.retired ?? 0 },
    scans: await latestMusicScans(db, 5),
  };
}
