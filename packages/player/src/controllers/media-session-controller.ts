/**
 * Mirrors the player into the Media Session API (OS media keys, lock screen,
 * headset buttons). Every call is guarded: the API is missing in some
 * browsers and setPositionState throws on inconsistent values.
 */
import type { TypedEmitter } from "../emitter";
import { PlayerEvent, type PlayerEventMap } from "../events";
import type { Track } from "../types";

export interface MediaSessionHost {
  play(): unknown;
  pause(): unknown;
  next(): unknown;
  previous(): unknown;
  seek(seconds: number): void;
  readonly currentTime: number;
  readonly duration: number;
}

const DEFAULT_SEEK_OFFSET_SEC = 10;

const ACTIONS = [
  "play",
  "pause",
  "previoustrack",
  "nexttrack",
  "seekto",
  "seekbackward",
  "seekforward",
] as const satisfies readonly MediaSessionAction[];

export class MediaSessionController {
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly host: MediaSessionHost,
    private readonly emitter: TypedEmitter<PlayerEventMap>,
    private readonly session: MediaSession | null = defaultSession(),
  ) {
    this.registerListeners();
  }

  destroy(): void {
    this.unregisterListeners();
    if (!this.session) return;
    this.session.metadata = null;
    this.session.playbackState = "none";
  }

  private registerListeners(): void {
    const session = this.session;
    if (!session) return;
    for (const action of ACTIONS) {
      safe(() => session.setActionHandler(action, (details) => this.onAction(details)));
    }
    const e = this.emitter;
    this.unsubscribers.push(
      e.on(PlayerEvent.TRACK_CHANGED, ({ item }) => {
        session.metadata = item ? toMetadata(item.track) : null;
        if (!item) session.playbackState = "none";
      }),
      e.on(PlayerEvent.STATE_CHANGED, ({ status }) => {
        session.playbackState =
          status === "paused" || status === "ended" || status === "error"
            ? "paused"
            : status === "idle"
              ? "none"
              : "playing";
        this.updatePosition();
      }),
      e.on(PlayerEvent.STARTED, () => this.updatePosition()),
    );
  }

  private unregisterListeners(): void {
    for (const off of this.unsubscribers.splice(0)) off();
    const session = this.session;
    if (!session) return;
    for (const action of ACTIONS) safe(() => session.setActionHandler(action, null));
  }

  private onAction(details: MediaSessionActionDetails): void {
    const h = this.host;
    switch (details.action) {
      case "play":
        void h.play();
        return;
      case "pause":
        void h.pause();
        return;
      case "previoustrack":
        void h.previous();
        return;
      case "nexttrack":
        void h.next();
        return;
      case "seekto":
        if (details.seekTime !== undefined) h.seek(details.seekTime);
        break;
      case "seekbackward":
        h.seek(h.currentTime - (details.seekOffset ?? DEFAULT_SEEK_OFFSET_SEC));
        break;
      case "seekforward":
        h.seek(h.currentTime + (details.seekOffset ?? DEFAULT_SEEK_OFFSET_SEC));
        break;
      default:
        return;
    }
    this.updatePosition();
  }

  /** The OS extrapolates position itself; we only resync on discontinuities. */
  updatePosition(): void {
    const session = this.session;
    if (!session || typeof session.setPositionState !== "function") return;
    const duration = this.host.duration;
    if (!Number.isFinite(duration) || duration <= 0) return;
    const position = Math.min(Math.max(0, this.host.currentTime), duration);
    safe(() => session.setPositionState({ duration, position, playbackRate: 1 }));
  }
}

function defaultSession(): MediaSession | null {
  return typeof navigator !== "undefined" && "mediaSession" in navigator ? navigator.mediaSession : null;
}

function toMetadata(track: Track): MediaMetadata | null {
  if (typeof MediaMetadata === "undefined") return null;
  return new MediaMetadata({
    title: track.title,
    artist: track.artists.map((a) => a.name).join(", "),
    album: track.album.title,
    artwork: track.album.coverUrl ? [{ src: track.album.coverUrl }] : [],
  });
}

function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    // Unsupported action or invalid state: media session is best-effort.
  }
}
