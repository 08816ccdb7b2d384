/**
 * Turns player activity into telemetry events and flushes them through the
 * app's `send` callback, including when the page is hidden or unloaded
 * (the last chance to deliver; the app should then use sendBeacon/keepalive).
 */
import type { TypedEmitter } from "../emitter";
import { PlayerEvent, type PlayerEventMap } from "../events";
import {
  ListenTracker,
  TelemetryBatcher,
  type Scheduler,
  type TelemetryEvent,
  type TelemetrySend,
} from "../telemetry";

export interface TelemetryOptions {
  send: TelemetrySend;
  /** Flush when this many events are buffered (default 20). */
  maxEvents?: number;
  /** Flush this long after the first buffered event (default 30 s). */
  flushIntervalMs?: number;
  /** Listening time between `progress` events (default 15 s). */
  progressIntervalMs?: number;
}

interface Playback {
  trackId: string;
  playbackId: string;
  started: boolean;
}

type Payload = TelemetryEvent extends infer T
  ? T extends TelemetryEvent
    ? Omit<T, "trackId" | "timestamp" | "positionMs" | "sessionId" | "playbackId">
    : never
  : never;

export class TelemetryController {
  private readonly batcher: TelemetryBatcher;
  private readonly tracker: ListenTracker;
  private playback: Playback | null = null;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly emitter: TypedEmitter<PlayerEventMap>,
    options: TelemetryOptions,
    private readonly deps: {
      sessionId: string;
      createId: () => string;
      positionMs: () => number;
      scheduler: Scheduler;
    },
  ) {
    this.batcher = new TelemetryBatcher({
      send: options.send,
      maxEvents: options.maxEvents,
      flushIntervalMs: options.flushIntervalMs,
      scheduler: deps.scheduler,
      onSendError: (error) => console.warn("[cadence/player] telemetry send failed", error),
    });
    this.tracker = new ListenTracker(options.progressIntervalMs);
    this.registerListeners();
  }

  /** A new listen begins (before it is audible, so early errors are attributed). */
  beginPlayback(trackId: string): void {
    this.playback = { trackId, playbackId: this.deps.createId(), started: false };
    this.tracker.reset();
  }

  /** The listen ended: naturally (`complete`), by the user (`skip`) or silently. */
  endPlayback(kind: "complete" | "skip" | "none"): void {
    const playback = this.playback;
    if (playback?.started && kind !== "none") {
      this.push({ type: kind, listenedMs: Math.round(this.tracker.listenedMs) });
    }
    this.playback = null;
  }

  seeked(positionMs: number): void {
    this.tracker.seek(positionMs);
  }

  flush(): Promise<void> {
    return this.batcher.flush("manual");
  }

  destroy(): void {
    this.unregisterListeners();
    void this.batcher.flush("destroy");
    this.batcher.dispose();
  }

  private push(payload: Payload, trackId?: string): void {
    const playback = this.playback;
    const id = trackId ?? playback?.trackId;
    if (!id) return;
    this.batcher.push({
      ...payload,
      trackId: id,
      timestamp: Date.now(),
      positionMs: Math.round(this.deps.positionMs()),
      sessionId: this.deps.sessionId,
      playbackId: playback?.trackId === id ? playback.playbackId : "",
    });
  }

  private readonly onPageHide = (): void => {
    void this.batcher.flush("pagehide");
  };

  private readonly onVisibilityChange = (): void => {
    if (typeof document !== "undefined" && document.visibilityState === "hidden") {
      void this.batcher.flush("hidden");
    }
  };

  private registerListeners(): void {
    const e = this.emitter;
    this.unsubscribers.push(
      e.on(PlayerEvent.STARTED, ({ trackId, startupMs, preloaded }) => {
        if (this.playback?.trackId !== trackId) this.beginPlayback(trackId);
        if (this.playback) this.playback.started = true;
        this.tracker.reset(this.deps.positionMs());
        this.push({ type: "start", startupMs: Math.round(startupMs), preloaded });
      }),
      e.on(PlayerEvent.TIME_UPDATE, ({ trackId, currentTime }) => {
        if (!this.playback?.started || this.playback.trackId !== trackId) return;
        const listened = this.tracker.update(currentTime * 1000);
        if (listened !== null) this.push({ type: "progress", listenedMs: Math.round(listened) });
      }),
      e.on(PlayerEvent.STALLED, ({ trackId, durationMs }) => {
        this.push({ type: "stall", durationMs: Math.round(durationMs) }, trackId);
      }),
      e.on(PlayerEvent.LEVEL_SWITCHED, ({ trackId, level, previous }) => {
        this.push(
          { type: "bitrate_switch", fromKbps: previous?.bitrateKbps ?? null, toKbps: level.bitrateKbps },
          trackId,
        );
      }),
      e.on(PlayerEvent.ERROR, (error) => {
        if (error.type === "listener") return;
        this.push(
          { type: "error", errorType: error.type, details: error.details, fatal: error.fatal },
          error.trackId,
        );
      }),
    );
    if (typeof window !== "undefined") {
      window.addEventListener("pagehide", this.onPageHide);
    }
    if (typeof document !== "undefined") {
      document.addEventListener("visibilitychange", this.onVisibilityChange);
    }
  }

  private unregisterListeners(): void {
    for (const off of this.unsubscribers.splice(0)) off();
    if (typeof window !== "undefined") {
      window.removeEventListener("pagehide", this.onPageHide);
    }
    if (typeof document !== "undefined") {
      document.removeEventListener("visibilitychange", this.onVisibilityChange);
    }
  }
}
