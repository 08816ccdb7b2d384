import type { Cache } from "./cache";

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The counter's key for a subject under a namespace: one format for every limiter. */
export function rateLimitKey(namespace: string, subject: string): string {
  return `rl:${namespace}:${subject}`;
}

/** What a refused caller is told to wait: the window's rest, in whole seconds, at least one. */
export function retryAfterSeconds(resetInMs: number): number {
  return Math.max(1, Math.ceil(resetInMs / 1000));
}

/**
 * Fixed-window counters under a namespace. A caller gates work with `hit`, which counts the
 * attempt and answers in one atomic step: checking first and counting after lets a burst of
 * parallel requests all pass the check. Errors from the cache propagate, so each caller
 * chooses: login throttling treats them as "deny" (fails closed).
 */
export class RateLimiter {
  constructor(
    private readonly cache: Cache,
    private readonly namespace: string,
    private readonly rule: RateLimitRule,
  ) {}

  private key(subject: string): string {
    return rateLimitKey(this.namespace, subject);
  }

  /** Count an attempt and say whether it was within the limit. */
  async hit(subject: string): Promise<RateLimitVerdict> {
    const { count, resetInMs } = await this.cache.hit(this.key(subject), this.rule.windowSeconds);
    if (count <= this.rule.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: retryAfterSeconds(resetInMs) };
  }

  /** Take back an attempt that should not count (it succeeded). */
  async release(subject: string): Promise<void> {
    await this.cache.release(this.key(subject));
  }

  async reset(subject: string): Promise<void> {
    await this.cache.del(this.key(subject));
  }
}
