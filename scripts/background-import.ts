/**
 * The start script's music import, run beside the app: the demo catalog (synthesised, then
 * ingested album by album) and MUSIC_DIR. Progress goes to the terminal (a bar) or the log (a
 * line every 5 s), and to the cache, where the home page reads it ("Importing music: 12 of 40").
 * A failure is logged and the app keeps serving what is there.
 */
import type { Cache } from "@cadence/cache";
import type { Db } from "@cadence/db";
import { importDemoCatalog } from "@cadence/demo";
import { recordImportProgress } from "@cadence/domain/catalog";
import { ingestFolder } from "@cadence/media/ingest";
import type { IngestSummary } from "@cadence/media/ingest";
import type { ObjectStorage } from "@cadence/media/storage";
import { progressReporter } from "@cadence/progress";

import { log } from "./log";

export interface ImportPlan {
  demo: boolean;
  demoFolder: string;
  demoTracks?: number;
  demoSeconds?: number;
  musicDir?: string;
}

interface Services {
  db: Db;
  cache: Cache;
  storage: ObjectStorage;
}

/** What a finished import printed last: e2e-server waits for it (`demo catalog: … imported`). */
function report(label: string, summary: IngestSummary): void {
  log(
    `${label}: ${summary.added} added, ${summary.updated} updated, ${summary.skipped} unchanged, ` +
      `${summary.retired} retired, ${summary.failed.length} failed (${(summary.wallMs / 1000).toFixed(1)} s)`,
  );
  for (const failure of summary.failed) log(`  skipped ${failure.path}: ${failure.reason}`);
}

/** Progress for people and for the home page, throttled there to one write a track. */
function tracker(cache: Cache, label: string) {
  const progress = progressReporter(label);
  let last = -1;
  return {
    update(done: number, total: number) {
      progress.update(done, total);
      if (done !== last) void recordImportProgress(cache, { done, total });
      last = done;
    },
    async end() {
      progress.finish();
      await recordImportProgress(cache, null);
    },
  };
}

export async function importInBackground(services: Services, plan: ImportPlan): Promise<void> {
  const { db, cache, storage } = services;
  try {
    if (plan.demo) {
      log("importing the demo catalog in the background: the app answers meanwhile");
      const progress = tracker(cache, "demo catalog: imported");
      try {
        const { catalog, summary } = await importDemoCatalog({
          db,
          storage,
          cache,
          folder: plan.demoFolder,
          ...(plan.demoTracks ? { limit: plan.demoTracks } : {}),
          ...(plan.demoSeconds ? { durationSeconds: plan.demoSeconds } : {}),
          onProgress: (done, total) => progress.update(done, total),
        });
        report(`demo catalog: ${catalog.tracks.length} tracks imported`, summary);
      } finally {
        await progress.end();
      }
    }
    if (plan.musicDir) {
      const progress = tracker(cache, `music in ${plan.musicDir}: ingested`);
      try {
        const summary = await ingestFolder({
          db,
          storage,
          cache,
          folder: plan.musicDir,
          onProgress: (event) => {
            if (event.type === "file") progress.update(event.done, event.total);
          },
        });
        report(`music in ${plan.musicDir}`, summary);
      } finally {
        await progress.end();
      }
    }
  } catch (error) {
    log(`import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
