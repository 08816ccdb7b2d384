/**
 * Telemetry data model and the pure pieces behind it: batching with flush
 * triggers, and "how long has the user actually listened" accounting. The
 * DOM glue (pagehide etc.) lives in controllers/telemetry-controller.
 */

interface TelemetryBase {
  trackId: string;
  /** Epoch ms when the event happened. */
  timestamp: number;
  /** Playback position in the track when the event happened. */
  positionMs: number;
  /** One Player instance (a browser tab's lifetime). */
  sessionId: string;
  /** One listen of one track: groups start/progress/skip/complete. */
  playbackId: string;
}

export type TelemetryEvent = TelemetryBase &
  (
    | { type: "start"; startupMs: number; preloaded: boolean }
    /** Sent every ~15 s of actual listening (seeks excluded). */
    | { type: "progress"; listenedMs: number }
    | { type: "skip"; listenedMs: number }
    | { type: "complete"; listenedMs: number }
    | { type: "stall"; durationMs: number }
    | { type: "bitrate_switch"; fromKbps: number | null; toKbps: number }
    | { type: "error"; errorType: string; details: string; fatal: boolean }
  );

export type TelemetryEventType = TelemetryEvent["type"];

export type FlushReason = "size" | "interval" | "pagehide" | "hidden" | "manual" | "destroy";

export interface FlushContext {
  reason: FlushReason;
  /**
   * True when the page may be going away: the app should use
   * navigator.sendBeacon or fetch(..., { keepalive: true }).
   */
  unloading: boolean;
}

export type TelemetrySend = (events: TelemetryEvent[], context: FlushContext) => void | Promise<void>;

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const defaultScheduler: Scheduler = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface TelemetryBatcherOptions {
  send: TelemetrySend;
  /** Flush as soon as this many events are buffered. */
  maxEvents?: number;
  /** Flush this long after the first buffered event. */
  flushIntervalMs?: number;
  /** Cap on buffered events while sends keep failing (oldest dropped). */
  maxBuffered?: number;
  scheduler?: Scheduler;
  /** Called when `send` throws or rejects. */
  onSendError?: (error: unknown) => void;
}

export class TelemetryBatcher {
  private buffer: TelemetryEvent[] = [];
  private timer: unknown = null;
  private readonly maxEvents: number;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;
  private readonly scheduler: Scheduler;

  constructor(private readonly options: TelemetryBatcherOptions) {
    this.maxEvents = Math.max(1, options.maxEvents ?? 20);
    this.flushIntervalMs = options.flushIntervalMs ?? 30_000;
    this.maxBuffered = Math.max(this.maxEvents, options.maxBuffered ?? 500);
    this.scheduler = options.scheduler ?? defaultScheduler;
  }

  get size(): number {
    return this.buffer.length;
  }

  push(event: TelemetryEvent): void {
    this.buffer.push(event);
    this.trim();
    if (this.buffer.length >= this.maxEvents) {
      void this.flush("size");
    } else {
      this.armTimer();
    }
  }

  /**
   * Sends everything buffered. On failure the events go back to the front of
   * the buffer for the next flush, except when unloading (nothing will run).
   */
  async flush(reason: FlushReason = "manual"): Promise<void> {
    this.disarmTimer();
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    const unloading = reason === "pagehide" || reason === "hidden" || reason === "destroy";
    try {
      await this.options.send(batch, { reason, unloading });
    } catch (error) {
      this.options.onSendError?.(error);
      if (!unloading) {
        this.buffer = batch.concat(this.buffer);
        this.trim();
        this.armTimer();
      }
    }
  }

  /** Stops the timer; buffered events are dropped unless flushed first. */
  dispose(): void {
    this.disarmTimer();
    this.buffer = [];
  }

  private trim(): void {
    const excess = this.buffer.length - this.maxBuffered;
    if (excess > 0) this.buffer.splice(0, excess);
  }

  // A one-shot timer armed by the first buffered event (rather than a
  // permanent interval) keeps an idle tab from waking up for nothing.
  private armTimer(): void {
    if (this.timer !== null || this.buffer.length === 0) return;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      void this.flush("interval");
    }, this.flushIntervalMs);
  }

  private disarmTimer(): void {
    if (this.timer === null) return;
    this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * Accumulates listened time from successive playback positions. Jumps larger
 * than `maxStepMs` (seeks) and backwards moves are not counted as listening.
 */
export class ListenTracker {
  private last: number | null = null;
  private pending = 0;
  private total = 0;

  constructor(
    private readonly intervalMs = 15_000,
    private readonly maxStepMs = 2_000,
  ) {}

  get listenedMs(): number {
    return this.total;
  }

  reset(positionMs: number | null = null): void {
    this.last = positionMs;
    this.pending = 0;
    this.total = 0;
  }

  /** Re-anchors after a seek without counting the jump. */
  seek(positionMs: number): void {
    this.last = positionMs;
  }

  /** Feeds a position; returns the ms to report when a progress tick is due. */
  update(positionMs: number): number | null {
    const last = this.last;
    this.last = positionMs;
    if (last === null) return null;
    const step = positionMs - last;
    if (step <= 0 || step > this.maxStepMs) return null;
    this.pending += step;
    this.total += step;
    if (this.pending < this.intervalMs) return null;
    const report = this.pending;
    this.pending = 0;
    return report;
  }
}
