import { describe, expect, it, vi } from "vitest";

import { SOURCE_MARGIN_MAX_MS, SourceResolver } from "./sources";
import type { PlayableSource } from "./types";

function setup(ttlMs = 600_000) {
  let now = 1_000_000;
  let issued = 0;
  const resolve = vi.fn((trackId: string) =>
    Promise.resolve<PlayableSource>({ url: `/s/${trackId}?n=${++issued}`, expiresAt: now + ttlMs }),
  );
  const sources = new SourceResolver(resolve, { now: () => now, capacity: 3 });
  return { sources, resolve, advance: (ms: number) => (now += ms), now: () => now };
}

describe("SourceResolver", () => {
  it("asks once for concurrent requests of a track and serves the answer while it is fresh", async () => {
    const { sources, resolve, advance } = setup();
    const [a, b] = await Promise.all([sources.get("t1"), sources.get("t1")]);
    expect(a).toBe(b);
    advance(600_000 - SOURCE_MARGIN_MAX_MS - 1);
    expect(await sources.get("t1")).toBe(a);
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it("re-resolves a source once it is within the margin of its expiry", async () => {
    const { sources, resolve, advance } = setup();
    const first = await sources.get("t1");
    advance(600_000 - SOURCE_MARGIN_MAX_MS);
    expect(sources.peek("t1")).toBeUndefined();
    const second = await sources.get("t1");
    expect(second.url).not.toBe(first.url);
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it("a short grant is used for three quarters of its lifetime", async () => {
    const { sources, resolve, advance } = setup(8_000);
    const first = await sources.get("t1");
    advance(5_999);
    expect(await sources.get("t1")).toBe(first);
    advance(1);
    expect(await sources.get("t1")).not.toBe(first);
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it("sources without an expiry are kept until the least recently used is evicted", async () => {
    const resolve = vi.fn((trackId: string) => Promise.resolve({ url: `/s/${trackId}` }));
    const sources = new SourceResolver(resolve, { capacity: 2 });
    await sources.get("t1");
    await sources.get("t2");
    await sources.get("t1");
    expect(resolve).toHaveBeenCalledTimes(2);
    await sources.get("t3"); // evicts t2, used least recently
    await sources.get("t1");
    await sources.get("t2");
    expect(resolve.mock.calls.map(([id]) => id)).toEqual(["t1", "t2", "t3", "t2"]);
  });

  it("remembers fresh sources the app already holds and ignores stale ones", async () => {
    const { sources, resolve, now } = setup();
    const known = { url: "/known", expiresAt: now() + 5 * 60_000 };
    sources.remember("t1", known);
    // Its lifetime is unknown: the full margin applies.
    sources.remember("t2", { url: "/stale", expiresAt: now() + SOURCE_MARGIN_MAX_MS });
    expect(await sources.get("t1")).toBe(known);
    expect((await sources.get("t2")).url).toMatch(/^\/s\/t2/);
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it("invalidate makes the next get ask again, joined by everyone asking meanwhile", async () => {
    const { sources, resolve } = setup();
    await sources.get("t1");
    sources.invalidate("t1");
    const [a, b] = await Promise.all([sources.get("t1"), sources.get("t1")]);
    expect(a).toBe(b);
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it("a failed resolution is not kept: the next get tries again", async () => {
    const resolve = vi
      .fn<(id: string) => Promise<PlayableSource>>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValue({ url: "/ok" });
    const sources = new SourceResolver(resolve);
    await expect(sources.get("t1")).rejects.toThrow("offline");
    expect(await sources.get("t1")).toEqual({ url: "/ok" });
  });
});
