import path from "node:path";

import type { DbConnection } from "./client";
import { dataDir, env } from "./env";

/** The connection the environment asks for: Postgres when DATABASE_URL is set, else embedded PGlite. */
export function connectionFromEnv(): DbConnection {
  if (env.DATABASE_URL) return { driver: "postgres", url: env.DATABASE_URL };
  return { driver: "pglite", dataDir: path.join(dataDir, "pglite") };
}
