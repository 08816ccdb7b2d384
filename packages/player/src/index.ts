export { Player } from "./player";
export type { PlayerOptions } from "./player-options";
export { SourceResolver, SOURCE_MARGIN_MAX_MS } from "./sources";
export { MAX_CROSSFADE_SEC, TRACK_GAP_MS } from "./controllers/transition-controller";
export {
  PlayerEvent,
  type PlayerEventMap,
  type StateChangedPayload,
  type TrackChangedPayload,
  type TimeUpdatePayload,
  type StartedPayload,
  type VolumeChangedPayload,
  type LevelsLoadedPayload,
  type LevelSwitchedPayload,
  type PreloadedPayload,
  type StalledPayload,
} from "./events";
export type {
  AlbumRef,
  ArtistRef,
  LevelInfo,
  NormalizationMode,
  PlayableSource,
  PlaybackStatus,
  QueueItem,
  QueueState,
  RepeatMode,
  ResolveSource,
  Track,
} from "./types";
export { TypedEmitter, type Listener, type TypedEmitterOptions } from "./emitter";
export { Queue, PREVIOUS_RESTART_THRESHOLD_MS, type PreviousResult, type QueueOptions } from "./queue";
export { shuffled, seededRandom, type RandomSource } from "./shuffle";
export {
  normalizationGainDb,
  outputLevels,
  dbToGain,
  gainToDb,
  NORMALIZATION_TARGETS,
  DEFAULT_TRUE_PEAK_CEILING_DB,
  DEFAULT_MAX_BOOST_DB,
  type NormalizationInput,
  type NormalizationOptions,
  type OutputLevels,
} from "./normalization";
export {
  TelemetryBatcher,
  ListenTracker,
  type TelemetryEvent,
  type TelemetryEventType,
  type TelemetrySend,
  type FlushContext,
  type FlushReason,
  type Scheduler,
  type TelemetryBatcherOptions,
} from "./telemetry";
export type { TelemetryOptions } from "./controllers/telemetry-controller";
export {
  decideRecovery,
  backoffDelay,
  DEFAULT_RECOVERY_POLICY,
  INITIAL_RECOVERY_STATE,
  type PlayerErrorData,
  type PlayerErrorType,
  type RecoveryAction,
  type RecoveryPolicy,
  type RecoveryState,
} from "./error-policy";
export { chooseStartLevel, buildHlsConfig, type HlsConfigInput } from "./abr";
export type { HlsConstructor, HlsInstance } from "./hls-types";
