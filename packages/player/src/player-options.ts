/** What the app passes to `new Player(...)`. */
import type { HlsConfig } from "hls.js";

import type { StandbyOptions } from "./controllers/standby-controller";
import type { TelemetryOptions } from "./controllers/telemetry-controller";
import type { RecoveryPolicy } from "./error-policy";
import type { HlsConstructor } from "./hls-types";
import type { RandomSource } from "./shuffle";
import type { Scheduler } from "./telemetry";
import type { NormalizationMode, ResolveSource } from "./types";

export interface PlayerOptions extends StandbyOptions {
  /** The server's `stream` procedure: trackId -> signed master playlist URL. */
  resolveSource: ResolveSource;
  /** Defaults to `document.createElement("audio")`. Called twice (active + standby). */
  createAudioElement?: () => HTMLAudioElement;
  /** hls.js constructor; by default `hls.js` is imported lazily (keeps SSR safe). */
  Hls?: HlsConstructor;
  /** Extra hls.js config merged last: custom `loader`/`fLoader`/`pLoader` (offline cache), debug... */
  hlsConfig?: Partial<HlsConfig>;
  /** Send cookies on cross-origin playlist/key/segment requests (same-origin does already). */
  withCredentials?: boolean;
  /** Initial user volume, 0..1 (default 1). */
  volume?: number;
  muted?: boolean;
  /** Loudness normalisation target (default "normal" = -14 LUFS). */
  normalization?: NormalizationMode;
  /** Seconds the end of a track and the start of the next overlap, 0..12 (default 0: none). */
  crossfadeSec?: number;
  /** Start the next track exactly where the current one ends (default true); off leaves a short gap. */
  gapless?: boolean;
  /**
   * If given, normalisation goes through a GainNode on this context and can boost quiet tracks;
   * otherwise it can only attenuate via element.volume. The app must resume() it from a user
   * gesture (play() also tries).
   */
  audioContext?: AudioContext;
  /** Enables batched playback telemetry. */
  telemetry?: TelemetryOptions;
  /** Media Session integration (default: navigator.mediaSession when present). */
  mediaSession?: MediaSession | false;
  /** ms of playback after which previous() restarts the track instead (default 3000). */
  previousRestartMs?: number;
  recoveryPolicy?: Partial<RecoveryPolicy>;
  random?: RandomSource;
  /** Monotonic clock for latency measurements (default performance.now). */
  now?: () => number;
  scheduler?: Scheduler;
}
