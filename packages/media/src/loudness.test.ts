import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { measureLoudness, parseEbur128Summary } from "./loudness";
import { tempDir, writeTone } from "./testing";
import type { TempDir } from "./testing";

let dir: TempDir;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe("measureLoudness", () => {
  it("reads a -20 dBFS stereo 997 Hz tone as about -20 LUFS with a -20 dBTP peak", async () => {
    // EBU Tech 3341: a 1 kHz sine in both channels reads its peak level in LUFS.
    const file = path.join(dir.path, "tone.wav");
    await writeTone(file, { seconds: 5, amplitude: 0.1, frequency: 997 });
    const loudness = await measureLoudness(file);
    expect(loudness.integratedLufs).toBeCloseTo(-20, 0);
    expect(loudness.truePeakDb).not.toBeNull();
    expect(loudness.truePeakDb ?? 0).toBeCloseTo(-20, 0);
    expect(loudness.rangeLu).toBeLessThan(1);
  });

  it("hears a louder tone as louder by the gain difference", async () => {
    const quiet = path.join(dir.path, "quiet.flac");
    const loud = path.join(dir.path, "loud.flac");
    await writeTone(quiet, { seconds: 4, amplitude: 0.05 });
    await writeTone(loud, { seconds: 4, amplitude: 0.4 });
    const [a, b] = await Promise.all([measureLoudness(quiet), measureLoudness(loud)]);
    // 20·log10(0.4 / 0.05) ≈ 18.06 dB
    expect(b.integratedLufs - a.integratedLufs).toBeCloseTo(18.06, 0);
  });
});

describe("parseEbur128Summary", () => {
  it("takes the last summary (ffmpeg may print one per graph configuration) and maps silence", () => {
    const stderr = [
      "Summary:",
      "  Integrated loudness:",
      "    I:         -70.0 LUFS",
      "  True peak:",
      "    Peak:       -inf dBFS",
      "[Parsed_ebur128_0 @ 0x1] Summary:",
      "  Integrated loudness:",
      "    I:         -14.2 LUFS",
      "    Threshold: -24.3 LUFS",
      "  Loudness range:",
      "    LRA:         6.1 LU",
      "  True peak:",
      "    Peak:       -0.8 dBFS",
    ].join("\n");
    expect(parseEbur128Summary(stderr)).toEqual({ integratedLufs: -14.2, rangeLu: 6.1, truePeakDb: -0.8 });
    expect(parseEbur128Summary(stderr.split("[Parsed")[0] ?? "")).toEqual({
      integratedLufs: -70,
      rangeLu: 0,
      truePeakDb: null,
    });
    expect(() => parseEbur128Summary("no summary here")).toThrow(/no ebur128 summary/);
  });
});
