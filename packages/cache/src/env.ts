import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    // Upstash REST endpoint: Upstash itself, or the redis-http bridge in front of REDIS_URL.
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    // Prepended to every key, for installs sharing one Redis.
    CACHE_PREFIX: z.string().default("cadence:"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
