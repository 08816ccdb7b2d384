import type { Cache } from "@cadence/cache";
import { cacheFromEnv } from "@cadence/cache";
import { connectionFromEnv, createDb } from "@cadence/db";
import type { Db, DbHandle } from "@cadence/db";

export interface Engines {
  handle: DbHandle;
  db: Db;
  cache: Cache;
}

// One database handle and cache per process, on globalThis: PGlite allows a single owner of its
// files, rate limits and session state must be counted in one place, and two copies of this
// module run in the server (apps/web/server.ts's own, for /api/trpc, and the one Next.js
// bundles for pages and the other routes). Not `server-only`, so the node:http server can load it.
const globalForEngines = globalThis as unknown as { cadenceEngines?: Engines };

export function engines(): Engines {
  if (!globalForEngines.cadenceEngines) {
    const handle = createDb(connectionFromEnv());
    globalForEngines.cadenceEngines = { handle, db: handle.db, cache: cacheFromEnv() };
  }
  return globalForEngines.cadenceEngines;
}
