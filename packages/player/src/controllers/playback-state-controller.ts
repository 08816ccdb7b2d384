/**
 * Playback status as the listener sees it, from the active element's events: what they asked for
 * (play or pause), what the element does (loading, playing, buffering), how long they waited for
 * a track to start (STARTED, with whether it came preloaded) and every stall (STALLED).
 */
import type { TypedEmitter } from "../emitter";
import { PlayerEvent, type PlayerEventMap } from "../events";
import type { PlaybackStatus } from "../types";

export class PlaybackStateController {
  private statusValue: PlaybackStatus = "idle";
  /** Set by play(), cleared by pause(): what the listener wants, whatever the element says. */
  wantPlaying = false;
  private pending: { t0: number; preloaded: boolean } | null = null;
  /** STARTED was emitted for the loaded track. */
  private started = false;
  private stallStartedAt: number | null = null;

  constructor(
    private readonly emitter: TypedEmitter<PlayerEventMap>,
    private readonly now: () => number,
  ) {}

  get status(): PlaybackStatus {
    return this.statusValue;
  }

  get hasStarted(): boolean {
    return this.started;
  }

  setStatus(status: PlaybackStatus): void {
    const previous = this.statusValue;
    if (previous === status) return;
    this.statusValue = status;
    this.emitter.emit(PlayerEvent.STATE_CHANGED, { status, previous });
  }

  /** A load begins; a retry of the same track is not a new start. */
  loading(autoplay: boolean, retry: boolean): void {
    this.wantPlaying = autoplay;
    if (!retry) this.started = false;
    this.stallStartedAt = null;
    this.pending = autoplay && !this.started ? { t0: this.now(), preloaded: false } : null;
  }

  /** The track came from the standby slot, buffered (`ready`) or still buffering. */
  fromStandby(ready: boolean): void {
    if (this.pending) this.pending.preloaded = ready;
  }

  /** play() on a track paused before it ever started: its first `playing` is still the start. */
  resumed(ready: boolean): void {
    if (!this.started) this.pending = { t0: this.now(), preloaded: ready };
  }

  /** Repeat-one: the same buffered element starts over, a new listen. */
  replaying(): void {
    this.pending = { t0: this.now(), preloaded: true };
  }

  /** The listener paused, or playback stopped for good. */
  stop(status?: PlaybackStatus): void {
    this.wantPlaying = false;
    this.pending = null;
    if (status) this.setStatus(status);
  }

  onPlaying(trackId: string | null): void {
    const pending = this.pending;
    if (pending && trackId) {
      this.pending = null;
      this.started = true;
      this.emitter.emit(PlayerEvent.STARTED, {
        trackId,
        startupMs: this.now() - pending.t0,
        preloaded: pending.preloaded,
      });
    }
    this.wantPlaying = true;
    this.endStall(trackId);
    this.setStatus("playing");
  }

  onPause(element: HTMLMediaElement): void {
    // Pauses we cause ourselves (unloading for a new track) happen while "loading"; any other
    // pause (OS, headset, element UI) is the listener's.
    if (element.paused && !element.ended && this.statusValue !== "loading") this.stop("paused");
  }

  onWaiting(element: HTMLMediaElement): void {
    if (this.statusValue !== "playing") return;
    if (element.seeking) this.setStatus("buffering");
    else this.beginStall();
  }

  beginStall(): void {
    this.stallStartedAt ??= this.now();
    this.setStatus("buffering");
  }

  private endStall(trackId: string | null): void {
    const started = this.stallStartedAt;
    this.stallStartedAt = null;
    if (started === null || !trackId) return;
    this.emitter.emit(PlayerEvent.STALLED, { trackId, durationMs: this.now() - started });
  }
}
