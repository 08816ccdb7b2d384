import { runFfmpeg, untrustedInput } from "./ffmpeg";
import type { RunOptions } from "./ffmpeg";

export interface Loudness {
  /** EBU R128 integrated loudness. Silence reads as -70 LUFS (the absolute gate). */
  integratedLufs: number;
  /** Loudness range (LRA). */
  rangeLu: number;
  /** True peak (4x oversampled), dBTP; null for digital silence. */
  truePeakDb: number | null;
}

/** The filter to append to any graph whose stderr is later handed to parseEbur128Summary. */
// framelog=verbose keeps the ten-per-second momentary lines out of stderr; the summary stays.
export const EBUR128_FILTER = "ebur128=peak=true:framelog=verbose";

export class LoudnessParseError extends Error {
  override readonly name = "LoudnessParseError";
}

export async function measureLoudness(file: string, options: RunOptions = {}): Promise<Loudness> {
  const { stderr } = await runFfmpeg(
    [...untrustedInput(file), "-map", "0:a:0", "-af", EBUR128_FILTER, "-f", "null", "-"],
    options,
  );
  return parseEbur128Summary(stderr);
}

/**
 * Reads the summary the ebur128 filter prints when it closes. Only the final "Summary:" block is
 * used: per-frame lines (at verbose log levels) carry momentary values, not the programme's.
 */
export function parseEbur128Summary(stderr: string): Loudness {
  const at = stderr.lastIndexOf("Summary:");
  if (at < 0) throw new LoudnessParseError("ffmpeg printed no ebur128 summary");
  const summary = stderr.slice(at);
  const integrated = summary.match(/I:\s*(-?[\d.]+|-inf)\s*LUFS/);
  const range = summary.match(/LRA:\s*(-?[\d.]+)\s*LU/);
  const peak = summary.match(/Peak:\s*(-?[\d.]+|-?inf)\s*dBFS/);
  if (!integrated?.[1]) throw new LoudnessParseError("ebur128 summary has no integrated loudness");
  const integratedLufs = integrated[1] === "-inf" ? -70 : Number(integrated[1]);
  const peakValue = peak?.[1];
  return {
    integratedLufs,
    rangeLu: range?.[1] ? Number(range[1]) : 0,
    truePeakDb: peakValue === undefined || peakValue.endsWith("inf") ? null : Number(peakValue),
  };
}
