import { describe, expect, it } from "vitest";
import { buildHlsConfig, chooseStartLevel, DEFAULT_BANDWIDTH_ESTIMATE_BPS } from "./abr";

const ladder = [64_000, 128_000, 256_000, 320_000];

describe("chooseStartLevel", () => {
  it("starts at the lowest level without an estimate", () => {
    expect(chooseStartLevel(ladder, null)).toBe(0);
    expect(chooseStartLevel(ladder, Number.NaN)).toBe(0);
    expect(chooseStartLevel([128_000], undefined)).toBe(0);
    expect(chooseStartLevel([], 1_000_000)).toBe(-1);
  });

  it("picks the highest level that fits in the safety margin", () => {
    expect(chooseStartLevel(ladder, 10_000_000)).toBe(3);
    expect(chooseStartLevel(ladder, 400_000)).toBe(2); // 280 kbps budget
    expect(chooseStartLevel(ladder, 200_000)).toBe(1); // 140 kbps budget
    expect(chooseStartLevel(ladder, 10_000)).toBe(0); // nothing fits: lowest
  });
});

describe("buildHlsConfig", () => {
  it("is tuned for fast start", () => {
    const c = buildHlsConfig();
    expect(c).toMatchObject({
      autoStartLoad: false,
      testBandwidth: false,
      startFragPrefetch: true,
      lowLatencyMode: false,
      abrEwmaDefaultEstimate: DEFAULT_BANDWIDTH_ESTIMATE_BPS,
    });
    expect(c.maxBufferLength).toBeLessThan(10);
    expect(c.xhrSetup).toBeUndefined();
  });

  it("carries the previous estimate and buffers less when preloading", () => {
    const c = buildHlsConfig({ estimateBps: 3_000_000, preload: true });
    expect(c.abrEwmaDefaultEstimate).toBe(3_000_000);
    expect(c.maxBufferLength).toBeLessThan(buildHlsConfig().maxBufferLength ?? 0);
  });

  it("sets credentials on requests when asked and applies overrides last", () => {
    const c = buildHlsConfig({ withCredentials: true, overrides: { enableWorker: true } });
    const xhr = { withCredentials: false } as XMLHttpRequest;
    void c.xhrSetup?.(xhr, "https://cdn/x.m3u8", {} as never);
    expect(xhr.withCredentials).toBe(true);
    expect(c.enableWorker).toBe(true);
  });
});
