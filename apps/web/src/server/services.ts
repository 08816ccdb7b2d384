import "server-only";

import type { ApiServices } from "@cadence/api";
import { cacheFromEnv } from "@cadence/cache";
import { connectionFromEnv, createDb } from "@cadence/db";
import type { DbHandle } from "@cadence/db";

// One database handle and one cache per process: PGlite allows a single owner of its files,
// and route bundles (and dev reloads) must not open a second one.
const globalForServices = globalThis as unknown as {
  cadenceServices?: ApiServices & { handle: DbHandle };
};

export function services(): ApiServices & { handle: DbHandle } {
  if (!globalForServices.cadenceServices) {
    const handle = createDb(connectionFromEnv());
    globalForServices.cadenceServices = { handle, db: handle.db, cache: cacheFromEnv() };
  }
  return globalForServices.cadenceServices;
}
