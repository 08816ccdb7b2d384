/**
 * The facade. Owns the event emitter, the source resolver and the controllers; everything the
 * app touches goes through here. Modelled on hls.js: controllers subscribe to events in
 * registerListeners() and are torn down by destroy(). What stays here is loading a track into
 * the active slot and the recovery actions the error controller chooses.
 */
import type { HlsConfig } from "hls.js";

import { buildHlsConfig } from "./abr";
import { ErrorController } from "./controllers/error-controller";
import { MediaEventController } from "./controllers/media-event-controller";
import { MediaSessionController, type MediaSessionHost } from "./controllers/media-session-controller";
import { QueueController } from "./controllers/queue-controller";
import { StandbyController } from "./controllers/standby-controller";
import { PlaybackStateController } from "./controllers/playback-state-controller";
import { TelemetryController } from "./controllers/telemetry-controller";
import { TransitionController, type Handover } from "./controllers/transition-controller";
import { VolumeController } from "./controllers/volume-controller";
import { TypedEmitter } from "./emitter";
import type { PlayerErrorData } from "./error-policy";
import { PlayerEvent, type PlayerEventMap } from "./events";
import { StreamGrant } from "./grant";
import type { HlsConstructor } from "./hls-types";
import { PlayerControls } from "./player-controls";
import type { PlayerOptions } from "./player-options";
import { MediaSlot } from "./slot";
import { SourceResolver } from "./sources";
import { defaultScheduler } from "./telemetry";
import type { PlayableSource, QueueItem, Track } from "./types";

export type { PlayerOptions } from "./player-options";

type LoadReason = "user" | "auto" | "error" | "retry";

interface LoadOptions {
  autoplay: boolean;
  reason: LoadReason;
  startPositionSec?: number;
  /** An automatic advance that keeps the outgoing track playing (gapless or crossfade). */
  handover?: Handover;
}

export class Player extends PlayerControls implements MediaSessionHost {
  protected readonly emitter: TypedEmitter<PlayerEventMap>;
  protected readonly queueCtl: QueueController;
  protected readonly slots: StandbyController;
  protected readonly volumeCtl: VolumeController;
  protected readonly transitions: TransitionController;
  protected readonly telemetry: TelemetryController | null;
  protected readonly mediaSessionCtl: MediaSessionController | null;
  protected readonly sources: SourceResolver;
  protected readonly state: PlaybackStateController;
  private readonly errors: ErrorController;
  private readonly media: MediaEventController;
  private readonly hlsCtor: Promise<HlsConstructor>;
  private readonly now: () => number;

  /** uid of the queue item loaded in the active slot. */
  protected loadedUid: string | null = null;
  protected destroyed = false;
  private estimateBps: number | null = null;
  private loadToken = 0;

  constructor(protected readonly options: PlayerOptions) {
    super();
    this.now = options.now ?? (() => performance.now());
    const scheduler = options.scheduler ?? defaultScheduler;
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
    this.sources = new SourceResolver(options.resolveSource);
    this.queueCtl = new QueueController(this.emitter, { random: options.random });
    this.state = new PlaybackStateController(this.emitter, this.now);

    const createElement = options.createAudioElement ?? (() => document.createElement("audio"));
    const host = (this.media = new MediaEventController(this.emitter));
    const ctx = options.audioContext ?? null;
    const slots: [MediaSlot, MediaSlot] = [
      new MediaSlot(createElement(), host, ctx),
      new MediaSlot(createElement(), host, ctx),
    ];
    const playing = () => this.state.status === "playing";
    this.slots = new StandbyController(
      {
        queue: this.queueCtl.queue,
        sources: this.sources,
        hls: () => this.hlsCtor,
        hlsConfig: (preload) => this.hlsConfig(preload),
        bandwidthEstimate: () => this.bandwidthEstimate,
        playing,
      },
      this.emitter,
      slots,
      scheduler,
      options,
    );
    this.volumeCtl = new VolumeController(
      this.emitter,
      () => ({ active: this.slots.active, others: [this.slots.standby] }),
      {
        volume: options.volume ?? 1,
        muted: options.muted ?? false,
        normalization: options.normalization ?? "normal",
      },
      !!options.audioContext,
    );
    this.transitions = new TransitionController(
      {
        queue: this.queueCtl.queue,
        slots: this.slots,
        volume: this.volumeCtl,
        playing,
        advance: (handover) => this.advance(handover),
        replay: () => this.replay(),
        finish: () => this.finishQueue(),
      },
      this.emitter,
      scheduler,
      this.now,
      { crossfadeSec: options.crossfadeSec, gapless: options.gapless },
    );
    this.errors = new ErrorController(
      {
        hasNext: () => this.queueCtl.queue.peekNext(false) !== null,
        reload: (fresh) => this.reload(fresh),
        recoverMedia: (swap) => this.recoverMedia(swap),
        skip: () => this.skipAfterError(),
        stop: (error) => this.stopAfterError(error),
        report: (error) => this.emitter.emit(PlayerEvent.ERROR, error),
      },
      scheduler,
      options.recoveryPolicy,
    );
    const sessionId = createId();
    this.telemetry = options.telemetry
      ? new TelemetryController(this.emitter, options.telemetry, {
          sessionId,
          createId,
          positionMs: () => this.currentTime * 1000,
          scheduler,
        })
      : null;
    const session =
      options.mediaSession === false
        ? null
        : (options.mediaSession ??
          (typeof navigator !== "undefined" && "mediaSession" in navigator ? navigator.mediaSession : null));
    this.mediaSessionCtl = session ? new MediaSessionController(this, this.emitter, session) : null;
    this.media.connect({
      slots: this.slots,
      state: this.state,
      transitions: this.transitions,
      errors: this.errors,
      telemetry: this.telemetry,
      mediaSession: this.mediaSessionCtl,
      emitTime: () => this.emitTime(),
      destroyed: () => this.destroyed,
    });
    for (const slot of slots) this.volumeCtl.apply(slot);
  }

  /** Latest bandwidth estimate (bits/s), carried over between tracks. */
  get bandwidthEstimate(): number | null {
    return this.slots.active.bandwidthEstimate ?? this.estimateBps;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.emitter.emit(PlayerEvent.DESTROYING, {});
    this.telemetry?.endPlayback("none");
    this.destroyed = true;
    this.loadToken++;
    this.transitions.destroy();
    this.telemetry?.destroy();
    this.mediaSessionCtl?.destroy();
    this.errors.destroy();
    this.slots.destroy();
    this.sources.clear();
    this.emitter.removeAllListeners();
  }

  protected async loadItem(item: QueueItem | null, opts: LoadOptions): Promise<void> {
    if (this.destroyed) return;
    const retry = opts.reason === "retry";
    const token = ++this.loadToken;
    if (!opts.handover) this.transitions.cancel();
    this.estimateBps = this.bandwidthEstimate;
    if (!retry) {
      if (this.loadedUid) {
        this.telemetry?.endPlayback(
          opts.reason === "auto" ? "complete" : opts.reason === "user" ? "skip" : "none",
        );
      }
      this.errors.onTrackChange(opts.reason === "user");
      this.emitter.emit(PlayerEvent.TRACK_CHANGED, { item, index: this.queueCtl.state.currentIndex });
    }
    this.state.loading(opts.autoplay, retry);
    if (!item) {
      this.loadedUid = null;
      this.slots.unload();
      this.state.setStatus("idle");
      return;
    }
    this.loadedUid = item.uid;
    const trackId = item.track.id;
    if (!retry) this.telemetry?.beginPlayback(trackId);

    const outgoing = retry ? null : this.slots.swapTo(trackId);
    if (outgoing) {
      // Preloaded: the standby slot becomes the active one.
      const active = this.slots.active;
      this.volumeCtl.assign(active, item.track);
      this.state.fromStandby(active.ready);
      if (opts.handover) this.transitions.handOver(outgoing, active, opts.handover);
      else this.slots.release();
      const start = opts.startPositionSec ?? (opts.handover ? encoderDelaySec(active, item.track) : 0);
      if (start) active.element.currentTime = start;
      if (active.levels.length > 0) this.media.emitLevels();
      this.state.setStatus(opts.autoplay ? "loading" : "paused");
      if (opts.autoplay) this.playElement();
      return;
    }

    // Cold start: build the hls instance and attach the element while the signed URL is being
    // resolved, so the two overlap.
    this.slots.release();
    this.slots.abandon(trackId);
    this.state.setStatus("loading");
    let Hls: HlsConstructor;
    try {
      Hls = await this.hlsCtor;
    } catch (error) {
      if (token === this.loadToken) this.fail("other", "hlsImportFailed", trackId, error);
      return;
    }
    if (token !== this.loadToken) return;
    const active = this.slots.active;
    active.prepare(trackId, {
      Hls,
      config: this.hlsConfig(false),
      estimateBps: this.estimateBps,
      startPositionSec: opts.startPositionSec,
    });
    this.volumeCtl.assign(active, item.track);
    let source: PlayableSource;
    try {
      source = await this.sources.get(trackId);
    } catch (error) {
      if (token === this.loadToken) this.fail("source", "resolveSourceFailed", trackId, error);
      return;
    }
    if (token !== this.loadToken) return;
    active.load(new StreamGrant(trackId, source, this.sources), opts.startPositionSec);
    if (!opts.autoplay) this.state.setStatus("paused");
    else this.playElement();
  }

  protected playElement(): void {
    const el = this.slots.active.element;
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

  private hlsConfig(preload: boolean): Partial<HlsConfig> {
    return buildHlsConfig({
      preload,
      estimateBps: this.bandwidthEstimate,
      withCredentials: this.options.withCredentials,
      overrides: this.options.hlsConfig,
    });
  }

  private onPlayRejected(el: HTMLAudioElement, error: unknown): void {
    const name = error instanceof Error ? error.name : "";
    if (name === "AbortError" || el !== this.slots.active.element || !this.state.wantPlaying) return;
    this.errors.handle({
      type: "playback",
      details: name === "NotAllowedError" ? "autoplayBlocked" : "playFailed",
      fatal: true,
      trackId: this.slots.active.trackId ?? undefined,
      message: error instanceof Error ? error.message : String(error),
      error,
    });
  }

  // ---- end of track (called by the transition controller) ----------------

  private advance(handover: Handover | null): void {
    const next = this.queueCtl.next(true);
    if (!next) return this.finishQueue();
    void this.loadItem(next, { autoplay: true, reason: "auto", handover: handover ?? undefined });
  }

  /** Repeat-one: same element, same buffer, back to the start; a new listen. */
  private replay(): void {
    const current = this.queueCtl.current;
    if (!current) return;
    this.telemetry?.endPlayback("complete");
    this.telemetry?.beginPlayback(current.track.id);
    this.state.replaying();
    this.slots.active.element.currentTime = 0;
    this.playElement();
  }

  private finishQueue(): void {
    this.telemetry?.endPlayback("complete");
    this.state.stop("ended");
    this.emitter.emit(PlayerEvent.QUEUE_ENDED, {});
  }

  // ---- recovery (called by the error controller) -------------------------

  private reload(freshSource: boolean): void {
    const item = this.queueCtl.current;
    if (!item) return;
    const position = this.currentTime;
    if (freshSource) this.sources.invalidate(item.track.id);
    void this.loadItem(item, {
      autoplay: this.state.wantPlaying,
      reason: "retry",
      startPositionSec: position > 0 ? position : undefined,
    });
  }

  private recoverMedia(swapAudioCodec: boolean): void {
    const hls = this.slots.active.hls;
    if (!hls) return this.reload(false);
    if (swapAudioCodec) hls.swapAudioCodec();
    hls.recoverMediaError();
    if (this.state.wantPlaying) this.playElement();
  }

  private skipAfterError(): void {
    const next = this.queueCtl.next(false);
    if (next) void this.loadItem(next, { autoplay: true, reason: "error" });
    else this.stopAfterError({ type: "other", details: "queueExhausted", fatal: true });
  }

  private stopAfterError(error: PlayerErrorData): void {
    this.slots.active.element.pause();
    this.state.stop(error.type === "playback" ? "paused" : "error");
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
}

function createId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The encoder's priming samples at the start of a track (AAC: 1024, about 23 ms of near silence):
 * the stream is that much longer than the source the catalog measured. Skipped when one track
 * runs into the next, so the two join without that silence.
 */
function encoderDelaySec(slot: MediaSlot, track: Track): number {
  const extra = slot.duration - track.durationMs / 1000;
  return extra > 0 && extra < 0.1 ? extra : 0;
}
