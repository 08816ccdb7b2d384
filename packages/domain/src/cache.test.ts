import { afterAll, describe, expect, it, vi } from "vitest";

import { IoredisCache, MemoryCache } from "@cadence/cache";
import { createTestRedisCache } from "@cadence/cache/testing";

import { cached, cacheKey, invalidate } from "./cache";

const redis = createTestRedisCache();
afterAll(() => redis.close());

describe("cache keys", () => {
  it("keep namespaces apart and carry the format version", () => {
    expect(cacheKey("album", "a1")).toBe("album:v2:a1");
    expect(cacheKey("playlist", "p1", "first")).toBe("playlist:v2:p1:first");
    expect(cacheKey("album", "x")).not.toBe(cacheKey("artist", "x"));
  });
});

describe.each([
  ["memory", () => new MemoryCache()],
  ["redis", () => redis.cache],
])("invalidation on the %s cache", (_name, make) => {
  it("makes the next read load the new rows", async () => {
    const cache = make();
    const key = cacheKey("album", crypto.randomUUID());
    let row = "old title";
    const load = () => Promise.resolve(row);
    expect(await cached(cache, key, 60, load)).toBe("old title");
    row = "new title";
    expect(await cached(cache, key, 60, load)).toBe("old title");
    await invalidate(cache, key);
    expect(await cached(cache, key, 60, load)).toBe("new title");
  });
});

describe("invalidation with the cache unreachable", () => {
  it("does not throw, and logs a warning naming the keys", async () => {
    const down = new IoredisCache({ url: "redis://127.0.0.1:9", timeoutMs: 300 });
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await expect(invalidate(down, cacheKey("album", "a1"))).resolves.toBeUndefined();
    } finally {
      stdout.mockRestore();
      await down.close();
    }
    const logged = written
      .flatMap((chunk) => chunk.split("\n"))
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; keys?: string[]; msg: string });
    const warning = logged.find((line) => line.level === 40);
    expect(warning?.keys).toEqual(["album:v2:a1"]);
    expect(warning?.msg).toMatch(/invalidation failed/);
  });
});
