/** Public data shapes shared by the engine, the app and the pure helpers. */

export interface ArtistRef {
  id: string;
  name: string;
}

export interface AlbumRef {
  id: string;
  title: string;
  coverUrl?: string;
}

export interface Track {
  id: string;
  title: string;
  artists: ArtistRef[];
  album: AlbumRef;
  durationMs: number;
  /** Integrated loudness (EBU R128) measured at ingest; drives normalisation. */
  loudnessLufs?: number;
  /** True peak in dBTP; caps positive normalisation gain so we never clip. */
  truePeakDb?: number;
}

/** What the server's `stream` procedure returns: a signed master playlist. */
export interface PlayableSource {
  url: string;
  /** Epoch ms after which the signed URL stops working. */
  expiresAt?: number;
}

export type ResolveSource = (trackId: string) => Promise<PlayableSource>;

export type RepeatMode = "off" | "all" | "one";

/** One entry in the queue. `uid` distinguishes the same track queued twice. */
export interface QueueItem {
  uid: string;
  track: Track;
}

export interface QueueState {
  /** Items in playback order (shuffled order when `shuffled`). */
  items: readonly QueueItem[];
  /** Index into `items` of the current track, -1 when the queue is empty. */
  currentIndex: number;
  shuffled: boolean;
  repeat: RepeatMode;
}

export type NormalizationMode = "off" | "quiet" | "normal" | "loud";

export type PlaybackStatus = "idle" | "loading" | "playing" | "paused" | "buffering" | "ended" | "error";

export interface LevelInfo {
  index: number;
  bitrateKbps: number;
  codec?: string;
}
