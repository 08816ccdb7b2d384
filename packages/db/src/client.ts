import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the app sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbConnection =
  | { driver: "postgres"; url: string; maxConnections?: number }
  // dataDir undefined = in memory (tests).
  | { driver: "pglite"; dataDir?: string };

export interface DbHandle {
  db: Db;
  driver: DbConnection["driver"];
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle");

export function createDb(connection: DbConnection): DbHandle {
  if (connection.driver === "postgres") {
    const client = postgres(connection.url, {
      max: connection.maxConnections ?? 10,
      onnotice: () => undefined,
    });
    const db = drizzlePostgres(client, { schema, casing: "snake_case" });
    return {
      db,
      driver: "postgres",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  // PGlite creates its own directory but not the parents: a fresh DATA_DIR must still work,
  // and be owner-only like the start script makes it (see data-dir.ts).
  if (connection.dataDir) mkdirSync(path.dirname(connection.dataDir), { recursive: true, mode: 0o700 });
  // The extensions search's migration creates; Postgres ships them in its contrib package.
  const client = new PGlite({ dataDir: connection.dataDir, extensions: { pg_trgm, unaccent } });
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}
