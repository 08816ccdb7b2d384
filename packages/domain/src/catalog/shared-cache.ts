import { cacheFromEnv, IoredisCache } from "@cadence/cache";

import type { CatalogCache } from "./cache-keys";

/**
 * The app's cache for a process beside the app (the ingest CLI), so that what it changes is
 * dropped there as the app's own scans drop it: the configured Redis or Upstash endpoint, or
 * null for the in-process default, which lives inside the app (and the app, as PGlite's one
 * owner, cannot run beside the CLI then).
 */
export function sharedCatalogCache(): { cache: CatalogCache; close(): Promise<void> } | null {
  const cache = cacheFromEnv();
  if (cache.engine !== "redis") return null;
  return { cache, close: () => (cache instanceof IoredisCache ? cache.close() : Promise.resolve()) };
}
