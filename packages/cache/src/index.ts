import { env } from "./env";
import { IoredisCache } from "./ioredis-cache";
import { MemoryCache } from "./memory-cache";
import { UpstashCache } from "./upstash-cache";
import type { Cache } from "./cache";

export { cached, CacheUnavailableError } from "./cache";
export type { Cache, HitCounter, HitUntil, Lookup, WindowCount } from "./cache";
export { IoredisCache } from "./ioredis-cache";
export { MemoryCache } from "./memory-cache";
export { UpstashCache } from "./upstash-cache";
export { rateLimitKey, RateLimiter, retryAfterSeconds } from "./rate-limit";
export type { RateLimitRule, RateLimitVerdict } from "./rate-limit";

/**
 * An Upstash REST endpoint when one is configured, else Redis directly (`REDIS_URL`), else
 * the in-process store.
 */
export function cacheFromEnv(): Cache {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return new UpstashCache({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
      prefix: env.CACHE_PREFIX,
    });
  }
  if (env.REDIS_URL) return new IoredisCache({ url: env.REDIS_URL, prefix: env.CACHE_PREFIX });
  return new MemoryCache();
}
