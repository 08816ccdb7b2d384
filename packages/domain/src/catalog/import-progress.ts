import type { Cache } from "@cadence/cache";

import { cacheKey } from "../cache";
import { log } from "../log";

/** Tracks of a music import (the demo catalog at a first start) done so far. */
export interface ImportProgress {
  done: number;
  total: number;
}

const KEY = cacheKey("import", "progress");
// Refreshed with every track: an import whose process died stops showing within this time.
const TTL_SECONDS = 600;

/**
 * Kept in the app's cache, which every app server shares (or the process's own, in which
 * `npm start` imports beside the app), so the home page can show how far an import has got.
 * Never throws: progress is a courtesy, the import stands without it.
 */
export async function recordImportProgress(cache: Cache, progress: ImportProgress | null): Promise<void> {
  try {
    if (progress && progress.done < progress.total) await cache.set(KEY, progress, TTL_SECONDS);
    else await cache.del(KEY);
  } catch (err) {
    log.warn({ err }, "could not record import progress");
  }
}

/** The import under way, or null when none is (or the cache cannot say). */
export async function importProgress(cache: Cache): Promise<ImportProgress | null> {
  try {
    return await cache.get<ImportProgress>(KEY);
  } catch {
    return null;
  }
}
