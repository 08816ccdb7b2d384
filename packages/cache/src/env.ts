import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    // Upstash REST endpoint: Upstash itself, or a redis-http bridge; wins over REDIS_URL.
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    // Prepended to every key, for installs sharing one Redis.
    CACHE_PREFIX: z.string().default("cadence:"),
    // A plain Redis, which the app talks to directly (and the bridge CLI puts behind HTTP).
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "a redis:// or rediss:// URL" }).optional(),
    // The bridge CLI's own settings (`pnpm --filter @cadence/cache proxy`).
    REDIS_HTTP_TOKEN: z.string().min(16).optional(),
    REDIS_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    REDIS_HTTP_HOST: z.string().min(1).default("127.0.0.1"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
