import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { IoredisCache, MemoryCache } from "@cadence/cache";
import type { Cache } from "@cadence/cache";
import { createTestRedisCache } from "@cadence/cache/testing";

import { UNKNOWN_CLIENT_IP } from "./client-ip";
import { AppError } from "./errors";
import { admitRequest } from "./request-limits";
import type { RequestLimit } from "./request-limits";

const redis = createTestRedisCache();
afterAll(() => redis.close());

async function attempt(cache: Cache, userId: string, ip: string, limits: RequestLimit) {
  return admitRequest({ cache }, "write", { userId, ip }, limits).then(
    () => "admitted" as const,
    (error: unknown) => {
      if (error instanceof AppError && error.code === "THROTTLED") return error;
      throw error;
    },
  );
}

describe.each([
  ["memory", () => new MemoryCache()],
  ["redis", () => redis.cache],
])("request limits on the %s cache", (_name, make) => {
  // A fresh address per use (each run's Redis keys have a prefix of their own).
  let hosts = 0;
  const ip = () => `198.51.100.${++hosts}`;

  it("refuses an account past its limit, with the seconds to wait, and no one else", async () => {
    const cache = make();
    const [alice, bob, address] = [randomUUID(), randomUUID(), ip()];
    const limits = { perUser: 3, perIp: 100 };
    for (let i = 0; i < 3; i++) expect(await attempt(cache, alice, address, limits)).toBe("admitted");
    const refused = await attempt(cache, alice, address, limits);
    expect(refused).toBeInstanceOf(AppError);
    if (refused === "admitted") return;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.message).toMatch(/^Too many changes in a short time\. Try again in \d+ seconds?\.$/);
    expect(await attempt(cache, bob, address, limits)).toBe("admitted");
  });

  it("refuses an address past its limit, counting only what the accounts' limits let through", async () => {
    const cache = make();
    const address = ip();
    const limits = { perUser: 2, perIp: 3 };
    const noisy = randomUUID();
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await attempt(cache, noisy, address, limits));
    expect(verdicts.filter((v) => v === "admitted")).toHaveLength(2);
    // The address has seen two admitted requests: room for one more, from anyone there.
    expect(await attempt(cache, randomUUID(), address, limits)).toBe("admitted");
    expect(await attempt(cache, randomUUID(), address, limits)).toBeInstanceOf(AppError);
    expect(await attempt(cache, randomUUID(), ip(), limits)).toBe("admitted");
  });

  it("does not pool callers whose address is unknown, and 0 means no limit", async () => {
    const cache = make();
    for (let i = 0; i < 4; i++) {
      expect(await attempt(cache, randomUUID(), UNKNOWN_CLIENT_IP, { perUser: 1, perIp: 1 })).toBe(
        "admitted",
      );
    }
    const user = randomUUID();
    for (let i = 0; i < 20; i++)
      expect(await attempt(cache, user, ip(), { perUser: 0, perIp: 0 })).toBe("admitted");
  });
});

describe("request limits with the cache unreachable", () => {
  it("let requests through (fail open), quickly", async () => {
    const down = new IoredisCache({ url: "redis://127.0.0.1:9", timeoutMs: 300 });
    try {
      const started = Date.now();
      for (let i = 0; i < 5; i++) {
        expect(await attempt(down, randomUUID(), "192.0.2.1", { perUser: 1, perIp: 1 })).toBe("admitted");
      }
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await down.close();
    }
  });
});
