import type { Db } from "@cadence/db";
import { ingestFolder } from "@cadence/media/ingest";
import type { IngestOptions, IngestSummary } from "@cadence/media/ingest";
import type { ObjectStorage } from "@cadence/media/storage";

export interface DemoImportOptions {
  db: Db;
  storage: ObjectStorage;
  /** The app's cache: ingest drops the cached albums and artists it changes. */
  cache?: IngestOptions["cache"];
  /** The demo catalog's folder. */
  folder: string;
  /** Album folders inside it, each as soon as all its tracks are written. */
  albums: AsyncIterable<string>;
  /** Tracks the albums hold together, for progress. */
  tracks: number;
  /** After each track is published (or has failed). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Ingests the demo catalog album by album while later albums are still being synthesised, so the
 * first tracks are playable early. A last pass over the whole folder retires tracks whose files
 * are gone and skips everything unchanged (on a rerun, that is all the work there is).
 */
export async function importDemoCatalog(options: DemoImportOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { db, storage, cache, tracks: total } = options;
  const passes: IngestSummary[] = [];
  let done = 0;
  options.onProgress?.(done, total);
  const ingest = async (folder: string, counted: boolean): Promise<void> => {
    const summary = await ingestFolder({
      db,
      storage,
      folder,
      ...(cache ? { cache } : {}),
      onProgress: (event) => {
        if (event.type !== "file" || !counted) return;
        done += 1;
        options.onProgress?.(Math.min(done, total), total);
      },
    });
    passes.push(summary);
  };
  for await (const album of options.albums) await ingest(album, true);
  await ingest(options.folder, false);
  return { ...combine(passes), files: total, wallMs: performance.now() - started };
}

/** The passes as one: the album passes did the work, the last one found what is gone. */
function combine(passes: IngestSummary[]): IngestSummary {
  const sum = (pick: (summary: IngestSummary) => number) => passes.reduce((n, s) => n + pick(s), 0);
  const durations = { scanMs: 0, hashMs: 0, tagsMs: 0, transcodeMs: 0, uploadMs: 0, dbMs: 0 };
  for (const pass of passes) {
    for (const phase of Object.keys(durations) as (keyof typeof durations)[]) {
      durations[phase] += pass.durations[phase];
    }
  }
  const failed = new Map(passes.flatMap((pass) => pass.failed.map((f) => [f.path, f] as const)));
  return {
    files: 0,
    added: sum((s) => s.added),
    updated: sum((s) => s.updated),
    moved: sum((s) => s.moved),
    skipped: sum((s) => s.skipped) - (passes.at(-1)?.skipped ?? 0),
    retired: sum((s) => s.retired),
    covers: sum((s) => s.covers),
    failed: [...failed.values()],
    durations,
    audioSeconds: sum((s) => s.audioSeconds),
    wallMs: 0,
  };
}
