import type { Cache } from "./cache";

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters under a namespace. Errors from the cache propagate, so each caller
 * chooses: login throttling treats them as "deny" (fails closed).
 */
export class RateLimiter {
  constructor(
    private readonly cache: Cache,
    private readonly namespace: string,
    private readonly rule: RateLimitRule,
  ) {}

  private key(subject: string): string {
    return `rl:${this.namespace}:${subject}`;
  }

  /** Whether another attempt is allowed now, without counting one. */
  async check(subject: string): Promise<RateLimitVerdict> {
    const { count, resetInMs } = await this.cache.peek(this.key(subject));
    return this.verdict(count >= this.rule.limit, resetInMs);
  }

  /** Count an attempt and say whether it was within the limit. */
  async hit(subject: string): Promise<RateLimitVerdict> {
    const { count, resetInMs } = await this.cache.hit(this.key(subject), this.rule.windowSeconds);
    return this.verdict(count > this.rule.limit, resetInMs);
  }

  async reset(subject: string): Promise<void> {
    await this.cache.del(this.key(subject));
  }

  private verdict(exceeded: boolean, resetInMs: number): RateLimitVerdict {
    if (!exceeded) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
  }
}
