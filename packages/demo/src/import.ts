import path from "node:path";

import type { Db } from "@cadence/db";
import { ingestFolder } from "@cadence/media/ingest";
import type { IngestOptions, IngestSummary } from "@cadence/media/ingest";
import type { ObjectStorage } from "@cadence/media/storage";

import { generateDemoCatalog, planDemoCatalog } from "./catalog";
import type { DemoCatalog } from "./catalog";

export interface DemoImportOptions {
  db: Db;
  storage: ObjectStorage;
  /** The app's cache: ingest drops the cached albums and artists it changes. */
  cache?: IngestOptions["cache"];
  folder: string;
  /** Only the first N tracks, all of this length (tests and quick trials). */
  limit?: number;
  durationSeconds?: number;
  /** After each track is published (or has failed); `total` is the tracks asked for. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoImport {
  catalog: DemoCatalog;
  /** All passes together; `files` counts the catalog's tracks once. */
  summary: IngestSummary;
}

/**
 * Synthesises the demo catalog and ingests it album by album as each album is written, so the
 * first tracks are playable while later ones are still being made. A last pass over the whole
 * folder retires tracks whose files are gone and skips everything unchanged; on a rerun every
 * file is found written and unchanged, so that is all the work there is.
 */
export async function importDemoCatalog(options: DemoImportOptions): Promise<DemoImport> {
  const started = performance.now();
  const { db, storage, cache } = options;
  const passes: IngestSummary[] = [];
  const size = {
    ...(options.limit ? { limit: options.limit } : {}),
    ...(options.durationSeconds ? { durationSeconds: options.durationSeconds } : {}),
  };
  const total = planDemoCatalog({ outDir: options.folder, ...size }).tracks.length;
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

  // Albums are ingested one after another while later ones are synthesised; the first failure
  // stops the chain and is thrown once synthesis is over (never left unhandled meanwhile).
  let albums = Promise.resolve();
  const failures: unknown[] = [];
  const catalog = await generateDemoCatalog({
    outDir: options.folder,
    ...size,
    onAlbum: (album) => {
      albums = albums
        .then(() => (failures.length > 0 ? undefined : ingest(path.dirname(album.coverPath), true)))
        .catch((error: unknown) => {
          failures.push(error);
        });
    },
  });
  await albums;
  if (failures.length > 0) throw failures[0];
  await ingest(options.folder, false);
  return { catalog, summary: { ...combine(passes), files: catalog.tracks.length, wallMs: performance.now() - started } };
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
    skipped: sum((s) => s.skipped) - (passes.at(-1)?.skipped ?? 0),
    retired: sum((s) => s.retired),
    failed: [...failed.values()],
    durations,
    audioSeconds: sum((s) => s.audioSeconds),
    wallMs: 0,
  };
}
