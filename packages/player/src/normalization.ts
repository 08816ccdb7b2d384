/**
 * Loudness normalisation maths (pure). Gain brings a track's integrated
 * loudness to the target, but positive gain is capped so the true peak stays
 * at or below the ceiling: boosting a quiet track must never make it clip.
 */
import type { NormalizationMode } from "./types";

export const NORMALIZATION_TARGETS: Record<Exclude<NormalizationMode, "off">, number> = {
  quiet: -23,
  normal: -14,
  loud: -11,
};

export const DEFAULT_TRUE_PEAK_CEILING_DB = -1;
/** Upper bound on boost, for tracks with wrong or missing peak data. */
export const DEFAULT_MAX_BOOST_DB = 12;

export interface NormalizationInput {
  loudnessLufs?: number;
  truePeakDb?: number;
}

export interface NormalizationOptions {
  ceilingDb?: number;
  maxBoostDb?: number;
}

/** Gain in dB to apply to a track; 0 when off or when loudness is unknown. */
export function normalizationGainDb(
  mode: NormalizationMode,
  track: NormalizationInput,
  options: NormalizationOptions = {},
): number {
  if (mode === "off") return 0;
  const lufs = track.loudnessLufs;
  if (lufs === undefined || !Number.isFinite(lufs)) return 0;
  const ceiling = options.ceilingDb ?? DEFAULT_TRUE_PEAK_CEILING_DB;
  const maxBoost = options.maxBoostDb ?? DEFAULT_MAX_BOOST_DB;
  let gain = NORMALIZATION_TARGETS[mode] - lufs;
  const peak = track.truePeakDb;
  if (peak !== undefined && Number.isFinite(peak)) {
    // truePeak + gain <= ceiling. This may force attenuation even when the
    // track is quieter than the target (its peak is already above the ceiling).
    gain = Math.min(gain, ceiling - peak);
  }
  return Math.min(gain, maxBoost);
}

export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}

export function gainToDb(gain: number): number {
  return 20 * Math.log10(gain);
}

export interface OutputLevels {
  /** Value for HTMLMediaElement.volume, in [0, 1]. */
  elementVolume: number;
  /** Value for a WebAudio GainNode (1 when WebAudio is not used). */
  nodeGain: number;
}

/**
 * Combines the user's volume (0..1, linear) with the normalisation gain.
 * Without WebAudio, only attenuation is possible (element.volume <= 1), so a
 * positive gain is dropped. With WebAudio, the element carries the user
 * volume and the GainNode carries the normalisation gain, boost included.
 */
export function outputLevels(
  userVolume: number,
  muted: boolean,
  gainDb: number,
  webAudio: boolean,
): OutputLevels {
  const volume = muted ? 0 : clamp01(userVolume);
  if (webAudio) return { elementVolume: volume, nodeGain: dbToGain(gainDb) };
  return {
    elementVolume: clamp01(volume * dbToGain(Math.min(0, gainDb))),
    nodeGain: 1,
  };
}

export function clamp01(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(1, Math.max(0, n));
}
