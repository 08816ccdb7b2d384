import type { HlsConfig, LoaderContext, LoaderResponse, RetryConfig } from "hls.js";
import { describe, expect, it, vi } from "vitest";

import { StreamGrant, withGrantRenewal } from "./grant";
import { SourceResolver } from "./sources";
import type { PlayableSource } from "./types";

function setup() {
  let now = 0;
  let issued = 0;
  const resolve = vi.fn(() =>
    Promise.resolve<PlayableSource>({
      url: `https://o/stream/t1/master.m3u8?u=1&e=${++issued}&s=sig${issued}`,
      expiresAt: now + 600_000,
    }),
  );
  const sources = new SourceResolver(resolve, { now: () => now });
  return { sources, resolve, advance: (ms: number) => (now += ms) };
}

const SIGNED = "?u=1&e=1&s=sig1";

describe("StreamGrant", () => {
  it("signs requests made with the loaded grant with the latest one", async () => {
    const { sources, advance } = setup();
    const loaded = await sources.get("t1");
    const grant = new StreamGrant("t1", loaded, sources);
    const segment = `https://o/stream/t1/128k/seg-00003.m4s${SIGNED}`;
    expect(grant.rewrite(segment)).toBe(segment);
    advance(600_000 - 59_000); // within the renewal margin
    await grant.ready();
    expect(grant.rewrite(segment)).toBe("https://o/stream/t1/128k/seg-00003.m4s?u=1&e=2&s=sig2");
    // The key route and foreign URLs carry no grant: untouched.
    expect(grant.rewrite("https://o/keys/t1")).toBe("https://o/keys/t1");
    expect(grant.rewrite("https://o/x?u=1&e=9&s=other")).toBe("https://o/x?u=1&e=9&s=other");
  });

  it("renews once however many requests wait on a refused grant", async () => {
    const { sources, resolve } = setup();
    const grant = new StreamGrant("t1", await sources.get("t1"), sources);
    await grant.ready();
    expect(resolve).toHaveBeenCalledTimes(1);
    grant.refuse();
    grant.refuse();
    await Promise.all([grant.ready(), grant.ready(), grant.ready()]);
    expect(resolve).toHaveBeenCalledTimes(2);
    expect(grant.source.url).toContain("e=2");
  });

  it("keeps the old grant when renewal fails, and tries again on the next request", async () => {
    const { sources, resolve } = setup();
    const grant = new StreamGrant("t1", await sources.get("t1"), sources);
    resolve.mockRejectedValueOnce(new Error("offline"));
    grant.refuse();
    await grant.ready();
    expect(grant.source.url).toContain("e=1");
    await grant.ready();
    expect(grant.source.url).toContain("e=2");
  });
});

describe("withGrantRenewal", () => {
  const defaults = {
    manifestLoadPolicy: { default: policy(1) },
    playlistLoadPolicy: { default: policy(2) },
    fragLoadPolicy: { default: policy(6) },
    keyLoadPolicy: { default: policy(8) },
  };

  function policy(maxNumRetry: number) {
    return {
      maxTimeToFirstByteMs: 1000,
      maxLoadTimeMs: 1000,
      timeoutRetry: null,
      errorRetry: { maxNumRetry, retryDelayMs: 100, maxRetryDelayMs: 100 },
    };
  }

  const shouldRetry = (config: Partial<HlsConfig>, name: keyof typeof defaults) => {
    const retry = config[name]?.default.errorRetry as RetryConfig;
    return (count: number, code: number, otherwise = false) =>
      retry.shouldRetry?.(retry, count, false, { code } as LoaderResponse, otherwise);
  };

  it("retries refused playlist, segment and key requests after renewing, up to the policy's limit", async () => {
    const { sources } = setup();
    const grant = new StreamGrant("t1", await sources.get("t1"), sources);
    const refuse = vi.spyOn(grant, "refuse");
    const config = withGrantRenewal({}, defaults, () => grant);
    for (const name of Object.keys(defaults) as (keyof typeof defaults)[]) {
      const decide = shouldRetry(config, name);
      expect(decide(0, 403)).toBe(true);
      expect(decide(0, 410)).toBe(true);
      expect(decide(defaults[name].default.errorRetry.maxNumRetry, 403)).toBe(false);
      // Anything else keeps hls.js's own decision.
      expect(decide(0, 404, false)).toBe(false);
      expect(decide(0, 500, true)).toBe(true);
    }
    expect(refuse).toHaveBeenCalledTimes(12);
  });

  it("opens each XHR on the renewed URL and then runs the app's own xhrSetup", async () => {
    const { sources } = setup();
    const grant = new StreamGrant("t1", await sources.get("t1"), sources);
    grant.refuse();
    const appSetup = vi.fn();
    const config = withGrantRenewal({ xhrSetup: appSetup }, defaults, () => grant);
    const open = vi.fn();
    const xhr = { open } as unknown as XMLHttpRequest;
    const url = `https://o/stream/t1/128k/index.m3u8${SIGNED}`;
    await config.xhrSetup?.(xhr, url, { url } as LoaderContext);
    const renewed = "https://o/stream/t1/128k/index.m3u8?u=1&e=2&s=sig2";
    expect(open).toHaveBeenCalledWith("GET", renewed, true);
    expect(appSetup).toHaveBeenCalledWith(xhr, renewed, { url });
  });
});
