/**
 * The listener-facing half of the Player: what is playing, transport, queue editing and volume.
 * Each call turns into a queue change and at most one load; how a track loads is the Player's.
 */
import type { PlaybackStateController } from "./controllers/playback-state-controller";
import type { MediaSessionController } from "./controllers/media-session-controller";
import type { QueueController } from "./controllers/queue-controller";
import type { StandbyController } from "./controllers/standby-controller";
import type { TelemetryController } from "./controllers/telemetry-controller";
import type { TransitionController } from "./controllers/transition-controller";
import type { VolumeController } from "./controllers/volume-controller";
import { clampCrossfade } from "./controllers/transition-controller";
import type { Listener, TypedEmitter } from "./emitter";
import { PlayerEvent, type PlayerEventMap } from "./events";
import type { SourceResolver } from "./sources";
import type {
  LevelInfo,
  NormalizationMode,
  PlayableSource,
  PlaybackStatus,
  QueueItem,
  QueueState,
  RepeatMode,
  Track,
} from "./types";

interface ControlLoadOptions {
  autoplay: boolean;
  reason: "user";
}

export abstract class PlayerControls {
  protected abstract readonly emitter: TypedEmitter<PlayerEventMap>;
  protected abstract readonly queueCtl: QueueController;
  protected abstract readonly slots: StandbyController;
  protected abstract readonly volumeCtl: VolumeController;
  protected abstract readonly transitions: TransitionController;
  protected abstract readonly telemetry: TelemetryController | null;
  protected abstract readonly mediaSessionCtl: MediaSessionController | null;
  protected abstract readonly sources: SourceResolver;
  protected abstract readonly options: { previousRestartMs?: number };
  protected abstract readonly state: PlaybackStateController;
  protected abstract loadedUid: string | null;
  protected abstract destroyed: boolean;
  protected abstract loadItem(item: QueueItem | null, opts: ControlLoadOptions): Promise<void>;
  protected abstract playElement(): void;

  // ---- events and settings ----------------------------------------------------

  on<K extends keyof PlayerEventMap>(event: K, listener: Listener<PlayerEventMap[K]>): () => void {
    return this.emitter.on(event, listener);
  }

  once<K extends keyof PlayerEventMap>(event: K, listener: Listener<PlayerEventMap[K]>): () => void {
    return this.emitter.once(event, listener);
  }

  off<K extends keyof PlayerEventMap>(event: K, listener: Listener<PlayerEventMap[K]>): void {
    this.emitter.off(event, listener);
  }

  get status(): PlaybackStatus {
    return this.state.status;
  }

  /** Seconds of crossfade between tracks (0 = none). */
  get crossfade(): number {
    return this.transitions.crossfadeSec;
  }

  setCrossfade(seconds: number): void {
    this.transitions.crossfadeSec = clampCrossfade(seconds);
  }

  get gapless(): boolean {
    return this.transitions.gapless;
  }

  setGapless(on: boolean): void {
    this.transitions.gapless = on;
  }

  /** A signed source the app already holds (e.g. from a catalog response), saving a round trip. */
  rememberSource(trackId: string, source: PlayableSource): void {
    this.sources.remember(trackId, source);
  }

  /**
   * Warms a track (e.g. on hover): resolves its source and buffers its first fragment in the
   * standby slot, so a following play of it starts at once.
   */
  preload(trackId: string): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    return this.slots.preload(trackId);
  }

  // ---- state ----------------------------------------------------------------

  get queue(): QueueState {
    return this.queueCtl.state;
  }

  get currentItem(): QueueItem | null {
    return this.queueCtl.current;
  }

  get currentTrack(): Track | null {
    return this.queueCtl.current?.track ?? null;
  }

  get currentTime(): number {
    return this.slots.active.element.currentTime || 0;
  }

  /** Element duration once known, otherwise the catalogue duration. */
  get duration(): number {
    const d = this.slots.active.duration;
    return Number.isFinite(d) ? d : (this.currentTrack?.durationMs ?? 0) / 1000;
  }

  get buffered(): TimeRanges {
    return this.slots.active.element.buffered;
  }

  /** End (seconds) of the buffered range containing the playhead. */
  get bufferedEnd(): number {
    return this.slots.active.bufferedEnd;
  }

  get paused(): boolean {
    return !this.state.wantPlaying;
  }

  get volume(): number {
    return this.volumeCtl.volume;
  }

  get muted(): boolean {
    return this.volumeCtl.muted;
  }

  get normalization(): NormalizationMode {
    return this.volumeCtl.normalization;
  }

  /** Normalisation gain applied to the current track (dB). */
  get gainDb(): number {
    return this.volumeCtl.gainDb;
  }

  get levels(): LevelInfo[] {
    return this.slots.active.levels;
  }

  get currentLevel(): LevelInfo | null {
    return this.slots.active.level;
  }

  /** The active <audio> element (e.g. for a visualiser). Changes at track transitions. */
  get mediaElement(): HTMLAudioElement {
    return this.slots.active.element;
  }

  // ---- transport --------------------------------------------------------------

  /** Replaces the queue and starts playing at `startIndex` ("play this album"). */
  playTracks(tracks: readonly Track[], startIndex = 0): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    const item = this.queueCtl.setTracks(tracks, startIndex);
    return this.loadItem(item, { autoplay: true, reason: "user" });
  }

  /** Plays the queue item at `index` (e.g. a click in the queue view). */
  playAt(index: number): Promise<void> {
    const item = this.queueCtl.jumpTo(index);
    if (!item) return Promise.resolve();
    return this.loadItem(item, { autoplay: true, reason: "user" });
  }

  play(): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    const item = this.queueCtl.current;
    if (!item) return Promise.resolve();
    if (this.state.status === "ended") {
      // Queue finished: play starts it over.
      return this.loadItem(this.queueCtl.jumpTo(0), { autoplay: true, reason: "user" });
    }
    if (item.uid !== this.loadedUid || this.state.status === "error") {
      return this.loadItem(item, { autoplay: true, reason: "user" });
    }
    const active = this.slots.active;
    this.state.wantPlaying = true;
    if (active.element.paused) {
      this.state.resumed(active.ready);
      this.playElement();
    }
    return Promise.resolve();
  }

  pause(): void {
    this.state.stop();
    this.transitions.cancel();
    this.slots.active.element.pause();
    const { status } = this.state;
    if (status === "loading" || status === "buffering") this.state.setStatus("paused");
  }

  toggle(): Promise<void> {
    if (!this.state.wantPlaying) return this.play();
    this.pause();
    return Promise.resolve();
  }

  next(): Promise<void> {
    const item = this.queueCtl.next(false);
    if (!item) return Promise.resolve();
    return this.loadItem(item, { autoplay: this.state.wantPlaying, reason: "user" });
  }

  /** Restarts when more than 3 s have played, otherwise goes to the previous track. */
  previous(): Promise<void> {
    const result = this.queueCtl.queue.previous(this.currentTime * 1000, this.options.previousRestartMs);
    if (result.kind === "none") return Promise.resolve();
    if (result.kind === "restart" && result.item.uid === this.loadedUid) {
      this.seek(0);
      return Promise.resolve();
    }
    if (result.kind === "track") this.queueCtl.emit();
    return this.loadItem(result.item, { autoplay: this.state.wantPlaying, reason: "user" });
  }

  seek(seconds: number): void {
    if (!this.loadedUid) return;
    const target = Math.min(Math.max(0, seconds), Math.max(0, this.duration - 0.05));
    this.transitions.cancel();
    this.slots.active.element.currentTime = target;
    this.telemetry?.seeked(target * 1000);
    this.emitTime();
    this.mediaSessionCtl?.updatePosition();
  }

  // ---- queue ------------------------------------------------------------------

  playNext(tracks: readonly Track[]): void {
    this.queueCtl.playNext(tracks);
    this.slots.upcomingChanged();
  }

  addToQueue(tracks: readonly Track[]): void {
    this.queueCtl.add(tracks);
    this.slots.upcomingChanged();
  }

  remove(uid: string): void {
    const { currentChanged } = this.queueCtl.remove(uid);
    if (currentChanged) {
      void this.loadItem(this.queueCtl.current, { autoplay: this.state.wantPlaying, reason: "user" });
    } else {
      this.slots.upcomingChanged();
    }
  }

  /** Moves an item within the play order (drag and drop in the queue view). */
  move(from: number, to: number): void {
    if (this.queueCtl.move(from, to)) this.slots.upcomingChanged();
  }

  /** Empties the queue and stops. */
  clearQueue(): void {
    this.queueCtl.clear();
    void this.loadItem(null, { autoplay: false, reason: "user" });
  }

  /** Drops everything after the current track. */
  clearUpcoming(): void {
    this.queueCtl.clearUpcoming();
    this.slots.upcomingChanged();
  }

  setShuffle(on: boolean): void {
    this.queueCtl.setShuffle(on);
    this.slots.upcomingChanged();
  }

  toggleShuffle(): void {
    this.setShuffle(!this.queueCtl.queue.isShuffled);
  }

  setRepeat(mode: RepeatMode): void {
    this.queueCtl.setRepeat(mode);
    this.slots.upcomingChanged();
  }

  /** off -> all -> one -> off, like most players' repeat button. */
  cycleRepeat(): RepeatMode {
    const order: RepeatMode[] = ["off", "all", "one"];
    const mode = order[(order.indexOf(this.queueCtl.queue.repeat) + 1) % order.length] ?? "off";
    this.setRepeat(mode);
    return mode;
  }

  // ---- volume -----------------------------------------------------------------

  setVolume(volume: number): void {
    this.volumeCtl.update({ volume });
  }

  setMuted(muted: boolean): void {
    this.volumeCtl.update({ muted });
  }

  toggleMute(): void {
    this.setMuted(!this.volumeCtl.muted);
  }

  setNormalization(normalization: NormalizationMode): void {
    this.volumeCtl.update({ normalization });
  }

  protected emitTime(): void {
    const trackId = this.slots.active.trackId;
    if (!trackId) return;
    this.emitter.emit(PlayerEvent.TIME_UPDATE, {
      trackId,
      currentTime: this.currentTime,
      duration: this.duration,
      bufferedEnd: this.bufferedEnd,
    });
  }
}
