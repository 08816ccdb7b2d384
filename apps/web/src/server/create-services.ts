import type { ApiServices } from "@cadence/api";
import type { StreamConfig } from "@cadence/domain/streaming";
import { cacheFromEnv } from "@cadence/cache";
import { connectionFromEnv, createDb } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { storageFromEnv } from "@cadence/media/storage-env";
import type { ObjectStorage } from "@cadence/media/storage";

export interface ServerServices extends ApiServices {
  handle: DbHandle;
  storage: ObjectStorage;
  streaming: StreamConfig;
}

// One database handle, cache and storage per process: PGlite allows a single owner of its
// files, and route bundles (and dev reloads) must not open a second one. The start script
// registers them before the app loads, so its background import shares them with the app
// (the same in-process cache, the same PGlite).
const globalForServices = globalThis as unknown as { cadenceServices?: ServerServices };

/** The process's services, made on first use from the environment. */
export function processServices(streaming: StreamConfig): ServerServices {
  if (!globalForServices.cadenceServices) {
    const handle = createDb(connectionFromEnv());
    globalForServices.cadenceServices = {
      handle,
      db: handle.db,
      cache: cacheFromEnv(),
      storage: storageFromEnv(),
      streaming,
    };
  }
  return globalForServices.cadenceServices;
}
