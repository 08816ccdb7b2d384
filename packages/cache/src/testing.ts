import { randomBytes } from "node:crypto";

import { startRedisHttpBridge } from "./redis-http/server";
import type { RedisHttpBridge } from "./redis-http/server";
import { UpstashCache } from "./upstash-cache";

export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The real Redis behind the redis-http bridge, with the Upstash client in front, as in production. */
export async function createTestRedisCache(): Promise<{ cache: UpstashCache; bridge: RedisHttpBridge }> {
  const token = randomBytes(16).toString("hex");
  const bridge = await startRedisHttpBridge({ redisUrl: testRedisUrl, token });
  // A fresh key prefix per stack: tests never see each other's counters, even across runs.
  const prefix = `test:${randomBytes(6).toString("hex")}:`;
  return { cache: new UpstashCache({ url: bridge.url, token, prefix }), bridge };
}
