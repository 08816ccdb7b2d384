/**
 * Routes what the two slots report (element events, hls.js errors, levels, readiness) to the
 * controller each concerns: the active slot drives playback state, end of track and recovery;
 * the other one is a preload or an outgoing track playing out.
 */
import type { TypedEmitter } from "../emitter";
import { refusesGrant } from "../grant";
import { PlayerEvent, type PlayerEventMap } from "../events";
import type { SlotElementEvent, SlotHost } from "../slot";
import type { ErrorController } from "./error-controller";
import type { MediaSessionController } from "./media-session-controller";
import type { PlaybackStateController } from "./playback-state-controller";
import type { StandbyController } from "./standby-controller";
import type { TelemetryController } from "./telemetry-controller";
import type { TransitionController } from "./transition-controller";

export interface MediaEventTargets {
  slots: StandbyController;
  state: PlaybackStateController;
  transitions: TransitionController;
  errors: ErrorController;
  telemetry: TelemetryController | null;
  mediaSession: MediaSessionController | null;
  emitTime(): void;
  destroyed(): boolean;
}

export class MediaEventController implements SlotHost {
  private targets: MediaEventTargets | null = null;

  constructor(private readonly emitter: TypedEmitter<PlayerEventMap>) {}

  /** The slots are made with this as their host before the controllers they report to exist. */
  connect(targets: MediaEventTargets): void {
    this.targets = targets;
  }

  onElementEvent: SlotHost["onElementEvent"] = (slot, type) => {
    const t = this.live();
    if (!t) return;
    if (slot === t.slots.active) this.onActiveElementEvent(t, type);
    else t.transitions.onInactiveEvent(slot, type);
  };

  onError: SlotHost["onError"] = (slot, error) => {
    const t = this.live();
    if (!t) return;
    if (slot !== t.slots.active) return t.slots.onError(slot, error);
    if (!error.fatal && refusesGrant(error.httpStatus)) return; // being renewed, see grant.ts
    if (!error.fatal && error.details === "bufferStalledError") t.state.beginStall();
    t.errors.handle(error);
  };

  onLevelsLoaded: SlotHost["onLevelsLoaded"] = (slot) => {
    const t = this.live();
    if (t && slot === t.slots.active) this.emitLevels();
  };

  onLevelSwitched: SlotHost["onLevelSwitched"] = (slot, previous) => {
    const t = this.live();
    const level = slot.level;
    if (!t || slot !== t.slots.active || !level || !slot.trackId) return;
    this.emitter.emit(PlayerEvent.LEVEL_SWITCHED, { trackId: slot.trackId, level, previous });
  };

  onReady: SlotHost["onReady"] = (slot) => this.live()?.slots.onReady(slot);

  /** The active track's levels (and the current one), e.g. after it was swapped in. */
  emitLevels(): void {
    const active = this.targets?.slots.active;
    if (!active?.trackId) return;
    this.emitter.emit(PlayerEvent.LEVELS_LOADED, {
      trackId: active.trackId,
      levels: active.levels,
      startLevel: active.hls ? active.hls.startLevel : -1,
    });
    const level = active.level;
    if (level)
      this.emitter.emit(PlayerEvent.LEVEL_SWITCHED, { trackId: active.trackId, level, previous: null });
  }

  private live(): MediaEventTargets | null {
    const t = this.targets;
    return t && !t.destroyed() ? t : null;
  }

  private onActiveElementEvent(t: MediaEventTargets, type: SlotElementEvent): void {
    const active = t.slots.active;
    switch (type) {
      case "playing":
        t.state.onPlaying(active.trackId);
        t.errors.onProgress();
        break;
      case "pause":
        t.state.onPause(active.element);
        break;
      case "waiting":
        t.state.onWaiting(active.element);
        break;
      case "timeupdate":
        t.emitTime();
        break;
      case "seeking":
        t.telemetry?.seeked(active.element.currentTime * 1000);
        break;
      case "durationchange":
        t.mediaSession?.updatePosition();
        break;
      case "ended":
        t.transitions.onEnded();
        break;
      case "canplay":
      case "error":
        break;
    }
  }
}
