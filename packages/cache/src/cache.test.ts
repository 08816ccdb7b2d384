import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { cached, CacheUnavailableError } from "./cache";
import type { Cache } from "./cache";
import { IoredisCache } from "./ioredis-cache";
import { MemoryCache } from "./memory-cache";
import { RateLimiter } from "./rate-limit";
import { QUIET_AFTER_TIMEOUT_MS } from "./remote";
import { startRedisHttpBridge } from "./redis-http/server";
import type { RedisHttpBridge } from "./redis-http/server";
import { createTestBridgedCache, createTestRedisCache, startDedicatedRedis, testRedisUrl } from "./testing";
import type { DedicatedRedis } from "./testing";
import { UpstashCache } from "./upstash-cache";

let direct: Cache;
let bridged: Cache;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const redis = createTestRedisCache();
  const viaBridge = await createTestBridgedCache();
  ({ cache: direct } = redis);
  bridged = viaBridge.cache;
  closers.push(redis.close, viaBridge.close);
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

// Every engine keeps the same contract; the bridged one also proves the bridge's allowlist lets
// through everything the Upstash engine sends.
const engines: [string, () => Cache][] = [
  ["memory", () => new MemoryCache()],
  ["redis (ioredis, direct)", () => direct],
  ["redis (Upstash client through the bridge)", () => bridged],
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

  it("fills a missed key once, and refuses a fill after an invalidation or another fill", async () => {
    const cache = make();
    const k = key();
    const first = await cache.lookup(k);
    expect(first).toEqual({ hit: false, mark: null });
    const second = await cache.lookup(k);
    expect(await cache.fill(k, { v: "loaded" }, 60, null)).toBe(true);
    expect(await cache.lookup(k)).toEqual({ hit: true, value: { v: "loaded" } });
    // Another reader that missed at the same time does not overwrite it.
    expect(second.hit ? null : await cache.fill(k, { v: "late" }, 60, second.mark)).toBe(false);

    await cache.invalidate(k);
    const missed = await cache.lookup(k);
    expect(missed.hit).toBe(false);
    expect(await cache.get(k)).toBeNull();
    if (missed.hit) return;
    expect(missed.mark).toMatch(/^~/);
    // A write lands while the value is being loaded: the load may predate it, so it is not kept.
    await cache.invalidate(k);
    expect(await cache.fill(k, { v: "stale" }, 60, missed.mark)).toBe(false);
    const again = await cache.lookup(k);
    expect(again.hit).toBe(false);
    if (again.hit) return;
    expect(again.mark).not.toBe(missed.mark);
    expect(await cache.fill(k, { v: "fresh" }, 60, again.mark)).toBe(true);
    expect(await cache.get(k)).toEqual({ v: "fresh" });
  });

  it("read-through caching never keeps a value loaded across a write", async () => {
    const cache = make();
    const k = key();
    let row = "before";
    const racing = await cached(cache, k, 60, async () => {
      const read = row;
      // The write commits and invalidates while this load is in flight.
      row = "after";
      await cache.invalidate(k);
      return read;
    });
    expect(racing).toBe("before");
    expect(await cached(cache, k, 60, () => Promise.resolve(row))).toBe("after");
    // Now it is a hit, and a cached null is a hit too.
    expect(await cached(cache, k, 60, () => Promise.resolve("not loaded"))).toBe("after");
    const n = key();
    expect(await cached(cache, n, 60, () => Promise.resolve(null))).toBeNull();
    expect(await cached(cache, n, 60, () => Promise.resolve("not loaded"))).toBeNull();
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

  it("counts a chain of counters in turn and stops at the first past its limit", async () => {
    const cache = make();
    const [a, b] = [key(), key()];
    const chain = [
      { key: a, limit: 2 },
      { key: b, limit: 3 },
    ];
    expect(await cache.hitUntil(chain, 60)).toEqual({ over: -1, resetInMs: 0 });
    expect(await cache.hitUntil(chain, 60)).toEqual({ over: -1, resetInMs: 0 });
    const refused = await cache.hitUntil(chain, 60);
    expect(refused.over).toBe(0);
    expect(refused.resetInMs).toBeGreaterThan(55_000);
    // The first refused the hit, so the second was not counted.
    expect((await cache.peek(a)).count).toBe(3);
    expect((await cache.peek(b)).count).toBe(2);
    expect(await cache.hitUntil([{ key: b, limit: 3 }], 60)).toEqual({ over: -1, resetInMs: 0 });
    expect((await cache.hitUntil([{ key: b, limit: 3 }], 60)).over).toBe(0);
    expect(await cache.hitUntil([], 60)).toEqual({ over: -1, resetInMs: 0 });
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

describe.each([
  ["Upstash client", () => new UpstashCache({ url: "http://127.0.0.1:9", token: "x", timeoutMs: 500 })],
  ["ioredis", () => new IoredisCache({ url: "redis://127.0.0.1:9", timeoutMs: 500 })],
])("%s, when Redis is unreachable", (_name, make) => {
  const down = make();
  afterAll(async () => {
    if (down instanceof IoredisCache) await down.close();
  });

  it("raises CacheUnavailableError quickly, every time", async () => {
    for (const call of [() => down.get("k"), () => down.hit("k", 60), () => down.invalidate("k")]) {
      const started = Date.now();
      await expect(call()).rejects.toBeInstanceOf(CacheUnavailableError);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it("read-through caching keeps serving from the source", async () => {
    expect(await cached(down, "k", 60, () => Promise.resolve("from db"))).toBe("from db");
  });
});

describe.each([
  ["Upstash client through the bridge", "bridge"],
  ["ioredis", "direct"],
])("%s, when Redis hangs", (_name, kind) => {
  let hung: DedicatedRedis;
  let cache: Cache;
  let close: () => Promise<void>;
  beforeAll(async () => {
    hung = await startDedicatedRedis();
    if (kind === "direct") {
      const direct = new IoredisCache({ url: hung.url, timeoutMs: 500 });
      [cache, close] = [direct, () => direct.close()];
    } else {
      const token = randomBytes(16).toString("hex");
      const own = await startRedisHttpBridge({ redisUrl: hung.url, token });
      [cache, close] = [new UpstashCache({ url: own.url, token, timeoutMs: 500 }), () => own.close()];
    }
  });
  afterAll(async () => {
    await close();
    await hung.close();
  });

  it("times out once, then fails at once for a while, then serves again", async () => {
    await cache.set("k", "v", 60);
    hung.pause();
    try {
      let started = Date.now();
      await expect(cache.get("k")).rejects.toBeInstanceOf(CacheUnavailableError);
      expect(Date.now() - started).toBeGreaterThanOrEqual(450);
      started = Date.now();
      for (let i = 0; i < 5; i++)
        await expect(cache.hit("n", 60)).rejects.toBeInstanceOf(CacheUnavailableError);
      expect(Date.now() - started).toBeLessThan(100);
    } finally {
      hung.resume();
    }
    await new Promise((r) => setTimeout(r, QUIET_AFTER_TIMEOUT_MS));
    expect(await cache.get("k")).toBe("v");
  }, 15_000);

  it("fails every call within one timeout of its start, calls made while others wait included", async () => {
    hung.pause();
    try {
      const call = async () => {
        const started = Date.now();
        await expect(cache.get("k")).rejects.toBeInstanceOf(CacheUnavailableError);
        return Date.now() - started;
      };
      const first = Array.from({ length: 5 }, call);
      await new Promise((r) => setTimeout(r, 150));
      const waits = await Promise.all([...first, ...Array.from({ length: 5 }, call)]);
      expect(Math.max(...waits)).toBeLessThan(500 + 300);
    } finally {
      hung.resume();
    }
    await new Promise((r) => setTimeout(r, QUIET_AFTER_TIMEOUT_MS));
    expect(await cache.get("k")).toBe("v");
  }, 15_000);
});

describe("ioredis engine", () => {
  it("waits for its first connection instead of failing the first commands", async () => {
    const cache = new IoredisCache({ url: testRedisUrl, prefix: `test:${randomBytes(6).toString("hex")}:` });
    try {
      await expect(cache.ping()).resolves.toBeUndefined();
      expect(await cache.hit("k", 60)).toMatchObject({ count: 1 });
    } finally {
      await cache.close();
    }
  });
});

// On a Redis of its own: were the allowlist broken, these commands would flush or shut down
// whatever Redis the bridge is in front of, and the machine's is shared with other suites.
describe("redis-http bridge", () => {
  let ownRedis: DedicatedRedis;
  let ownBridge: RedisHttpBridge;
  const call = (body: unknown, path = "", token = ownBridge.token) =>
    fetch(`${ownBridge.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const canary = "canary";

  beforeAll(async () => {
    ownRedis = await startDedicatedRedis();
    ownBridge = await startRedisHttpBridge({
      redisUrl: ownRedis.url,
      token: randomBytes(16).toString("hex"),
    });
    expect((await call(["SET", canary, "alive"])).status).toBe(200);
  });
  afterAll(async () => {
    await ownBridge.close();
    await ownRedis.close();
  });

  it("rejects a wrong token", async () => {
    expect((await call(["PING"], "", "wrong")).status).toBe(401);
  });

  it("returns Redis errors as 400 with the message", async () => {
    const res = await call(["GET"]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/wrong number of arguments/i);
  });

  it.each([
    ["FLUSHALL"],
    ["flushdb"],
    ["CONFIG", "SET", "appendonly", "no"],
    ["KEYS", "*"],
    ["SCAN", "0"],
    ["SHUTDOWN", "NOSAVE"],
    ["SCRIPT", "FLUSH"],
    ["EVALSHA", "0".repeat(40), "0"],
    ["EVAL", "return redis.call('FLUSHALL')", "0"],
    ["NOSUCHCOMMAND"],
  ])("refuses %s with 403 before it reaches Redis", async (...command) => {
    const res = await call(command);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/not allowed by the bridge/);
  });

  it("refuses a command in the path form too", async () => {
    const res = await fetch(`${ownBridge.url}/flushall`, {
      headers: { authorization: `Bearer ${ownBridge.token}` },
    });
    expect(res.status).toBe(403);
  });

  it.each(["/pipeline", "/multi-exec"])("runs none of a %s that holds a refused command", async (path) => {
    const written = `${canary}:${path.slice(1)}`;
    const res = await call([["SET", written, "x"], ["FLUSHALL"]], path);
    expect(res.status).toBe(403);
    const read = (await (await call(["GET", written])).json()) as { result: unknown };
    expect(read.result).toBeNull();
    const alive = (await (await call(["GET", canary])).json()) as { result: unknown };
    expect(alive.result).toBe("alive");
  });
});

describe("CacheUnavailableError", () => {
  it("is recognised when another copy of this module threw it (the app server runs two)", async () => {
    vi.resetModules();
    const copy = await import("./cache");
    expect(copy.CacheUnavailableError).not.toBe(CacheUnavailableError);
    const foreign = new copy.CacheUnavailableError(new Error("down"));
    expect(foreign).toBeInstanceOf(CacheUnavailableError);
    expect(new Error("cache unavailable")).not.toBeInstanceOf(CacheUnavailableError);
    // So a read-through load still fails open on it.
    const failing = { lookup: () => Promise.reject(foreign) } as unknown as Parameters<typeof cached>[0];
    expect(await cached(failing, "k", 60, () => Promise.resolve("from the source"))).toBe("from the source");
  });
});
