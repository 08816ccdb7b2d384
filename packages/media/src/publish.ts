import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";

import type { Db } from "@cadence/db";
import { recordPublishedTrack, trackContentKey } from "@cadence/domain/catalog";
import type { CatalogCache, SourceTrack } from "@cadence/domain/catalog";
import { newEncodingPrefix } from "@cadence/domain/streaming";

import { folderImage, uploadCover } from "./covers";
import { collectAfter } from "./encoding-gc";
import { env } from "./env";
import { FfmpegError } from "./ffmpeg";
import { transcodeToHls } from "./hls";
import { mapWithConcurrency } from "./pool";
import { putOptionsFor } from "./storage";
import type { ObjectStorage } from "./storage";
import { readTags, UnreadableAudioError } from "./tags";

/** A file ingest will read: its real path has been checked to lie inside the music folder. */
export interface SourceFile {
  /** The path the catalog knows it by (inside the folder, as scanned). */
  path: string;
  /** Where it really is, symlinks resolved: what is read. */
  realPath: string;
  /** The music folder, symlinks resolved. */
  realFolder: string;
  size: number;
  mtimeMs: number;
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

export interface PublishContext {
  db: Db;
  cache: CatalogCache | undefined;
  storage: ObjectStorage;
  workDir: string;
  time: <T>(phase: keyof IngestDurations, work: () => Promise<T>) => Promise<T>;
  /** Adds a duration measured by hand (phases that interleave, as upload inside transcode). */
  record: (phase: keyof IngestDurations, ms: number) => void;
}

/** A file ingest will not publish, and why (shown to the operator as is). */
export class RefusedFileError extends Error {
  override readonly name = "RefusedFileError";
}

// A decode this much shorter than the header says means the file is cut off.
const TRUNCATED_RATIO = 0.9;

/** Tags, transcodes and uploads one file, then records it; returns seconds of audio encoded. */
export async function publish(
  file: SourceFile,
  hash: string,
  existing: SourceTrack | null,
  { db, storage, workDir, time, record, cache }: PublishContext,
): Promise<number> {
  const tags = await time("tagsMs", () => readTags(file.realPath));
  const maxMs = env.MAX_TRACK_MINUTES * 60_000;
  if (tags.durationMs > maxMs) {
    throw new RefusedFileError(
      `too long: ${clock(tags.durationMs)} is over the ${clock(maxMs)} maximum (MAX_TRACK_MINUTES)`,
    );
  }
  const trackId = existing?.id ?? randomUUID();
  const prefix = newEncodingPrefix(trackId);
  // The same key across encodings: segments of the one being replaced still decrypt mid-play.
  const key = existing ? ((await trackContentKey(db, trackId)) ?? undefined) : undefined;
  const staging = await mkdtemp(path.join(workDir, "cadence-ingest-"));
  const uploaded: string[] = [];
  try {
    // Each rendition goes to storage as soon as it is packaged, straight from memory; the time
    // that takes counts as upload, the rest as transcode.
    let uploadingMs = 0;
    const started = performance.now();
    const ladder = await transcodeToHls(file.realPath, staging, {
      measureLoudness: true,
      sourceSampleRate: tags.sampleRate,
      key,
      timeoutMs: env.FFMPEG_TIMEOUT_SECONDS * 1000,
      publish: async (objects) => {
        const from = performance.now();
        await mapWithConcurrency(objects, 8, async ({ path: relative, body }) => {
          const objectKey = prefix + relative;
          uploaded.push(objectKey);
          await storage.put(objectKey, body, putOptionsFor(objectKey));
        });
        uploadingMs += performance.now() - from;
      },
    }).finally(() => {
      record("transcodeMs", performance.now() - started - uploadingMs);
      record("uploadMs", uploadingMs);
    });
    if (ladder.durationSeconds * 1000 < tags.durationMs * TRUNCATED_RATIO) {
      throw new RefusedFileError(
        `truncated: only ${ladder.durationSeconds.toFixed(1)} s of ${(tags.durationMs / 1000).toFixed(1)} s decode`,
      );
    }
    const cover = tags.picture ?? (await folderImage(path.dirname(file.realPath), file.realFolder));
    const coverKey = await time("uploadMs", async () => (cover ? uploadCover(storage, cover) : null));

    await time("dbMs", () =>
      recordPublishedTrack(
        db,
        {
          trackId,
          isNew: !existing,
          sourcePath: file.path,
          sourceHash: hash,
          sourceSize: file.size,
          sourceMtimeMs: file.mtimeMs,
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
          musicbrainzId: tags.musicbrainzId,
          albumMusicbrainzId: tags.albumMusicbrainzId,
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
          // Signed URLs to the old encoding live on: it is collected once they have all expired.
          supersedes: existing?.masterPath
            ? { prefix: path.posix.dirname(existing.masterPath) + "/", collectAfter: collectAfter() }
            : null,
        },
        cache,
      ),
    );
    return ladder.durationSeconds;
  } catch (error) {
    // Nothing recorded points at these objects; leave no orphans behind.
    await Promise.all(uploaded.map((objectKey) => storage.delete(objectKey).catch(() => undefined)));
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export function failureReason(error: unknown): string {
  if (error instanceof UnreadableAudioError) return error.reason;
  if (error instanceof FfmpegError) {
    const lastLine = error.stderrTail.split("\n").pop();
    return `transcode failed: ${lastLine || error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function clock(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
