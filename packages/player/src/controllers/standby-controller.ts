/**
 * The standby slot: it preloads the track that plays next (or one the pointer rests on) and swaps
 * roles with the active slot when that track is asked for. During a crossfade or a gapless hand
 * over it holds the outgoing track instead, until that has played out.
 */
import type { HlsConfig } from "hls.js";

import type { TypedEmitter } from "../emitter";
import { PlayerEvent, type PlayerEventMap } from "../events";
import type { PlayerErrorData } from "../error-policy";
import { StreamGrant } from "../grant";
import type { HlsConstructor } from "../hls-types";
import type { Queue } from "../queue";
import type { MediaSlot } from "../slot";
import type { SourceResolver } from "../sources";
import type { Scheduler } from "../telemetry";

export interface StandbyOptions {
  /** "settled" (default): preload once the current track plays steadily; "nearEnd": when
   * `nearEndSec` remain; false: never. */
  preloadNext?: "settled" | "nearEnd" | false;
  nearEndSec?: number;
  settleMs?: number;
}

export interface StandbyHost {
  readonly queue: Queue;
  readonly sources: SourceResolver;
  hls(): Promise<HlsConstructor>;
  hlsConfig(preload: boolean): Partial<HlsConfig>;
  bandwidthEstimate(): number | null;
  playing(): boolean;
}

export class StandbyController {
  active: MediaSlot;
  standby: MediaSlot;
  /** The standby slot holds an outgoing track that is still playing out. */
  private outgoing = false;
  private token = 0;
  private settled = false;
  private settleTimer: unknown = null;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly host: StandbyHost,
    private readonly emitter: TypedEmitter<PlayerEventMap>,
    slots: [MediaSlot, MediaSlot],
    private readonly scheduler: Scheduler,
    private readonly options: StandbyOptions = {},
  ) {
    [this.active, this.standby] = slots;
    this.registerListeners();
  }

  /** Buffers the start of `trackId` in the standby slot (unless it is busy or has it already). */
  async preload(trackId: string): Promise<void> {
    const slot = this.standby;
    if (this.outgoing || this.active.trackId === trackId || slot.trackId === trackId) return;
    const token = ++this.token;
    let Hls: HlsConstructor;
    try {
      Hls = await this.host.hls();
    } catch {
      return;
    }
    if (token !== this.token || this.outgoing) return;
    slot.prepare(trackId, {
      Hls,
      config: this.host.hlsConfig(true),
      estimateBps: this.host.bandwidthEstimate(),
    });
    try {
      const source = await this.host.sources.get(trackId);
      if (token !== this.token || slot !== this.standby) return;
      slot.load(new StreamGrant(trackId, source, this.host.sources));
    } catch {
      // Preloading is opportunistic; a real play surfaces the error.
      if (token === this.token && slot === this.standby) slot.reset();
    }
  }

  /** Preloads the track that plays when the current one ends. */
  preloadUpcoming(): void {
    if (this.options.preloadNext === false) return;
    const next = this.host.queue.peekNext(true);
    if (next && next.track.id !== this.active.trackId) void this.preload(next.track.id);
  }

  /** The queue after the current track changed: re-target the standby slot. */
  upcomingChanged(): void {
    if (this.settled && this.host.playing() && this.options.preloadNext !== "nearEnd") this.preloadUpcoming();
  }

  /** Whether the standby slot has `trackId` buffered and can start it at once. */
  holds(trackId: string): boolean {
    return !this.outgoing && this.standby.ready && this.standby.trackId === trackId;
  }

  /**
   * Makes the standby slot active if it holds `trackId`; returns the slot that was active, which
   * keeps playing until release(), or null when the track is not there.
   */
  swapTo(trackId: string): MediaSlot | null {
    this.release();
    if (this.standby.trackId !== trackId || !this.standby.grant) return null;
    this.token++;
    const previous = this.active;
    this.active = this.standby;
    this.standby = previous;
    this.outgoing = true;
    this.active.settle();
    return previous;
  }

  /** The outgoing track has played out (or is cut short): the standby slot is free again. */
  release(): void {
    if (!this.outgoing) return;
    this.outgoing = false;
    this.standby.reset();
    if (this.settled && this.options.preloadNext !== "nearEnd") this.preloadUpcoming();
  }

  /** Nothing to play: both slots unload. */
  unload(): void {
    this.token++;
    this.outgoing = false;
    this.active.reset();
    this.standby.reset();
  }

  /** A cold load of `trackId` starts: a preload of it still in progress is dropped. */
  abandon(trackId: string): void {
    if (this.outgoing || this.standby.trackId !== trackId) return;
    this.token++;
    this.standby.reset();
  }

  onReady(slot: MediaSlot): void {
    if (slot === this.standby && !this.outgoing && slot.trackId) {
      this.emitter.emit(PlayerEvent.PRELOADED, { trackId: slot.trackId });
    }
  }

  /** A failed preload must not disturb what is playing: drop it, report it. */
  onError(slot: MediaSlot, error: PlayerErrorData): void {
    if (slot !== this.standby || !error.fatal) return;
    if (this.outgoing) this.release();
    else slot.reset();
    this.emitter.emit(PlayerEvent.ERROR, { ...error, fatal: false, action: "none" });
  }

  destroy(): void {
    this.unregisterListeners();
    this.token++;
    this.active.destroy();
    this.standby.destroy();
  }

  private registerListeners(): void {
    const e = this.emitter;
    this.unsubscribers.push(
      e.on(PlayerEvent.TRACK_CHANGED, () => {
        this.settled = false;
        this.clearSettleTimer();
      }),
      e.on(PlayerEvent.STARTED, () => this.scheduleSettle()),
      e.on(PlayerEvent.TIME_UPDATE, ({ currentTime, duration }) => {
        const nearEnd = this.options.nearEndSec ?? 20;
        if (this.options.preloadNext === "nearEnd" && duration - currentTime <= nearEnd) {
          this.preloadUpcoming();
        }
      }),
    );
  }

  private unregisterListeners(): void {
    for (const off of this.unsubscribers.splice(0)) off();
    this.clearSettleTimer();
  }

  private scheduleSettle(): void {
    this.clearSettleTimer();
    this.settleTimer = this.scheduler.setTimeout(() => {
      this.settleTimer = null;
      this.settled = true;
      // Playing steadily now: buffer normally (a cold start began with a small buffer).
      this.active.settle();
      if (this.options.preloadNext !== "nearEnd") this.preloadUpcoming();
    }, this.options.settleMs ?? 3000);
  }

  private clearSettleTimer(): void {
    if (this.settleTimer === null) return;
    this.scheduler.clearTimeout(this.settleTimer);
    this.settleTimer = null;
  }
}
