/**
 * Start-up tuning (pure). hls.js's own ABR takes over after the first
 * fragment; these helpers only decide where to start and with what config.
 */
import type { HlsConfig } from "hls.js";

/** Default estimate when nothing has been measured yet (bits/s). */
export const DEFAULT_BANDWIDTH_ESTIMATE_BPS = 1_000_000;

/**
 * Picks the start level from the previous track's bandwidth estimate:
 * the highest level whose bitrate fits within `safety` x estimate. Without an
 * estimate, the lowest: its short first segment costs a few kilobytes, so it
 * starts at once even on a weak link, and ABR climbs after measuring it (a
 * middle start stalled on 150-400 kb/s links in bench/stalls.ts).
 * `bitratesBps` must be sorted ascending (as hls.js sorts its levels).
 */
export function chooseStartLevel(
  bitratesBps: readonly number[],
  estimateBps: number | null | undefined,
  safety = 0.7,
): number {
  const n = bitratesBps.length;
  if (n === 0) return -1;
  if (!estimateBps || !Number.isFinite(estimateBps) || estimateBps <= 0) {
    return 0;
  }
  const budget = estimateBps * safety;
  let chosen = 0;
  for (let i = 0; i < n; i++) {
    if ((bitratesBps[i] ?? Infinity) <= budget) chosen = i;
  }
  return chosen;
}

export interface HlsConfigInput {
  /** Bandwidth measured while playing the previous track, if any. */
  estimateBps?: number | null;
  /** Preloading a next track: buffer only a little until it becomes active. */
  preload?: boolean;
  /** Send cookies with cross-origin playlist/key/segment requests. */
  withCredentials?: boolean;
  /** Forward buffer target while starting/preloading (seconds). */
  startBufferSec?: number;
  /** App overrides (custom loaders for an offline cache, debug, ...). */
  overrides?: Partial<HlsConfig>;
}

/** Seconds of forward buffer once playback has settled. */
export const STEADY_BUFFER_SEC = 30;
export const START_BUFFER_SEC = 6;
export const PRELOAD_BUFFER_SEC = 4;

export function buildHlsConfig(input: HlsConfigInput = {}): Partial<HlsConfig> {
  const estimate =
    input.estimateBps && Number.isFinite(input.estimateBps) && input.estimateBps > 0
      ? input.estimateBps
      : DEFAULT_BANDWIDTH_ESTIMATE_BPS;
  const config: Partial<HlsConfig> = {
    // We call startLoad() ourselves on MANIFEST_PARSED after choosing the
    // start level from the real level list (see chooseStartLevel).
    autoStartLoad: false,
    // No probe download at the lowest level: our estimate is good enough.
    testBandwidth: false,
    // Fetch the first fragment while MediaSource/SourceBuffers are set up.
    startFragPrefetch: true,
    abrEwmaDefaultEstimate: estimate,
    abrEwmaDefaultEstimateMax: Math.max(estimate, 5_000_000),
    // Small buffer at start so the first fragment isn't queued behind others;
    // raised to STEADY_BUFFER_SEC once playing.
    maxBufferLength: input.startBufferSec ?? (input.preload ? PRELOAD_BUFFER_SEC : START_BUFFER_SEC),
    maxMaxBufferLength: STEADY_BUFFER_SEC * 2,
    // hls.js buffers max(maxBufferLength, maxBufferSize / bitrate): at audio bitrates its 60 MB
    // default means the whole track at once, so the byte bound is switched off.
    maxBufferSize: 0,
    backBufferLength: 30,
    lowLatencyMode: false,
    // fMP4 audio is passed through without transmuxing, so a worker only adds
    // start-up latency (spawning it) for no benefit.
    enableWorker: false,
    capLevelToPlayerSize: false,
    // Fail fast on loopback/LAN; the error controller retries with backoff.
    fragLoadPolicy: {
      default: {
        maxTimeToFirstByteMs: 8_000,
        maxLoadTimeMs: 20_000,
        timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
        errorRetry: { maxNumRetry: 2, retryDelayMs: 300, maxRetryDelayMs: 2_000 },
      },
    },
  };
  if (input.withCredentials) {
    config.xhrSetup = (xhr) => {
      xhr.withCredentials = true;
    };
    config.fetchSetup = (context, initParams: RequestInit) =>
      new Request(context.url, { ...initParams, credentials: "include" });
  }
  return { ...config, ...input.overrides };
}
