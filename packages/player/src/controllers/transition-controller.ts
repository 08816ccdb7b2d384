/**
 * How one track becomes the next. Repeat-one replays; otherwise the next track starts
 *   - with a crossfade (crossfadeSec > 0): the preloaded next track starts that long before the
 *     end and fades in while the outgoing one fades out, both slots playing;
 *   - gapless (default): the preloaded next track starts just before the end, early by the time
 *     an element takes to start (measured at every hand-over), so its first sample follows the
 *     outgoing track's last one; the outgoing track plays out to its end;
 *   - with gapless off: a short natural pause after the end.
 * Without a preloaded next track, the next one loads when the current one ends.
 */
import type { TypedEmitter } from "../emitter";
import { PlayerEvent, type PlayerEventMap } from "../events";
import type { Queue } from "../queue";
import type { MediaSlot } from "../slot";
import type { Scheduler } from "../telemetry";
import type { StandbyController } from "./standby-controller";
import type { VolumeController } from "./volume-controller";

/** Pause between tracks when gapless playback is off. */
export const TRACK_GAP_MS = 500;
export const MAX_CROSSFADE_SEC = 12;
/** Time an element takes from play() to its first sample, until measured. */
const INITIAL_START_LATENCY_MS = 15;
/** Arm the precise start this long before it is due (timers are late; the clock is not). */
const WAKE_AHEAD_MS = 150;
const POLL_MS = 2;
const FADE_STEP_MS = 50;

export interface TransitionHost {
  readonly queue: Queue;
  readonly slots: StandbyController;
  readonly volume: VolumeController;
  playing(): boolean;
  /** Moves on to the next track; with `overlapMs`, the outgoing slot keeps playing. */
  advance(handover: Handover | null): void;
  replay(): void;
  finish(): void;
}

export interface Handover {
  /** Crossfade length; 0 for a gapless hand-over. */
  fadeMs: number;
}

export interface TransitionOptions {
  crossfadeSec?: number;
  gapless?: boolean;
}

interface Overlap {
  outgoing: MediaSlot;
  incoming: MediaSlot;
  fadeMs: number;
  startedAt: number;
  measured: boolean;
}

export class TransitionController {
  crossfadeSec: number;
  gapless: boolean;
  /** Estimated play()-to-first-sample time of a buffered element. */
  private startLatencyMs = INITIAL_START_LATENCY_MS;
  /** The current track's transition has begun (or it ended). */
  private handled = false;
  private timer: unknown = null;
  private overlapTimer: unknown = null;
  private overlap: Overlap | null = null;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly host: TransitionHost,
    private readonly emitter: TypedEmitter<PlayerEventMap>,
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
    options: TransitionOptions = {},
  ) {
    this.crossfadeSec = clampCrossfade(options.crossfadeSec ?? 0);
    this.gapless = options.gapless ?? true;
    this.registerListeners();
  }

  /** The active element ended by itself. */
  onEnded(): void {
    if (this.handled) return;
    this.handled = true;
    this.clearTimer();
    const { queue } = this.host;
    if (queue.repeat === "one" && queue.current) {
      this.host.replay();
      this.handled = false;
      return;
    }
    if (!queue.peekNext(true)) {
      this.host.finish();
      return;
    }
    if (this.gapless || this.crossfadeSec > 0) {
      this.host.advance(null);
      return;
    }
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      this.host.advance(null);
    }, TRACK_GAP_MS);
  }

  /** The slot that was active became the outgoing one of a hand-over (see Player.loadItem). */
  handOver(outgoing: MediaSlot, incoming: MediaSlot, handover: Handover): void {
    this.finishOverlap();
    this.overlap = { outgoing, incoming, fadeMs: handover.fadeMs, startedAt: this.now(), measured: false };
    if (handover.fadeMs > 0) this.host.volume.setFade(incoming, 0);
    this.tickOverlap(this.overlap);
  }

  /** An element event of a slot that is not active: the outgoing one playing out. */
  onInactiveEvent(slot: MediaSlot, type: string): void {
    if (this.overlap?.outgoing === slot && (type === "ended" || type === "pause")) this.finishOverlap();
  }

  /** The listener took over (pause, seek, another track): stop anything scheduled or fading. */
  cancel(): void {
    this.clearTimer();
    this.finishOverlap();
  }

  destroy(): void {
    this.unregisterListeners();
    this.clearTimer();
    this.scheduler.clearTimeout(this.overlapTimer);
    this.overlap = null;
  }

  private registerListeners(): void {
    this.unsubscribers.push(
      this.emitter.on(PlayerEvent.TRACK_CHANGED, () => {
        this.handled = false;
        this.clearTimer();
      }),
      this.emitter.on(PlayerEvent.TIME_UPDATE, () => this.armEarlyStart()),
    );
  }

  private unregisterListeners(): void {
    for (const off of this.unsubscribers.splice(0)) off();
  }

  /** Near the end with the next track preloaded: schedule its start before `ended`. */
  private armEarlyStart(): void {
    if (this.handled || this.timer !== null || !this.host.playing()) return;
    const lead = this.leadMs();
    if (lead === null) return;
    const active = this.host.slots.active;
    const remainingMs = (active.duration - active.element.currentTime) * 1000;
    if (!(remainingMs <= lead.ms + 1500)) return;
    this.timer = this.scheduler.setTimeout(
      () => this.startWhenDue(active, lead),
      Math.max(0, remainingMs - lead.ms - WAKE_AHEAD_MS),
    );
  }

  /** How long before the end the next track starts, or null to wait for `ended`. */
  private leadMs(): { ms: number; fadeMs: number } | null {
    const { queue, slots } = this.host;
    const next = queue.peekNext(true);
    const active = slots.active;
    if (!next || next.track.id === active.trackId || !slots.holds(next.track.id)) return null;
    if (!Number.isFinite(active.duration)) return null;
    if (this.crossfadeSec > 0) {
      const fadeSec = Math.min(this.crossfadeSec, active.duration / 2, next.track.durationMs / 2000);
      return { ms: fadeSec * 1000, fadeMs: fadeSec * 1000 };
    }
    return this.gapless ? { ms: this.startLatencyMs, fadeMs: 0 } : null;
  }

  /** Polls the outgoing element's own clock, which timers cannot match, until the start is due. */
  private startWhenDue(active: MediaSlot, lead: { ms: number; fadeMs: number }): void {
    this.timer = null;
    if (this.handled || active !== this.host.slots.active || !this.host.playing()) return;
    const next = this.host.queue.peekNext(true);
    if (!next || !this.host.slots.holds(next.track.id)) return;
    const remainingMs = (active.duration - active.element.currentTime) * 1000;
    if (remainingMs > lead.ms) {
      this.timer = this.scheduler.setTimeout(() => this.startWhenDue(active, lead), POLL_MS);
      return;
    }
    this.handled = true;
    this.host.advance({ fadeMs: lead.fadeMs });
  }

  private tickOverlap(overlap: Overlap): void {
    if (this.overlap !== overlap) return;
    const { incoming, outgoing, fadeMs } = overlap;
    const elapsedMs = incoming.element.currentTime * 1000;
    if (!overlap.measured && elapsedMs > 0) {
      // When the incoming clock started, extrapolated back: the start latency of a buffered element.
      overlap.measured = true;
      const latency = this.now() - elapsedMs - overlap.startedAt;
      if (latency >= 0 && latency < 200) this.startLatencyMs = 0.7 * this.startLatencyMs + 0.3 * latency;
    }
    if (fadeMs > 0) {
      const p = Math.min(1, elapsedMs / fadeMs);
      // Equal-power curves: the two tracks' summed power stays level through the fade.
      this.host.volume.setFade(incoming, Math.sin((p * Math.PI) / 2));
      this.host.volume.setFade(outgoing, Math.cos((p * Math.PI) / 2));
      if (p >= 1) return this.finishOverlap();
    } else if (outgoing.element.paused) {
      return this.finishOverlap(); // played out
    }
    const step = overlap.measured ? FADE_STEP_MS : POLL_MS;
    this.overlapTimer = this.scheduler.setTimeout(() => this.tickOverlap(overlap), step);
  }

  private finishOverlap(): void {
    const overlap = this.overlap;
    if (!overlap) return;
    this.overlap = null;
    this.scheduler.clearTimeout(this.overlapTimer);
    this.host.volume.setFade(overlap.incoming, 1);
    this.host.slots.release();
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }
}

export function clampCrossfade(seconds: number): number {
  return Number.isFinite(seconds) ? Math.min(MAX_CROSSFADE_SEC, Math.max(0, seconds)) : 0;
}
