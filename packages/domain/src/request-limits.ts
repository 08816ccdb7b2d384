import { CacheUnavailableError, rateLimitKey, retryAfterSeconds } from "@cadence/cache";

import { UNKNOWN_CLIENT_IP } from "./client-ip";
import { env } from "./env";
import { AppError } from "./errors";
import type { DomainServices } from "./services";

/** The kinds of request that are rate-limited: changes, and reads that cost real work. */
export type RequestKind = "write" | "expensive-read";

/** Requests allowed a minute; 0 for no limit. */
export interface RequestLimit {
  perUser: number;
  perIp: number;
}

export const REQUEST_LIMITS: Record<RequestKind, RequestLimit> = {
  write: { perUser: env.RATE_LIMIT_WRITES_PER_USER, perIp: env.RATE_LIMIT_WRITES_PER_IP },
  "expensive-read": { perUser: env.RATE_LIMIT_READS_PER_USER, perIp: env.RATE_LIMIT_READS_PER_IP },
};

const WINDOW_SECONDS = 60;

const refusal: Record<RequestKind, string> = {
  write: "Too many changes in a short time.",
  "expensive-read": "Too many requests in a short time.",
};

/**
 * Counts a request against its kind's limits, per account and then per address (which counts
 * only what the account's limit let through, so one noisy account behind a shared address does
 * not use up everyone's allowance), and refuses it past either with THROTTLED and the seconds
 * to wait. An address the server did not resolve is not counted: it would pool every caller.
 *
 * Fails open: without the cache nobody can be counted, and these limits guard capacity, not
 * correctness (Postgres holds the truth, and every write checks its own rights), so a cache
 * outage must not become an outage of every write. Password checks fail closed instead.
 */
export async function admitRequest(
  services: Pick<DomainServices, "cache">,
  kind: RequestKind,
  caller: { userId: string; ip: string },
  limits: RequestLimit = REQUEST_LIMITS[kind],
): Promise<void> {
  const counters = [
    { key: rateLimitKey(`${kind}-user`, caller.userId), limit: limits.perUser },
    {
      key: rateLimitKey(`${kind}-ip`, caller.ip),
      limit: caller.ip === UNKNOWN_CLIENT_IP ? 0 : limits.perIp,
    },
  ].filter((counter) => counter.limit > 0);
  // Both counters in one round trip; the address is counted only if the account was let through.
  const verdict = await services.cache.hitUntil(counters, WINDOW_SECONDS).catch((error: unknown) => {
    if (error instanceof CacheUnavailableError) return null;
    throw error;
  });
  if (verdict === null || verdict.over < 0) return;
  const wait = retryAfterSeconds(verdict.resetInMs);
  throw new AppError(
    "THROTTLED",
    `${refusal[kind]} Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
    undefined,
    wait,
  );
}
