import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";

import { schema } from "@cadence/db";
import type { Db } from "@cadence/db";
import { eq, inArray, isNotNull, sql } from "drizzle-orm";

import { albumKey, artistNameKey } from "./catalog-keys";
import { FfmpegError } from "./ffmpeg";
import { transcodeToHls } from "./hls";
import type { HlsLadder } from "./hls";
import { mapWithConcurrency } from "./pool";
import { hashFile, scanFolder } from "./scan";
import type { ScannedFile } from "./scan";
import { putOptionsFor } from "./storage";
import type { ObjectStorage } from "./storage";
import { readTags, UnreadableAudioError } from "./tags";
import type { Picture, TrackTags } from "./tags";

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

interface KnownTrack {
  id: string;
  sourceHash: string | null;
  retiredAt: Date | null;
  masterPath: string | null;
}

const FOLDER_IMAGES = ["cover.jpg", "cover.jpeg", "cover.png", "folder.jpg", "folder.png", "front.jpg"];

/**
 * Brings the catalog in line with a music folder: new or changed files are tagged, measured,
 * transcoded, encrypted and published; unchanged ones (same content hash) are skipped; tracks
 * whose files disappeared are retired, never deleted, so listening history keeps its rows.
 */
export async function ingestFolder(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { db, storage } = options;
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
  const known = await time("dbMs", () => knownTracks(db));

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
        await time("dbMs", () =>
          db
            .update(schema.track)
            .set({ retiredAt: null, updatedAt: new Date() })
            .where(eq(schema.track.id, existing.id)),
        );
        outcome = "restored";
      } else {
        const seconds = await publish(file, hash, existing ?? null, { db, storage, workDir, time });
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
    await time("dbMs", () =>
      db
        .update(schema.track)
        .set({ retiredAt: new Date(), updatedAt: new Date() })
        .where(inArray(schema.track.id, gone)),
    );
  }
  summary.retired = gone.length;
  options.onProgress?.({ type: "retired", count: gone.length });
  summary.failed.sort((a, b) => (a.path < b.path ? -1 : 1));
  summary.wallMs = performance.now() - started;
  return summary;
}

async function knownTracks(db: Db): Promise<Map<string, KnownTrack>> {
  const rows = await db
    .select({
      id: schema.track.id,
      sourcePath: schema.track.sourcePath,
      sourceHash: schema.track.sourceHash,
      retiredAt: schema.track.retiredAt,
      masterPath: schema.track.masterPath,
    })
    .from(schema.track)
    .where(isNotNull(schema.track.sourcePath));
  const known = new Map<string, KnownTrack>();
  for (const row of rows) if (row.sourcePath) known.set(row.sourcePath, row);
  return known;
}

interface PublishContext {
  db: Db;
  storage: ObjectStorage;
  workDir: string;
  time: <T>(phase: keyof IngestDurations, work: () => Promise<T>) => Promise<T>;
}

/** Tags, transcodes and uploads one file, then records it; returns seconds of audio encoded. */
async function publish(
  file: ScannedFile,
  hash: string,
  existing: KnownTrack | null,
  { db, storage, workDir, time }: PublishContext,
): Promise<number> {
  const tags = await time("tagsMs", () => readTags(file.path));
  const trackId = existing?.id ?? randomUUID();
  // A fresh prefix per encoding: published objects never change, so they can be cached forever.
  const prefix = `tracks/${trackId}/${randomBytes(6).toString("hex")}/`;
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
      record(db, { trackId, file, hash, tags, ladder, prefix, coverKey, isNew: !existing }),
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

interface Recordable {
  trackId: string;
  file: ScannedFile;
  hash: string;
  tags: TrackTags;
  ladder: HlsLadder;
  prefix: string;
  coverKey: string | null;
  isNew: boolean;
}

async function record(db: Db, item: Recordable): Promise<void> {
  const { tags, ladder } = item;
  const albumArtistName = tags.albumArtist ?? tags.artists[0] ?? "Unknown Artist";
  const trackArtistNames = tags.artists.length > 0 ? tags.artists : [albumArtistName];
  const albumTitle = tags.album ?? "Unknown Album";
  const releaseDate = toSqlDate(tags.releaseDate);

  await db.transaction(async (tx) => {
    const artistIds = new Map<string, string>();
    // Upserted in key order, so concurrent transactions lock artist rows in the same order and
    // cannot deadlock on a collaboration credited the other way round.
    const names = [albumArtistName, ...trackArtistNames].sort((a, b) =>
      artistNameKey(a) < artistNameKey(b) ? -1 : 1,
    );
    for (const name of names) {
      const key = artistNameKey(name);
      if (artistIds.has(key)) continue;
      const [row] = await tx
        .insert(schema.artist)
        .values({ name, nameKey: key })
        // A no-op update so the existing row comes back; the first spelling seen stays.
        .onConflictDoUpdate({ target: schema.artist.nameKey, set: { nameKey: sql`excluded.name_key` } })
        .returning({ id: schema.artist.id });
      if (!row) throw new Error(`could not upsert artist ${name}`);
      artistIds.set(key, row.id);
    }
    const albumArtistId = artistIds.get(artistNameKey(albumArtistName)) ?? "";

    const [albumRow] = await tx
      .insert(schema.album)
      .values({
        title: albumTitle,
        albumKey: albumKey(albumArtistName, albumTitle),
        artistId: albumArtistId,
        releaseDate,
        genre: tags.genre,
        coverPath: item.coverKey,
      })
      .onConflictDoUpdate({
        target: schema.album.albumKey,
        set: {
          releaseDate: sql`coalesce(${schema.album.releaseDate}, excluded.release_date)`,
          genre: sql`coalesce(${schema.album.genre}, excluded.genre)`,
          coverPath: sql`coalesce(excluded.cover_path, ${schema.album.coverPath})`,
        },
      })
      .returning({ id: schema.album.id });
    if (!albumRow) throw new Error(`could not upsert album ${albumTitle}`);

    const values = {
      title: tags.title,
      albumId: albumRow.id,
      trackNumber: tags.trackNumber,
      discNumber: tags.discNumber ?? 1,
      durationMs: tags.durationMs,
      genre: tags.genre,
      explicit: tags.explicit,
      isrc: tags.isrc,
      releaseDate,
      loudnessLufs: ladder.loudness?.integratedLufs ?? null,
      truePeakDb: ladder.loudness?.truePeakDb ?? null,
      sourcePath: item.file.path,
      sourceHash: item.hash,
      masterPath: item.prefix + ladder.master,
      retiredAt: null,
      updatedAt: new Date(),
    };
    if (item.isNew) {
      await tx.insert(schema.track).values({ id: item.trackId, ...values });
    } else {
      await tx.update(schema.track).set(values).where(eq(schema.track.id, item.trackId));
    }

    await tx.delete(schema.trackArtist).where(eq(schema.trackArtist.trackId, item.trackId));
    const credited = [...new Set(trackArtistNames.map(artistNameKey))];
    await tx.insert(schema.trackArtist).values(
      credited.map((key, position) => ({
        trackId: item.trackId,
        artistId: artistIds.get(key) ?? "",
        position,
      })),
    );

    await tx.delete(schema.rendition).where(eq(schema.rendition.trackId, item.trackId));
    await tx.insert(schema.rendition).values(
      ladder.renditions.map((rendition) => ({
        trackId: item.trackId,
        bitrateKbps: rendition.bitrateKbps,
        codecs: rendition.codecs,
        pathPrefix: `${item.prefix}${rendition.dir}/`,
        segmentCount: rendition.segments.length,
        sizeBytes: rendition.totalBytes,
      })),
    );

    // The content key lives only in the database; the object store holds ciphertext.
    await tx
      .insert(schema.trackKey)
      .values({ trackId: item.trackId, key: ladder.key })
      .onConflictDoUpdate({
        target: schema.trackKey.trackId,
        set: { key: ladder.key, createdAt: new Date() },
      });
  });
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

function toSqlDate(value: string | null): string | null {
  if (!value) return null;
  const [year, month = "01", day = "01"] = value.split("-");
  return year ? `${year}-${month}-${day}` : null;
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
