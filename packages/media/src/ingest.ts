import { createHash, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";

import type { Db } from "@cadence/db";
import { recordPublishedTrack, restoreTrack, retireTracks, tracksBySource } from "@cadence/domain/catalog";
import type { CatalogCache, SourceTrack } from "@cadence/domain/catalog";
import { newEncodingPrefix } from "@cadence/domain/streaming";

import { FfmpegError } from "./ffmpeg";
import { transcodeToHls } from "./hls";
import { mapWithConcurrency } from "./pool";
import { hashFile, scanFolder } from "./scan";
import type { ScannedFile } from "./scan";
import { putOptionsFor } from "./storage";
import type { ObjectStorage } from "./storage";
import { readTags, UnreadableAudioError } from "./tags";
import type { Picture } from "./tags";

export type FileOutcome = "added" | "updated" | "restored" | "skipped" | "failed";

export type IngestEvent =
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

export interface IngestDurations {
  scanMs: number;
  hashMs: number;
  tagsMs: number;
  /** Transcode, encryption and loudness (one ffmpeg pass). */
  transcodeMs: number;
  uploadMs: number;
  dbMs: number;
}

export interface IngestSummary {
  files: number;
  added: number;
  /** Changed content, re-encoded; includes retired tracks whose file came back. */
  updated: number;
  skipped: number;
  retired: number;
  failed: { path: string; reason: string }[];
  /** Summed over files (they overlap when concurrency > 1). */
  durations: IngestDurations;
  /** Seconds of audio transcoded in this run. */
  audioSeconds: number;
  wallMs: number;
}

const FOLDER_IMAGES = ["cover.jpg", "cover.jpeg", "cover.png", "folder.jpg", "folder.png", "front.jpg"];

/**
 * Brings the catalog in line with a music folder: new or changed files are tagged, measured,
 * transcoded, encrypted and published; unchanged ones (same content hash) are skipped; tracks
 * whose files disappeared are retired, never deleted, so listening history keeps its rows.
 */
export async function ingestFolder(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { db, storage, cache } = options;
  const folder = path.resolve(options.folder);
  const durations: IngestDurations = {
    scanMs: 0,
    hashMs: 0,
    tagsMs: 0,
    transcodeMs: 0,
    uploadMs: 0,
    dbMs: 0,
  };
  const time = async <T>(phase: keyof IngestDurations, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      durations[phase] += performance.now() - start;
    }
  };

  const files = await time("scanMs", () => scanFolder(folder));
  options.onProgress?.({ type: "scanned", files: files.length });
  const known = await time("dbMs", () => tracksBySource(db));

  const summary: IngestSummary = {
    files: files.length,
    added: 0,
    updated: 0,
    skipped: 0,
    retired: 0,
    failed: [],
    durations,
    audioSeconds: 0,
    wallMs: 0,
  };
  const workDir = options.workDir ?? tmpdir();
  await mkdir(workDir, { recursive: true });
  let done = 0;

  await mapWithConcurrency(files, options.concurrency ?? availableParallelism(), async (file) => {
    let outcome: FileOutcome;
    let reason: string | undefined;
    try {
      const hash = await time("hashMs", () => hashFile(file.path));
      const existing = known.get(file.path);
      if (existing?.sourceHash === hash && existing.retiredAt === null) {
        outcome = "skipped";
      } else if (existing?.sourceHash === hash) {
        // The file came back unchanged: its encoding is still published.
        await time("dbMs", () => restoreTrack(db, existing.id, cache));
        outcome = "restored";
      } else {
        const seconds = await publish(file, hash, existing ?? null, { db, storage, workDir, time, cache });
        summary.audioSeconds += seconds;
        outcome = existing ? "updated" : "added";
      }
    } catch (error) {
      outcome = "failed";
      reason = failureReason(error);
      summary.failed.push({ path: file.path, reason });
    }
    if (outcome === "added") summary.added += 1;
    else if (outcome === "updated" || outcome === "restored") summary.updated += 1;
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

  // Only this folder's tracks can be judged missing; other folders share the table.
  const present = new Set(files.map((file) => file.path));
  const gone = [...known.entries()]
    .filter(([source, track]) => track.retiredAt === null && isInside(folder, source) && !present.has(source))
    .map(([, track]) => track.id);
  if (gone.length > 0) {
    await time("dbMs", () => retireTracks(db, gone, cache));
  }
  summary.retired = gone.length;
  options.onProgress?.({ type: "retired", count: gone.length });
  summary.failed.sort((a, b) => (a.path < b.path ? -1 : 1));
  summary.wallMs = performance.now() - started;
  return summary;
}

interface PublishContext {
  db: Db;
  cache: CatalogCache | undefined;
  storage: ObjectStorage;
  workDir: string;
  time: <T>(phase: keyof IngestDurations, work: () => Promise<T>) => Promise<T>;
}

/** Tags, transcodes and uploads one file, then records it; returns seconds of audio encoded. */
async function publish(
  file: ScannedFile,
  hash: string,
  existing: SourceTrack | null,
  { db, storage, workDir, time, cache }: PublishContext,
): Promise<number> {
  const tags = await time("tagsMs", () => readTags(file.path));
  const trackId = existing?.id ?? randomUUID();
  const prefix = newEncodingPrefix(trackId);
  const staging = await mkdtemp(path.join(workDir, "cadence-ingest-"));
  const uploaded: string[] = [];
  try {
    const ladder = await time("transcodeMs", () =>
      transcodeToHls(file.path, staging, { measureLoudness: true, sourceSampleRate: tags.sampleRate }),
    );
    const cover = tags.picture ?? (await folderImage(path.dirname(file.path)));
    const coverKey = await time("uploadMs", async () => {
      await mapWithConcurrency(ladder.files, 8, async (relative) => {
        const key = prefix + relative;
        await storage.put(key, await readFile(path.join(staging, relative)), putOptionsFor(key));
        uploaded.push(key);
      });
      return cover ? uploadCover(storage, cover) : null;
    });

    await time("dbMs", () =>
      recordPublishedTrack(
        db,
        {
          trackId,
          isNew: !existing,
          sourcePath: file.path,
          sourceHash: hash,
          title: tags.title,
          artists: tags.artists,
          albumArtist: tags.albumArtist,
          album: tags.album,
          releaseDate: tags.releaseDate,
          genre: tags.genre,
          label: tags.label,
          trackNumber: tags.trackNumber,
          discNumber: tags.discNumber,
          durationMs: tags.durationMs,
          explicit: tags.explicit,
          isrc: tags.isrc,
          loudness: ladder.loudness,
          masterKey: prefix + ladder.master,
          renditions: ladder.renditions.map((rendition) => ({
            bitrateKbps: rendition.bitrateKbps,
            codecs: rendition.codecs,
            pathPrefix: `${prefix}${rendition.dir}/`,
            segmentCount: rendition.segments.length,
            sizeBytes: rendition.totalBytes,
          })),
          contentKey: ladder.key,
          coverKey,
        },
        cache,
      ),
    );
    if (existing?.masterPath) await deletePrefix(storage, path.posix.dirname(existing.masterPath) + "/");
    return ladder.durationSeconds;
  } catch (error) {
    // Nothing recorded points at these objects; leave no orphans behind.
    await Promise.all(uploaded.map((key) => storage.delete(key).catch(() => undefined)));
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Covers are stored by content hash: every track of an album shares one object. */
async function uploadCover(storage: ObjectStorage, picture: Picture): Promise<string> {
  const extension =
    picture.mimeType === "image/png" ? "png" : picture.mimeType === "image/webp" ? "webp" : "jpg";
  const digest = createHash("sha256").update(picture.data).digest("hex").slice(0, 32);
  const key = `covers/${digest}.${extension}`;
  if (!(await storage.head(key))) await storage.put(key, picture.data, putOptionsFor(key));
  return key;
}

/** cover.jpg and friends beside the file: how most ripped albums carry their art. */
async function folderImage(dir: string): Promise<Picture | null> {
  for (const name of FOLDER_IMAGES) {
    const data = await readFile(path.join(dir, name)).catch(() => null);
    if (data && data.length > 0) {
      return { data, mimeType: name.endsWith(".png") ? "image/png" : "image/jpeg" };
    }
  }
  return null;
}

async function deletePrefix(storage: ObjectStorage, prefix: string): Promise<void> {
  const objects = await storage.list(prefix);
  await mapWithConcurrency(objects, 8, (object) => storage.delete(object.key));
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function failureReason(error: unknown): string {
  if (error instanceof UnreadableAudioError) return error.reason;
  if (error instanceof FfmpegError) {
    const lastLine = error.stderrTail.split("\n").pop();
    return `transcode failed: ${lastLine || error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
