/**
 * The facade. Owns the event emitter, the two media slots (active + standby
 * for preloading), and the controllers; everything the app touches goes
 * through here. Modelled on hls.js: controllers subscribe to events in
 * registerListeners() and are torn down by destroy().
 */
import type { HlsConfig } from "hls.js";
import { buildHlsConfig } from "./abr";
import { ErrorController } from "./controllers/error-controller";
import { MediaSessionController, type MediaSessionHost } from "./controllers/media-session-controller";
import { QueueController } from "./controllers/queue-controller";
import { TelemetryController, type TelemetryOptions } from "./controllers/telemetry-controller";
import { TypedEmitter, type Listener } from "./emitter";
import type { PlayerErrorData, RecoveryPolicy } from "./error-policy";
import { PlayerEvent, type PlayerEventMap } from "./events";
import type { HlsConstructor } from "./hls-types";
import { normalizationGainDb, outputLevels } from "./normalization";
import type { RandomSource } from "./shuffle";
import { MediaSlot, type SlotElementEvent, type SlotHost } from "./slot";
import { defaultScheduler, type Scheduler } from "./telemetry";
import type {
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

export interface PlayerOptions {
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
  /**
   * If given, normalisation goes through a GainNode on this context and can
   * boost quiet tracks; otherwise it can only attenuate via element.volume.
   * The app must resume() it from a user gesture (play() also tries).
   */
  audioContext?: AudioContext;
  /** Enables batched playback telemetry. */
  telemetry?: TelemetryOptions;
  /** Media Session integration (default: navigator.mediaSession when present). */
  mediaSession?: MediaSession | false;
  /**
   * When to preload the next queued track into the standby slot:
   * "settled" = a few seconds after the current one starts (default),
   * "nearEnd" = when `nearEndSec` remain, false = never.
   */
  preloadNext?: "settled" | "nearEnd" | false;
  nearEndSec?: number;
  settleMs?: number;
  /**
   * Start the next (preloaded) track this many ms before the current one
   * ends instead of waiting for `ended`. 0 (default) waits for `ended`.
   */
  gaplessLeadMs?: number;
  /** ms of playback after which previous() restarts the track instead (default 3000). */
  previousRestartMs?: number;
  recoveryPolicy?: Partial<RecoveryPolicy>;
  random?: RandomSource;
  /** Monotonic clock for latency measurements (default performance.now). */
  now?: () => number;
  scheduler?: Scheduler;
}

type LoadReason = "user" | "auto" | "error" | "retry";

interface LoadOptions {
  autoplay: boolean;
  reason: LoadReason;
  startPositionSec?: number;
}

/** A signed URL that expires within this margin is re-resolved. */
const SOURCE_EXPIRY_MARGIN_MS = 15_000;
const SOURCE_CACHE_SIZE = 32;

export class Player implements MediaSessionHost {
  private readonly emitter: TypedEmitter<PlayerEventMap>;
  private readonly queueCtl: QueueController;
  private readonly errors: ErrorController;
  private readonly telemetry: TelemetryController | null;
  private readonly mediaSessionCtl: MediaSessionController | null;
  private active: MediaSlot;
  private standby: MediaSlot;
  private readonly hlsCtor: Promise<HlsConstructor>;
  private readonly now: () => number;
  private readonly scheduler: Scheduler;
  private readonly sources = new Map<string, PlayableSource>();
  private readonly inflight = new Map<string, Promise<PlayableSource>>();

  private statusValue: PlaybackStatus = "idle";
  private volumeValue: number;
  private mutedValue: boolean;
  private normalizationValue: NormalizationMode;
  private gainDbValue = 0;
  private estimateBps: number | null = null;
  /** uid of the queue item loaded in the active slot. */
  private loadedUid: string | null = null;
  private loadToken = 0;
  private preloadToken = 0;
  /** Set by play(), cleared by pause(): what the user wants, whatever the element says. */
  private wantPlaying = false;
  private startPending: { t0: number; preloaded: boolean } | null = null;
  /** Whether STARTED was emitted for the loaded item. */
  private hasStarted = false;
  private stallStartedAt: number | null = null;
  private endHandled = false;
  private settleTimer: unknown = null;
  private endTimer: unknown = null;
  private destroyed = false;

  constructor(private readonly options: PlayerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.scheduler = options.scheduler ?? defaultScheduler;
    this.volumeValue = clamp01(options.volume ?? 1);
    this.mutedValue = options.muted ?? false;
    this.normalizationValue = options.normalization ?? "normal";
    this.emitter = new TypedEmitter<PlayerEventMap>({
      errorEvent: PlayerEvent.ERROR,
      toErrorPayload: (error, event) => ({
        type: "listener",
        details: `listenerThrew:${String(event)}`,
        fatal: false,
        action: "none",
        message: error instanceof Error ? error.message : String(error),
        error,
      }),
    });
    this.hlsCtor = options.Hls ? Promise.resolve(options.Hls) : import("hls.js").then((m) => m.default);
    this.hlsCtor.catch(() => undefined); // reported when a load awaits it

    const createElement = options.createAudioElement ?? (() => document.createElement("audio"));
    const host = this.slotHost();
    const ctx = options.audioContext ?? null;
    this.active = new MediaSlot(createElement(), host, ctx);
    this.standby = new MediaSlot(createElement(), host, ctx);

    this.queueCtl = new QueueController(this.emitter, { random: options.random });
    this.errors = new ErrorController(
      {
        hasNext: () => this.queueCtl.queue.peekNext(false) !== null,
        reload: (fresh) => this.reload(fresh),
        recoverMedia: (swap) => this.recoverMedia(swap),
        skip: () => this.skipAfterError(),
        stop: (error) => this.stopAfterError(error),
        report: (error) => this.emitter.emit(PlayerEvent.ERROR, error),
      },
      this.scheduler,
      options.recoveryPolicy,
    );
    const sessionId = createId();
    this.telemetry = options.telemetry
      ? new TelemetryController(this.emitter, options.telemetry, {
          sessionId,
          createId,
          positionMs: () => this.currentTime * 1000,
          scheduler: this.scheduler,
        })
      : null;
    const session =
      options.mediaSession === false
        ? null
        : (options.mediaSession ??
          (typeof navigator !== "undefined" && "mediaSession" in navigator ? navigator.mediaSession : null));
    this.mediaSessionCtl = session ? new MediaSessionController(this, this.emitter, session) : null;
    this.applyVolume(false);
  }

  // ---- events -------------------------------------------------------------

  on<K extends keyof PlayerEventMap>(event: K, listener: Listener<PlayerEventMap[K]>): () => void {
    return this.emitter.on(event, listener);
  }

  once<K extends keyof PlayerEventMap>(event: K, listener: Listener<PlayerEventMap[K]>): () => void {
    return this.emitter.once(event, listener);
  }

  off<K extends keyof PlayerEventMap>(event: K, listener: Listener<PlayerEventMap[K]>): void {
    this.emitter.off(event, listener);
  }

  // ---- state --------------------------------------------------------------

  get status(): PlaybackStatus {
    return this.statusValue;
  }

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
    return this.active.element.currentTime || 0;
  }

  /** Element duration once known, otherwise the catalogue duration. */
  get duration(): number {
    const d = this.active.element.duration;
    if (Number.isFinite(d) && d > 0) return d;
    return (this.currentTrack?.durationMs ?? 0) / 1000;
  }

  get buffered(): TimeRanges {
    return this.active.element.buffered;
  }

  /** End (seconds) of the buffered range containing the playhead. */
  get bufferedEnd(): number {
    return this.active.bufferedEnd;
  }

  get paused(): boolean {
    return !this.wantPlaying;
  }

  get volume(): number {
    return this.volumeValue;
  }

  get muted(): boolean {
    return this.mutedValue;
  }

  get normalization(): NormalizationMode {
    return this.normalizationValue;
  }

  /** Normalisation gain applied to the current track (dB). */
  get gainDb(): number {
    return this.gainDbValue;
  }

  get levels(): LevelInfo[] {
    return this.active.levels;
  }

  get currentLevel(): LevelInfo | null {
    return this.active.level;
  }

  /** Latest bandwidth estimate (bits/s), carried over between tracks. */
  get bandwidthEstimate(): number | null {
    return this.active.bandwidthEstimate ?? this.estimateBps;
  }

  /** The active <audio> element (e.g. for a visualiser). Changes at track transitions. */
  get mediaElement(): HTMLAudioElement {
    return this.active.element;
  }

  // ---- transport ----------------------------------------------------------

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
    let item = this.queueCtl.current;
    if (!item) return Promise.resolve();
    if (this.statusValue === "ended") {
      // Queue finished: play starts it over.
      item = this.queueCtl.jumpTo(0);
      return this.loadItem(item, { autoplay: true, reason: "user" });
    }
    if (item.uid !== this.loadedUid || this.statusValue === "error") {
      return this.loadItem(item, { autoplay: true, reason: "user" });
    }
    this.wantPlaying = true;
    if (this.active.element.paused) {
      // Paused before it ever started: the first `playing` still counts as the start.
      if (!this.hasStarted) this.startPending = { t0: this.now(), preloaded: this.active.ready };
      this.playElement();
    }
    return Promise.resolve();
  }

  pause(): void {
    this.wantPlaying = false;
    this.startPending = null;
    this.clearEndTimer();
    this.active.element.pause();
    if (this.statusValue === "loading" || this.statusValue === "buffering") {
      this.setStatus("paused");
    }
  }

  toggle(): Promise<void> {
    if (this.wantPlaying) {
      this.pause();
      return Promise.resolve();
    }
    return this.play();
  }

  next(): Promise<void> {
    const item = this.queueCtl.next(false);
    if (!item) return Promise.resolve();
    return this.loadItem(item, { autoplay: this.wantPlaying, reason: "user" });
  }

  /** Restarts when more than 3 s have played, otherwise goes to the previous track. */
  previous(): Promise<void> {
    const result = this.queueCtl.queue.previous(this.currentTime * 1000, this.options.previousRestartMs);
    if (result.kind === "none") return Promise.resolve();
    if (result.kind === "restart") {
      if (result.item.uid === this.loadedUid) {
        this.seek(0);
        return Promise.resolve();
      }
      return this.loadItem(result.item, { autoplay: this.wantPlaying, reason: "user" });
    }
    this.emitter.emit(PlayerEvent.QUEUE_CHANGED, this.queueCtl.state);
    return this.loadItem(result.item, { autoplay: this.wantPlaying, reason: "user" });
  }

  seek(seconds: number): void {
    const el = this.active.element;
    if (!this.loadedUid) return;
    const target = Math.min(Math.max(0, seconds), Math.max(0, this.duration - 0.05));
    this.clearEndTimer();
    el.currentTime = target;
    this.telemetry?.seeked(target * 1000);
    this.emitTime();
    this.mediaSessionCtl?.updatePosition();
  }

  // ---- queue --------------------------------------------------------------

  playNext(tracks: readonly Track[]): void {
    this.queueCtl.playNext(tracks);
    this.onUpcomingChanged();
  }

  addToQueue(tracks: readonly Track[]): void {
    this.queueCtl.add(tracks);
    this.onUpcomingChanged();
  }

  remove(uid: string): void {
    const { currentChanged } = this.queueCtl.remove(uid);
    if (currentChanged) {
      void this.loadItem(this.queueCtl.current, { autoplay: this.wantPlaying, reason: "user" });
    } else {
      this.onUpcomingChanged();
    }
  }

  move(from: number, to: number): void {
    if (this.queueCtl.move(from, to)) this.onUpcomingChanged();
  }

  /** Empties the queue and stops playback. */
  clearQueue(): void {
    this.queueCtl.clear();
    void this.loadItem(null, { autoplay: false, reason: "user" });
  }

  /** Removes everything after the current track. */
  clearUpcoming(): void {
    this.queueCtl.clearUpcoming();
    this.onUpcomingChanged();
  }

  setShuffle(on: boolean): void {
    this.queueCtl.setShuffle(on);
    this.onUpcomingChanged();
  }

  toggleShuffle(): void {
    this.setShuffle(!this.queueCtl.queue.isShuffled);
  }

  setRepeat(mode: RepeatMode): void {
    this.queueCtl.setRepeat(mode);
    this.onUpcomingChanged();
  }

  /** off -> all -> one -> off, like most players' repeat button. */
  cycleRepeat(): RepeatMode {
    const order: RepeatMode[] = ["off", "all", "one"];
    const mode = order[(order.indexOf(this.queueCtl.queue.repeat) + 1) % order.length] ?? "off";
    this.setRepeat(mode);
    return mode;
  }

  // ---- volume -------------------------------------------------------------

  setVolume(volume: number): void {
    this.volumeValue = clamp01(volume);
    this.applyVolume(true);
  }

  setMuted(muted: boolean): void {
    this.mutedValue = muted;
    this.applyVolume(true);
  }

  toggleMute(): void {
    this.setMuted(!this.mutedValue);
  }

  setNormalization(mode: NormalizationMode): void {
    this.normalizationValue = mode;
    this.applyVolume(true);
  }

  // ---- preloading ---------------------------------------------------------

  /**
   * Warms a track (e.g. on hover): resolves its source and buffers its first
   * fragment in the standby slot, so a following play of it starts at once.
   */
  preload(trackId: string): Promise<void> {
    if (this.destroyed || this.active.trackId === trackId) return Promise.resolve();
    return this.preloadInto(trackId);
  }

  // ---- lifecycle ----------------------------------------------------------

  destroy(): void {
    if (this.destroyed) return;
    this.emitter.emit(PlayerEvent.DESTROYING, {});
    this.telemetry?.endPlayback("none");
    this.destroyed = true;
    this.loadToken++;
    this.preloadToken++;
    this.clearSettleTimer();
    this.clearEndTimer();
    this.telemetry?.destroy();
    this.mediaSessionCtl?.destroy();
    this.errors.destroy();
    this.active.destroy();
    this.standby.destroy();
    this.sources.clear();
    this.inflight.clear();
    this.emitter.removeAllListeners();
  }

  // ---- internals: loading -------------------------------------------------

  private async loadItem(item: QueueItem | null, opts: LoadOptions): Promise<void> {
    if (this.destroyed) return;
    const retry = opts.reason === "retry";
    const token = ++this.loadToken;
    this.clearSettleTimer();
    this.clearEndTimer();
    this.endHandled = false;
    this.stallStartedAt = null;
    this.estimateBps = this.active.bandwidthEstimate ?? this.estimateBps;
    if (!retry) {
      if (this.loadedUid) {
        this.telemetry?.endPlayback(
          opts.reason === "auto" ? "complete" : opts.reason === "user" ? "skip" : "none",
        );
      }
      this.errors.onTrackChange(opts.reason === "user");
      this.emitter.emit(PlayerEvent.TRACK_CHANGED, {
        item,
        index: this.queueCtl.state.currentIndex,
      });
    }
    this.wantPlaying = opts.autoplay;
    if (!item) {
      this.loadedUid = null;
      this.active.reset();
      this.standby.reset();
      this.setStatus("idle");
      return;
    }
    this.loadedUid = item.uid;
    const trackId = item.track.id;
    if (!retry) this.telemetry?.beginPlayback(trackId);
    if (!retry) this.hasStarted = false;
    this.startPending = opts.autoplay && !this.hasStarted ? { t0: this.now(), preloaded: false } : null;

    const standby = this.standby;
    if (!retry && standby.trackId === trackId && standby.source && !isExpiring(standby.source)) {
      // Preloaded: swap roles. The old active element is silenced first.
      this.preloadToken++;
      this.standby = this.active;
      this.active = standby;
      this.standby.reset();
      this.active.settle();
      this.applyVolume(false);
      if (this.startPending) this.startPending.preloaded = standby.ready;
      if (opts.startPositionSec) this.active.element.currentTime = opts.startPositionSec;
      if (this.active.levels.length > 0) this.emitLevels();
      this.setStatus(opts.autoplay ? "loading" : "paused");
      if (opts.autoplay) this.playElement();
      return;
    }

    // Cold start: build the hls instance and attach the element while the
    // signed URL is being resolved, so the two overlap.
    if (standby.trackId === trackId) {
      this.preloadToken++;
      standby.reset();
    }
    this.setStatus("loading");
    let Hls: HlsConstructor;
    try {
      Hls = await this.hlsCtor;
    } catch (error) {
      if (token === this.loadToken) this.fail("other", "hlsImportFailed", trackId, error);
      return;
    }
    if (token !== this.loadToken) return;
    this.active.prepare(trackId, {
      Hls,
      config: this.hlsConfig(false),
      estimateBps: this.estimateBps,
      startPositionSec: opts.startPositionSec,
    });
    this.applyVolume(false);
    let source: PlayableSource;
    try {
      source = await this.getSource(trackId);
    } catch (error) {
      if (token === this.loadToken) this.fail("source", "resolveSourceFailed", trackId, error);
      return;
    }
    if (token !== this.loadToken) return;
    this.active.load(source, opts.startPositionSec);
    if (!opts.autoplay) this.setStatus("paused");
    else this.playElement();
  }

  private async preloadInto(trackId: string): Promise<void> {
    const slot = this.standby;
    if (slot.trackId === trackId && (slot.source === null || !isExpiring(slot.source))) return;
    const token = ++this.preloadToken;
    let Hls: HlsConstructor;
    try {
      Hls = await this.hlsCtor;
    } catch {
      return;
    }
    if (token !== this.preloadToken || this.destroyed) return;
    slot.prepare(trackId, {
      Hls,
      config: this.hlsConfig(true),
      estimateBps: this.bandwidthEstimate,
    });
    try {
      const source = await this.getSource(trackId);
      if (token !== this.preloadToken || slot !== this.standby) return;
      slot.load(source);
    } catch {
      // Preloading is opportunistic; a real play() will surface the error.
      if (token === this.preloadToken && slot === this.standby) slot.reset();
    }
  }

  private hlsConfig(preload: boolean): Partial<HlsConfig> {
    return buildHlsConfig({
      preload,
      estimateBps: this.bandwidthEstimate,
      withCredentials: this.options.withCredentials,
      overrides: this.options.hlsConfig,
    });
  }

  private getSource(trackId: string, fresh = false): Promise<PlayableSource> {
    const cached = this.sources.get(trackId);
    if (!fresh && cached && !isExpiring(cached)) return Promise.resolve(cached);
    const pending = this.inflight.get(trackId);
    if (!fresh && pending) return pending;
    const promise = this.options
      .resolveSource(trackId)
      .then((source) => {
        this.sources.delete(trackId);
        this.sources.set(trackId, source);
        // Map iteration order is insertion order: drop the oldest entries.
        for (const key of this.sources.keys()) {
          if (this.sources.size <= SOURCE_CACHE_SIZE) break;
          this.sources.delete(key);
        }
        return source;
      })
      .finally(() => {
        if (this.inflight.get(trackId) === promise) this.inflight.delete(trackId);
      });
    this.inflight.set(trackId, promise);
    return promise;
  }

  private playElement(): void {
    const el = this.active.element;
    const ctx = this.options.audioContext;
    if (ctx && ctx.state === "suspended") void ctx.resume().catch(() => undefined);
    let result: Promise<void> | undefined;
    try {
      result = el.play();
    } catch (error) {
      this.onPlayRejected(el, error);
      return;
    }
    // Old browsers return undefined; AbortError just means a newer load/pause won.
    result?.catch((error: unknown) => this.onPlayRejected(el, error));
  }

  private onPlayRejected(el: HTMLAudioElement, error: unknown): void {
    const name = error instanceof Error ? error.name : "";
    if (name === "AbortError" || el !== this.active.element || !this.wantPlaying) return;
    const trackId = this.active.trackId;
    this.errors.handle({
      type: "playback",
      details: name === "NotAllowedError" ? "autoplayBlocked" : "playFailed",
      fatal: true,
      trackId: trackId ?? undefined,
      message: error instanceof Error ? error.message : String(error),
      error,
    });
  }

  // ---- internals: recovery (called by the error controller) ---------------

  private reload(freshSource: boolean): void {
    const item = this.queueCtl.current;
    if (!item) return;
    const position = this.currentTime;
    if (freshSource) this.sources.delete(item.track.id);
    void this.loadItem(item, {
      autoplay: this.wantPlaying,
      reason: "retry",
      startPositionSec: position > 0 ? position : undefined,
    });
  }

  private recoverMedia(swapAudioCodec: boolean): void {
    const hls = this.active.hls;
    if (!hls) {
      this.reload(false);
      return;
    }
    if (swapAudioCodec) hls.swapAudioCodec();
    hls.recoverMediaError();
    if (this.wantPlaying) this.playElement();
  }

  private skipAfterError(): void {
    const next = this.queueCtl.next(false);
    if (next) void this.loadItem(next, { autoplay: true, reason: "error" });
    else this.stopAfterError({ type: "other", details: "queueExhausted", fatal: true });
  }

  private stopAfterError(error: PlayerErrorData): void {
    this.wantPlaying = false;
    this.startPending = null;
    this.active.element.pause();
    this.setStatus(error.type === "playback" ? "paused" : "error");
  }

  private fail(type: PlayerErrorData["type"], details: string, trackId: string, error: unknown): void {
    this.errors.handle({
      type,
      details,
      fatal: true,
      trackId,
      message: error instanceof Error ? error.message : String(error),
      error,
    });
  }

  // ---- internals: media events --------------------------------------------

  private slotHost(): SlotHost {
    return {
      onElementEvent: (slot, type) => {
        if (slot === this.active && !this.destroyed) this.onActiveElementEvent(type);
      },
      onError: (slot, error) => {
        if (this.destroyed) return;
        if (slot === this.active) {
          if (!error.fatal && error.details === "bufferStalledError") this.beginStall();
          this.errors.handle(error);
        } else if (error.fatal) {
          // A failed preload must not disturb what is playing: drop it, report it.
          slot.reset();
          this.emitter.emit(PlayerEvent.ERROR, { ...error, fatal: false, action: "none" });
        }
      },
      onLevelsLoaded: (slot) => {
        if (slot === this.active) this.emitLevels();
      },
      onLevelSwitched: (slot, previous) => {
        const level = slot.level;
        if (slot !== this.active || !level || !slot.trackId) return;
        this.emitter.emit(PlayerEvent.LEVEL_SWITCHED, { trackId: slot.trackId, level, previous });
      },
      onReady: (slot) => {
        if (slot === this.standby && slot.trackId) {
          this.emitter.emit(PlayerEvent.PRELOADED, { trackId: slot.trackId });
        }
      },
    };
  }

  private onActiveElementEvent(type: SlotElementEvent): void {
    const el = this.active.element;
    switch (type) {
      case "playing": {
        const trackId = this.active.trackId;
        if (this.startPending && trackId) {
          const { t0, preloaded } = this.startPending;
          this.startPending = null;
          this.hasStarted = true;
          this.emitter.emit(PlayerEvent.STARTED, { trackId, startupMs: this.now() - t0, preloaded });
          this.scheduleSettle();
        }
        this.wantPlaying = true;
        this.endStall();
        this.errors.onProgress();
        this.setStatus("playing");
        break;
      }
      case "pause":
        // Pauses we cause ourselves (unloading for a new track) happen while
        // "loading"; any other pause (OS, headset, element UI) is the user's.
        if (el.paused && !el.ended && this.statusValue !== "loading") {
          this.wantPlaying = false;
          this.setStatus("paused");
        }
        break;
      case "waiting":
        if (this.statusValue === "playing" && !el.seeking) this.beginStall();
        else if (this.statusValue === "playing") this.setStatus("buffering");
        break;
      case "timeupdate":
        this.emitTime();
        this.checkNearEnd();
        break;
      case "seeking":
        this.telemetry?.seeked(el.currentTime * 1000);
        this.clearEndTimer();
        break;
      case "durationchange":
        this.mediaSessionCtl?.updatePosition();
        break;
      case "ended":
        this.onEnded();
        break;
      case "canplay":
      case "error":
        break;
    }
  }

  private onEnded(): void {
    if (this.endHandled || this.destroyed) return;
    this.endHandled = true;
    this.clearEndTimer();
    const current = this.queueCtl.current;
    if (this.queueCtl.queue.repeat === "one" && current) {
      // Same element, same buffer: just go back to the start.
      this.telemetry?.endPlayback("complete");
      this.telemetry?.beginPlayback(current.track.id);
      this.endHandled = false;
      this.startPending = { t0: this.now(), preloaded: true };
      this.active.element.currentTime = 0;
      this.playElement();
      return;
    }
    const next = this.queueCtl.next(true);
    if (!next) {
      this.telemetry?.endPlayback("complete");
      this.wantPlaying = false;
      this.setStatus("ended");
      this.emitter.emit(PlayerEvent.QUEUE_ENDED, {});
      return;
    }
    void this.loadItem(next, { autoplay: true, reason: "auto" });
  }

  private checkNearEnd(): void {
    const el = this.active.element;
    const remaining = this.duration - el.currentTime;
    if (!Number.isFinite(remaining) || el.paused) return;
    if (this.options.preloadNext === "nearEnd" && remaining <= (this.options.nearEndSec ?? 20)) {
      this.preloadUpcoming();
    }
    const lead = this.options.gaplessLeadMs ?? 0;
    if (lead > 0 && this.endTimer === null && remaining < 1 && this.standbyHoldsNext()) {
      this.endTimer = this.scheduler.setTimeout(
        () => {
          this.endTimer = null;
          this.onEnded();
        },
        Math.max(0, remaining * 1000 - lead),
      );
    }
  }

  private standbyHoldsNext(): boolean {
    const next = this.queueCtl.queue.peekNext(true);
    return !!next && this.standby.ready && this.standby.trackId === next.track.id;
  }

  /** Preloads the track that will play when the current one ends. */
  private preloadUpcoming(): void {
    if (this.options.preloadNext === false || this.destroyed) return;
    const next = this.queueCtl.queue.peekNext(true);
    if (!next || next.track.id === this.active.trackId) return; // repeat-one / same track
    void this.preloadInto(next.track.id);
  }

  /** Queue changed after the current item: re-target the standby slot. */
  private onUpcomingChanged(): void {
    if (
      this.statusValue === "playing" &&
      this.settleTimer === null &&
      this.options.preloadNext !== "nearEnd"
    ) {
      this.preloadUpcoming();
    }
  }

  private scheduleSettle(): void {
    this.clearSettleTimer();
    this.settleTimer = this.scheduler.setTimeout(() => {
      this.settleTimer = null;
      // Playing steadily now: buffer normally (a cold start began with a small buffer).
      this.active.settle();
      if (this.options.preloadNext === "nearEnd") return;
      this.preloadUpcoming();
    }, this.options.settleMs ?? 3000);
  }

  private beginStall(): void {
    if (this.stallStartedAt === null) this.stallStartedAt = this.now();
    this.setStatus("buffering");
  }

  private endStall(): void {
    const started = this.stallStartedAt;
    const trackId = this.active.trackId;
    this.stallStartedAt = null;
    if (started === null || !trackId) return;
    this.emitter.emit(PlayerEvent.STALLED, { trackId, durationMs: this.now() - started });
  }

  private emitTime(): void {
    const trackId = this.active.trackId;
    if (!trackId) return;
    this.emitter.emit(PlayerEvent.TIME_UPDATE, {
      trackId,
      currentTime: this.currentTime,
      duration: this.duration,
      bufferedEnd: this.bufferedEnd,
    });
  }

  private emitLevels(): void {
    const trackId = this.active.trackId;
    if (!trackId) return;
    const hls = this.active.hls;
    this.emitter.emit(PlayerEvent.LEVELS_LOADED, {
      trackId,
      levels: this.active.levels,
      startLevel: hls ? hls.startLevel : -1,
    });
    const level = this.active.level;
    if (level) this.emitter.emit(PlayerEvent.LEVEL_SWITCHED, { trackId, level, previous: null });
  }

  private applyVolume(emit: boolean): void {
    const track = this.currentTrack;
    this.gainDbValue = track ? normalizationGainDb(this.normalizationValue, track) : 0;
    const { elementVolume, nodeGain } = outputLevels(
      this.volumeValue,
      this.mutedValue,
      this.gainDbValue,
      !!this.options.audioContext,
    );
    try {
      this.active.setOutput(elementVolume, nodeGain);
    } catch (error) {
      this.emitter.emit(PlayerEvent.ERROR, {
        type: "other",
        details: "volumeFailed",
        fatal: false,
        action: "none",
        message: error instanceof Error ? error.message : String(error),
        error,
      });
    }
    if (emit) {
      this.emitter.emit(PlayerEvent.VOLUME_CHANGED, {
        volume: this.volumeValue,
        muted: this.mutedValue,
        normalization: this.normalizationValue,
        gainDb: this.gainDbValue,
      });
    }
  }

  private setStatus(status: PlaybackStatus): void {
    const previous = this.statusValue;
    if (previous === status) return;
    this.statusValue = status;
    this.emitter.emit(PlayerEvent.STATE_CHANGED, { status, previous });
  }

  private clearSettleTimer(): void {
    if (this.settleTimer === null) return;
    this.scheduler.clearTimeout(this.settleTimer);
    this.settleTimer = null;
  }

  private clearEndTimer(): void {
    if (this.endTimer === null) return;
    this.scheduler.clearTimeout(this.endTimer);
    this.endTimer = null;
  }
}

function isExpiring(source: PlayableSource): boolean {
  return source.expiresAt !== undefined && source.expiresAt - Date.now() < SOURCE_EXPIRY_MARGIN_MS;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function createId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
