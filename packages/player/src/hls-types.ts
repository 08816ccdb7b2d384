/**
 * The slice of hls.js the engine uses. Typed structurally so tests (and a
 * future offline build) can inject a fake constructor; the real `Hls` class
 * satisfies it as-is.
 */
import type Hls from "hls.js";
import type { ErrorTypes, Events, HlsConfig } from "hls.js";

export type HlsInstance = Pick<
  Hls,
  | "on"
  | "off"
  | "attachMedia"
  | "loadSource"
  | "startLoad"
  | "stopLoad"
  | "destroy"
  | "recoverMediaError"
  | "swapAudioCodec"
  | "levels"
  | "currentLevel"
  | "startLevel"
  | "bandwidthEstimate"
  | "config"
>;

export interface HlsConstructor {
  new (config?: Partial<HlsConfig>): HlsInstance;
  isSupported(): boolean;
  readonly Events: typeof Events;
  readonly ErrorTypes: typeof ErrorTypes;
  readonly DefaultConfig: HlsConfig;
}
