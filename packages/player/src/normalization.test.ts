import { describe, expect, it } from "vitest";
import { dbToGain, gainToDb, normalizationGainDb, outputLevels } from "./normalization";

describe("normalizationGainDb", () => {
  it("is 0 when off or when loudness is unknown", () => {
    expect(normalizationGainDb("off", { loudnessLufs: -6 })).toBe(0);
    expect(normalizationGainDb("normal", {})).toBe(0);
    expect(normalizationGainDb("normal", { loudnessLufs: Number.NaN })).toBe(0);
  });

  it("brings loud tracks down to the target", () => {
    expect(normalizationGainDb("normal", { loudnessLufs: -8, truePeakDb: 0.5 })).toBeCloseTo(-6);
    expect(normalizationGainDb("quiet", { loudnessLufs: -8 })).toBeCloseTo(-15);
    expect(normalizationGainDb("loud", { loudnessLufs: -8 })).toBeCloseTo(-3);
  });

  it("boosts quiet tracks only as far as the true-peak ceiling allows", () => {
    // -20 LUFS -> +6 dB wanted; peak -4 dBTP allows only +3 dB (to -1 dBTP).
    expect(normalizationGainDb("normal", { loudnessLufs: -20, truePeakDb: -4 })).toBeCloseTo(3);
    // Plenty of headroom: full boost.
    expect(normalizationGainDb("normal", { loudnessLufs: -20, truePeakDb: -10 })).toBeCloseTo(6);
  });

  it("attenuates a quiet track whose peak is already above the ceiling", () => {
    expect(normalizationGainDb("normal", { loudnessLufs: -16, truePeakDb: 0.5 })).toBeCloseTo(-1.5);
  });

  it("after limiting, truePeak + gain never exceeds the ceiling", () => {
    for (const lufs of [-30, -20, -14, -9, -5]) {
      for (const peak of [-12, -3, -1, 0, 1.5]) {
        for (const mode of ["quiet", "normal", "loud"] as const) {
          const gain = normalizationGainDb(mode, { loudnessLufs: lufs, truePeakDb: peak });
          expect(peak + gain).toBeLessThanOrEqual(-1 + 1e-9);
        }
      }
    }
  });

  it("supports a custom ceiling and caps boost without peak data", () => {
    expect(
      normalizationGainDb("normal", { loudnessLufs: -20, truePeakDb: -4 }, { ceilingDb: -2 }),
    ).toBeCloseTo(2);
    expect(normalizationGainDb("normal", { loudnessLufs: -40 })).toBe(12);
    expect(normalizationGainDb("normal", { loudnessLufs: -40 }, { maxBoostDb: 4 })).toBe(4);
  });
});

describe("dB conversions", () => {
  it("round-trips and matches known values", () => {
    expect(dbToGain(0)).toBe(1);
    expect(dbToGain(-6)).toBeCloseTo(0.501, 3);
    expect(dbToGain(-20)).toBeCloseTo(0.1);
    expect(gainToDb(dbToGain(-7.3))).toBeCloseTo(-7.3);
  });
});

describe("outputLevels", () => {
  it("without WebAudio attenuates through element volume and never boosts", () => {
    expect(outputLevels(0.8, false, -6, false).elementVolume).toBeCloseTo(0.8 * dbToGain(-6));
    expect(outputLevels(0.8, false, 6, false)).toEqual({ elementVolume: 0.8, nodeGain: 1 });
  });

  it("with WebAudio keeps the user volume on the element and the gain on the node", () => {
    const out = outputLevels(0.5, false, 3, true);
    expect(out.elementVolume).toBe(0.5);
    expect(out.nodeGain).toBeCloseTo(dbToGain(3));
  });

  it("mutes and clamps", () => {
    expect(outputLevels(1, true, 0, false).elementVolume).toBe(0);
    expect(outputLevels(3, false, 0, false).elementVolume).toBe(1);
    expect(outputLevels(-1, false, 0, false).elementVolume).toBe(0);
    expect(outputLevels(Number.NaN, false, 0, false).elementVolume).toBe(0);
  });
});
