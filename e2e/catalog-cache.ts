import { execFileSync } from "node:child_process";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

function forget(pattern: string): void {
  const keys = execFileSync("redis-cli", ["-u", redisUrl, "--scan", "--pattern", pattern], {
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  if (keys.length > 0) execFileSync("redis-cli", ["-u", redisUrl, "del", ...keys]);
}

/**
 * Drops the e2e server's cached catalog entries. A spec that changes catalog rows behind the
 * app's back (as a label's rights update would arrive through ingest, which forgets them
 * itself) calls this so the next page shows the rows as they now are.
 */
export function forgetCachedCatalog(): void {
  forget("e2e:*catalog:*");
}

/**
 * Drops the e2e server's cached session states, which carry each listener's rights (country,
 * explicit setting, plan). A spec that changes those rows behind the app's back, as an operator
 * would, calls this; the app's own writes drop the entry themselves.
 */
export function forgetCachedSessions(): void {
  forget("e2e:*session:*");
}
