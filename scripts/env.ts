import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** What only the start script reads; the app's own settings are validated by their packages. */
export const env = createEnv({
  server: {
    // "1": serve the existing build without checking whether the sources are newer.
    SKIP_BUILD: z.enum(["0", "1"]).default("0"),
    // "off": no demo catalog. DEMO_MUSIC_DIR: where it is synthesised (default <DATA_DIR>/demo-music).
    DEMO_CATALOG: z.enum(["on", "off"]).default("on"),
    DEMO_MUSIC_DIR: z.string().min(1).optional(),
    // A smaller, shorter demo catalog, for tests and quick trials.
    DEMO_TRACKS: z.coerce.number().int().positive().optional(),
    DEMO_SECONDS: z.coerce.number().positive().optional(),
    // The app's own, read here before the app loads (app-env.ts completes them).
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    NEXTAUTH_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(1).optional(),
    STREAM_SIGNING_SECRET: z.string().min(1).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
