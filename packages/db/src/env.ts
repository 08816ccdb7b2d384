import { existsSync } from "node:fs";
import path from "node:path";

import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    // Postgres connection string; without it the embedded PGlite database is used.
    DATABASE_URL: z.url().optional(),
    // Where embedded state lives (PGlite files, media objects) when no real engine is set.
    DATA_DIR: z.string().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

/** The repository root, found by walking up to pnpm-workspace.yaml, so every process agrees. */
function workspaceRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}

export const dataDir = path.resolve(
  /*turbopackIgnore: true*/ env.DATA_DIR ?? path.join(workspaceRoot(process.cwd()), ".data"),
);
