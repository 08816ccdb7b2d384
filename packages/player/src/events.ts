/**
 * Player events and their payloads. Modelled on hls.js's `Events` enum plus
 * `HlsListeners` map, but as a const object so it survives any transpiler.
 */
import type { PlayerErrorData } from "./error-policy";
import type { LevelInfo, NormalizationMode, PlaybackStatus, QueueItem, QueueState } from "./types";

export const PlayerEvent = {
  /** Playback status changed (loading, playing, paused, buffering, ...). */
  STATE_CHANGED: "stateChanged",
  /** The current queue item changed (including to null when cleared). */
  TRACK_CHANGED: "trackChanged",
  /** Any queue mutation: items, order, current index, shuffle, repeat. */
  QUEUE_CHANGED: "queueChanged",
  /** Position/duration/buffer update (throttled by the media element, ~4 Hz). */
  TIME_UPDATE: "timeUpdate",
  /** First `playing` of a track after play(): startup latency measured. */
  STARTED: "started",
  /** User volume, mute or normalisation gain changed. */
  VOLUME_CHANGED: "volumeChanged",
  /** Levels of the current track are known. */
  LEVELS_LOADED: "levelsLoaded",
  /** ABR switched quality (mirrors hls.js LEVEL_SWITCHED). */
  LEVEL_SWITCHED: "levelSwitched",
  /** A track's manifest and first fragment are buffered in the standby slot. */
  PRELOADED: "preloaded",
  /** Playback resumed after a stall. */
  STALLED: "stalled",
  /** The queue ran out (repeat off). */
  QUEUE_ENDED: "queueEnded",
  ERROR: "error",
  DESTROYING: "destroying",
} as const;

export type PlayerEvent = (typeof PlayerEvent)[keyof typeof PlayerEvent];

export interface StateChangedPayload {
  status: PlaybackStatus;
  previous: PlaybackStatus;
}

export interface TrackChangedPayload {
  item: QueueItem | null;
  index: number;
}

export interface TimeUpdatePayload {
  trackId: string;
  currentTime: number;
  duration: number;
  /** End of the buffered range containing currentTime (seconds). */
  bufferedEnd: number;
}

export interface StartedPayload {
  trackId: string;
  /** ms from play()/track change to the element's `playing` event. */
  startupMs: number;
  /** Whether the track came from a preloaded standby slot. */
  preloaded: boolean;
}

export interface VolumeChangedPayload {
  volume: number;
  muted: boolean;
  normalization: NormalizationMode;
  /** Normalisation gain applied to the current track (dB, after peak limiting). */
  gainDb: number;
}

export interface LevelsLoadedPayload {
  trackId: string;
  levels: LevelInfo[];
  startLevel: number;
}

export interface LevelSwitchedPayload {
  trackId: string;
  level: LevelInfo;
  previous: LevelInfo | null;
}

export interface PreloadedPayload {
  trackId: string;
}

export interface StalledPayload {
  trackId: string;
  durationMs: number;
}

export interface PlayerEventMap {
  [PlayerEvent.STATE_CHANGED]: StateChangedPayload;
  [PlayerEvent.TRACK_CHANGED]: TrackChangedPayload;
  [PlayerEvent.QUEUE_CHANGED]: QueueState;
  [PlayerEvent.TIME_UPDATE]: TimeUpdatePayload;
  [PlayerEvent.STARTED]: StartedPayload;
  [PlayerEvent.VOLUME_CHANGED]: VolumeChangedPayload;
  [PlayerEvent.LEVELS_LOADED]: LevelsLoadedPayload;
  [PlayerEvent.LEVEL_SWITCHED]: LevelSwitchedPayload;
  [PlayerEvent.PRELOADED]: PreloadedPayload;
  [PlayerEvent.STALLED]: StalledPayload;
  [PlayerEvent.QUEUE_ENDED]: Record<string, never>;
  [PlayerEvent.ERROR]: PlayerErrorData;
  [PlayerEvent.DESTROYING]: Record<string, never>;
}
