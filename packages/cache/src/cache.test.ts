import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cached, CacheUnavailableError } from "./cache";
import type { Cache } from "./cache";
import { MemoryCache } from "./memory-cache";
import { RateLimiter } from "./rate-limit";
import { createTestRedisCache } from "./testing";
import type { RedisHttpBridge } from "./redis-http/server";
import { UpstashCache } from "./upstash-cache";

let bridge: RedisHttpBridge;
let redisCache: Cache;

beforeAll(async () => {
  ({ cache: redisCache, bridge } = await createTestRedisCache());
});
afterAll(async () => {
  await bridge.close();
});

const engines: [string, () => Cache][] = [
  ["memory", () => new MemoryCache()],
  ["redis", () => redisCache],
];

describe.each(engines)("%s cache", (_name, make) => {
  const key = () => `test:${randomBytes(6).toString("hex")}`;

  it("stores JSON values until they expire", async () => {
    const cache = make();
    const k = key();
    await cache.set(k, { name: "Ünïcödé ♫", n: 3 }, 1);
    expect(await cache.get(k)).toEqual({ name: "Ünïcödé ♫", n: 3 });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await cache.get(k)).toBeNull();
  });

  it("deletes keys", async () => {
    const cache = make();
    const k = key();
    await cache.set(k, 1, 60);
    await cache.del(k);
    expect(await cache.get(k)).toBeNull();
  });

  it("counts hits in a window and reports when it resets", async () => {
    const cache = make();
    const k = key();
    expect((await cache.peek(k)).count).toBe(0);
    await cache.hit(k, 60);
    const second = await cache.hit(k, 60);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(55_000);
    expect((await cache.peek(k)).count).toBe(2);
  });

  it("rate-limits after the limit and says when to retry", async () => {
    const limiter = new RateLimiter(make(), `t${randomBytes(4).toString("hex")}`, {
      limit: 3,
      windowSeconds: 30,
    });
    for (let i = 0; i < 3; i++) expect(await limiter.hit("alice")).toEqual({ allowed: true });
    const denied = await limiter.hit("alice");
    expect(denied.allowed).toBe(false);
    if (!denied.allowed) expect(denied.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(await limiter.hit("bob")).toEqual({ allowed: true });
    await limiter.reset("alice");
    expect(await limiter.hit("alice")).toEqual({ allowed: true });
  });

  it("lets exactly the limit through a burst of parallel hits", async () => {
    const limiter = new RateLimiter(make(), `t${randomBytes(4).toString("hex")}`, {
      limit: 5,
      windowSeconds: 30,
    });
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => limiter.hit("burst")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });

  it("releases a hit without going below zero or creating a key", async () => {
    const cache = make();
    const k = key();
    await cache.release(k);
    expect(await cache.peek(k)).toEqual({ count: 0, resetInMs: 0 });
    await cache.hit(k, 60);
    await cache.hit(k, 60);
    await cache.release(k);
    const after = await cache.peek(k);
    expect(after.count).toBe(1);
    expect(after.resetInMs).toBeGreaterThan(55_000);
    await cache.release(k);
    await cache.release(k);
    expect((await cache.peek(k)).count).toBe(0);
  });
});

describe("when Redis is unreachable", () => {
  const down = new UpstashCache({ url: "http://127.0.0.1:9", token: "x", timeoutMs: 500 });

  it("raises CacheUnavailableError quickly", async () => {
    const started = Date.now();
    await expect(down.get("k")).rejects.toBeInstanceOf(CacheUnavailableError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("read-through caching keeps serving from the source", async () => {
    expect(await cached(down, "k", 60, () => Promise.resolve("from db"))).toBe("from db");
  });
});

describe("redis-http bridge", () => {
  it("rejects a wrong token", async () => {
    const res = await fetch(bridge.url, {
      method: "POST",
      headers: { authorization: "Bearer wrong" },
      body: JSON.stringify(["PING"]),
    });
    expect(res.status).toBe(401);
  });

  it("returns Redis errors as 400 with the message", async () => {
    const res = await fetch(bridge.url, {
      method: "POST",
      headers: { authorization: `Bearer ${bridge.token}` },
      body: JSON.stringify(["NOSUCHCOMMAND"]),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown command/i);
  });
});
