import { env } from "./env";
import { MemoryCache } from "./memory-cache";
import { UpstashCache } from "./upstash-cache";
import type { Cache } from "./cache";

export { cached, CacheUnavailableError } from "./cache";
export type { Cache, WindowCount } from "./cache";
export { MemoryCache } from "./memory-cache";
export { UpstashCache } from "./upstash-cache";
export { RateLimiter } from "./rate-limit";
export type { RateLimitRule, RateLimitVerdict } from "./rate-limit";

/** Redis (through the Upstash client) when configured, else the in-process store. */
export function cacheFromEnv(): Cache {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return new UpstashCache({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
      prefix: env.CACHE_PREFIX,
    });
  }
  return new MemoryCache();
}
