import "server-only";

import type { ApiServices } from "@cadence/api";
import type { DbHandle } from "@cadence/db";
import type { StreamConfig } from "@cadence/domain/streaming";
import { storageFromEnv } from "@cadence/media/storage-env";
import type { ObjectStorage } from "@cadence/media/storage";

import { engines } from "./engines";
import { musicFolder } from "./music-folder-control";
import { streamConfig } from "./stream-config";

export interface ServerServices extends ApiServices {
  handle: DbHandle;
  storage: ObjectStorage;
  streaming: StreamConfig;
}

// Storage is this bundle's own (its errors are told apart by class); the database and cache
// are the process's (engines.ts).
const globalForServices = globalThis as unknown as { cadenceStorage?: ObjectStorage };

export function services(): ServerServices {
  globalForServices.cadenceStorage ??= storageFromEnv();
  return {
    ...engines(),
    storage: globalForServices.cadenceStorage,
    streaming: streamConfig(),
    musicFolder: musicFolder(),
  };
}
