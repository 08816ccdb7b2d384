import "server-only";

import type { ApiServices } from "@cadence/api";
import type { StreamConfig } from "@cadence/domain/streaming";
import { cacheFromEnv } from "@cadence/cache";
import { connectionFromEnv, createDb } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { storageFromEnv } from "@cadence/media/storage-env";
import type { ObjectStorage } from "@cadence/media/storage";

import { env } from "~/env";

export interface ServerServices extends ApiServices {
  handle: DbHandle;
  storage: ObjectStorage;
  streaming: StreamConfig;
}

// One database handle, cache and storage per process: PGlite allows a single owner of its
// files, and route bundles (and dev reloads) must not open a second one.
const globalForServices = globalThis as unknown as { cadenceServices?: ServerServices };

export function services(): ServerServices {
  if (!globalForServices.cadenceServices) {
    if (!env.STREAM_SIGNING_SECRET) throw new Error("STREAM_SIGNING_SECRET is not set (npm start sets it)");
    const handle = createDb(connectionFromEnv());
    globalForServices.cadenceServices = {
      handle,
      db: handle.db,
      cache: cacheFromEnv(),
      storage: storageFromEnv(),
      streaming: { secret: env.STREAM_SIGNING_SECRET, ttlSeconds: env.STREAM_URL_TTL_SECONDS },
    };
  }
  return globalForServices.cadenceServices;
}
