import { mkdir, realpath } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";

import type { Db } from "@cadence/db";
import {
  moveTrackSource,
  noteSourceStat,
  restoreTrack,
  retireTracks,
  tracksBySource,
} from "@cadence/domain/catalog";
import type { CatalogCache, SourceTrack } from "@cadence/domain/catalog";

import { mapWithConcurrency } from "./pool";
import { syncFolderCovers } from "./covers";
import type { ImageFolder } from "./covers";
import { isInside } from "./paths";
import { withScanLease } from "./scan-lease";
import { failureReason, publish, RefusedFileError } from "./publish";
import type { IngestDurations, PublishContext } from "./publish";
import { hashFile, scanMusic } from "./scan";
import type { ScannedFile } from "./scan";
import type { ObjectStorage } from "./storage";

export type { IngestDurations } from "./publish";

export type FileOutcome = "added" | "updated" | "restored" | "moved" | "skipped" | "failed";

export type IngestEvent =
  /** Another process is scanning this folder: this scan starts when it is done. */
  | { type: "waiting" }
  | { type: "scanned"; files: number }
  | {
      type: "file";
      path: string;
      relativePath: string;
      outcome: FileOutcome;
      reason?: string;
      done: number;
      total: number;
    }
  | { type: "retired"; count: number };

export interface IngestOptions {
  db: Db;
  storage: ObjectStorage;
  folder: string;
  onProgress?: (event: IngestEvent) => void;
  /** Files processed at once; each runs one mostly single-threaded ffmpeg. */
  concurrency?: number;
  /** Where per-file transcodes are staged before upload. */
  workDir?: string;
  /** The app's cache, when it can be reached: cached albums and artists ingest changes are dropped. */
  cache?: CatalogCache;
}

export interface IngestSummary {
  files: number;
  added: number;
  /** Changed content, re-encoded; includes retired tracks whose file came back. */
  updated: number;
  /** Same content at a new path: the track kept its id, likes and playlist entries. */
  moved: number;
  skipped: number;
  retired: number;
  /** Albums given a new cover because the cover image in their folder changed. */
  covers: number;
  /** Absolute paths, sorted. */
  failed: { path: string; reason: string }[];
  /** Summed over files (they overlap when concurrency > 1). */
  durations: IngestDurations;
  /** Seconds of audio transcoded in this run. */
  audioSeconds: number;
  wallMs: number;
}

/**
 * Brings the catalog in line with a music folder: new or changed files are tagged, measured,
 * transcoded, encrypted and published; unchanged ones are skipped (same size and modification
 * time as last seen, else the same content hash); a file found at a new path with the content of
 * one that vanished is a move; tracks whose files disappeared are retired, never deleted, so
 * listening history keeps its rows. A file that fails is reported and its track, if it had one,
 * stays as it was. One process scans a folder at a time (its scan lease), however many watch it.
 */
export async function ingestFolder(options: IngestOptions): Promise<IngestSummary> {
  const folder = path.resolve(options.folder);
  // Keyed by the real path: the same folder reached through a symlink is the same folder.
  const leaseKey = await realpath(folder).catch(() => folder);
  return withScanLease(options.db, leaseKey, () => ingestWithLease(options, folder), {
    onWait: () => options.onProgress?.({ type: "waiting" }),
  });
}

async function ingestWithLease(options: IngestOptions, folder: string): Promise<IngestSummary> {
  const started = performance.now();
  const { db, storage, cache } = options;
  const durations: IngestDurations = {
    scanMs: 0,
    hashMs: 0,
    tagsMs: 0,
    transcodeMs: 0,
    uploadMs: 0,
    dbMs: 0,
  };
  const record = (phase: keyof IngestDurations, ms: number) => {
    durations[phase] += ms;
  };
  const time = async <T>(phase: keyof IngestDurations, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      record(phase, performance.now() - start);
    }
  };

  const realFolder = await realpath(folder);
  const { files, images } = await time("scanMs", () => scanMusic(folder));
  options.onProgress?.({ type: "scanned", files: files.length });
  const known = await time("dbMs", () => tracksBySource(db));
  const present = new Set(files.map((file) => file.path));
  const moves = new MoveCandidates(
    [...known.values()].filter(
      (track) => isInside(folder, track.sourcePath) && !present.has(track.sourcePath),
    ),
  );

  const summary: IngestSummary = {
    files: files.length,
    added: 0,
    updated: 0,
    moved: 0,
    skipped: 0,
    retired: 0,
    covers: 0,
    failed: [],
    durations,
    audioSeconds: 0,
    wallMs: 0,
  };
  const workDir = options.workDir ?? tmpdir();
  await mkdir(workDir, { recursive: true });
  const context: PublishContext = { db, storage, workDir, time, record, cache };
  let done = 0;

  await mapWithConcurrency(files, options.concurrency ?? availableParallelism(), async (file) => {
    let outcome: FileOutcome;
    let reason: string | undefined;
    try {
      outcome = await ingestFile(file, realFolder, known.get(file.path) ?? null, moves, context, summary);
    } catch (error) {
      outcome = "failed";
      reason = failureReason(error);
      summary.failed.push({ path: file.path, reason });
    }
    if (outcome === "added") summary.added += 1;
    else if (outcome === "updated" || outcome === "restored") summary.updated += 1;
    else if (outcome === "moved") summary.moved += 1;
    else if (outcome === "skipped") summary.skipped += 1;
    done += 1;
    options.onProgress?.({
      type: "file",
      path: file.path,
      relativePath: file.relativePath,
      outcome,
      reason,
      done,
      total: files.length,
    });
  });

  summary.covers = await syncFolderCovers(imageFolders(files, images), realFolder, context, summary.failed);

  // Only this folder's tracks can be judged missing; other folders share the table.
  const gone = moves.unclaimed().filter((track) => track.retiredAt === null);
  if (gone.length > 0) {
    await time("dbMs", () =>
      retireTracks(
        db,
        gone.map((track) => track.id),
        cache,
      ),
    );
  }
  summary.retired = gone.length;
  options.onProgress?.({ type: "retired", count: gone.length });
  summary.failed.sort((a, b) => (a.path < b.path ? -1 : 1));
  summary.wallMs = performance.now() - started;
  return summary;
}

async function ingestFile(
  file: ScannedFile,
  realFolder: string,
  existing: SourceTrack | null,
  moves: MoveCandidates,
  context: PublishContext,
  summary: IngestSummary,
): Promise<FileOutcome> {
  const { db, cache, time } = context;
  if (file.size === 0) throw new RefusedFileError("empty file (0 bytes)");
  // A symlink may point anywhere: only what really lies inside the folder is read.
  const realPath = await realpath(file.path);
  if (!isInside(realFolder, realPath)) throw new RefusedFileError("links to a file outside the music folder");
  const stat = { size: file.size, mtimeMs: file.mtimeMs };
  if (
    existing?.retiredAt === null &&
    existing.sourceSize === file.size &&
    existing.sourceMtimeMs === file.mtimeMs
  ) {
    return "skipped";
  }

  const hash = await time("hashMs", () => hashFile(realPath));
  if (existing?.sourceHash === hash) {
    await time("dbMs", () => noteSourceStat(db, existing.id, stat));
    if (existing.retiredAt === null) return "skipped";
    // The file came back unchanged: its encoding is still published.
    await time("dbMs", () => restoreTrack(db, existing.id, cache));
    return "restored";
  }
  const moved = existing ? null : moves.claim(hash);
  if (moved) {
    await time("dbMs", () => moveTrackSource(db, moved.id, { sourcePath: file.path, ...stat }, cache));
    return "moved";
  }
  const seconds = await publish({ path: file.path, realPath, realFolder, ...stat }, hash, existing, context);
  summary.audioSeconds += seconds;
  return existing ? "updated" : "added";
}

/** Folders holding both cover images and audio: an image elsewhere belongs to no album. */
function imageFolders(files: readonly ScannedFile[], images: ReadonlyMap<string, string[]>): ImageFolder[] {
  const byDir = new Map<string, string[]>();
  for (const file of files) {
    const dir = path.dirname(file.path);
    if (!images.has(dir)) continue;
    const paths = byDir.get(dir) ?? [];
    paths.push(file.path);
    byDir.set(dir, paths);
  }
  return [...byDir].map(([dir, paths]) => ({ dir, names: images.get(dir) ?? [], files: paths }));
}

/** Tracks of this folder whose files are no longer where they were, by content hash. */
class MoveCandidates {
  private readonly byHash = new Map<string, SourceTrack[]>();
  private readonly claimed = new Set<string>();

  constructor(private readonly tracks: SourceTrack[]) {
    for (const track of tracks) {
      if (!track.sourceHash) continue;
      const list = this.byHash.get(track.sourceHash) ?? [];
      // A live track is the likelier source of a move than one retired long ago.
      if (track.retiredAt === null) list.unshift(track);
      else list.push(track);
      this.byHash.set(track.sourceHash, list);
    }
  }

  /** The vanished track with this content, taken so no second copy claims it too. */
  claim(hash: string): SourceTrack | null {
    const track = this.byHash.get(hash)?.shift();
    if (!track) return null;
    this.claimed.add(track.id);
    return track;
  }

  unclaimed(): SourceTrack[] {
    return this.tracks.filter((track) => !this.claimed.has(track.id));
  }
}
