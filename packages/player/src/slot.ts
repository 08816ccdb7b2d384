/**
 * A MediaSlot is one <audio> element plus (at most) one hls.js instance. The player owns two:
 * the active one and a standby one that preloads the next track; they swap roles at track
 * transitions (and both play during a crossfade).
 */
// Types only: hls.js itself is loaded lazily by the player (it needs a browser).
import type { ErrorData, Events, HlsConfig, LevelSwitchedData, ManifestParsedData } from "hls.js";

import { chooseStartLevel, STEADY_BUFFER_SEC } from "./abr";
import type { PlayerErrorData, PlayerErrorType } from "./error-policy";
import { withGrantRenewal } from "./grant";
import type { StreamGrant } from "./grant";
import type { HlsConstructor, HlsInstance } from "./hls-types";
import type { NormalizationInput } from "./normalization";
import type { LevelInfo } from "./types";

export const SLOT_ELEMENT_EVENTS = [
  "playing",
  "pause",
  "waiting",
  "timeupdate",
  "ended",
  "seeking",
  "durationchange",
  "canplay",
  "error",
] as const;

export type SlotElementEvent = (typeof SLOT_ELEMENT_EVENTS)[number];

export interface SlotHost {
  onElementEvent(slot: MediaSlot, type: SlotElementEvent): void;
  onError(slot: MediaSlot, error: PlayerErrorData): void;
  onLevelsLoaded(slot: MediaSlot): void;
  onLevelSwitched(slot: MediaSlot, previous: LevelInfo | null): void;
  /** First media data buffered: the slot can start playing instantly. */
  onReady(slot: MediaSlot): void;
}

export interface SlotLoadOptions {
  Hls: HlsConstructor;
  config: Partial<HlsConfig>;
  /** Bandwidth estimate (bits/s) used to choose the start level. */
  estimateBps: number | null;
  startPositionSec?: number;
}

const HLS_MIME = "application/vnd.apple.mpegurl";

type HlsListener = [event: Events, listener: (event: Events, data: never) => void];

export class MediaSlot {
  hls: HlsInstance | null = null;
  /** Track this slot holds (loaded or loading). */
  trackId: string | null = null;
  /** The signed source loaded, renewed while it plays. */
  grant: StreamGrant | null = null;
  ready = false;
  levels: LevelInfo[] = [];
  level: LevelInfo | null = null;
  /** Loudness of the held track, for normalisation (set by the volume controller). */
  loudness: NormalizationInput | null = null;
  /** Crossfade factor, 0..1, applied on top of the volume. */
  fade = 1;
  /** Bumped on every (re)load so late callbacks from old hls instances are ignored. */
  private generation = 0;
  private gainNode: GainNode | null = null;
  private readonly elementListeners = new Map<SlotElementEvent, () => void>();
  private hlsListeners: HlsListener[] = [];

  constructor(
    readonly element: HTMLAudioElement,
    private readonly host: SlotHost,
    private readonly audioContext: AudioContext | null,
  ) {
    element.preload = "auto";
    this.registerListeners();
  }

  /**
   * Creates the hls instance and attaches the element *before* the source is known, so
   * MediaSource setup overlaps with the app's resolveSource call.
   */
  prepare(trackId: string, options: SlotLoadOptions): void {
    this.reset();
    this.trackId = trackId;
    const { Hls } = options;
    if (!Hls.isSupported()) return; // native HLS path, see load()
    // startPosition also in the config so any startLoad hls.js issues itself agrees.
    const config = { ...options.config, startPosition: options.startPositionSec ?? -1 };
    const hls = new Hls(withGrantRenewal(config, Hls.DefaultConfig, () => this.grant));
    this.hls = hls;
    this.registerHlsListeners(hls, options);
    hls.attachMedia(this.element);
  }

  load(grant: StreamGrant, startPositionSec?: number): void {
    this.grant = grant;
    if (this.hls) {
      this.hls.loadSource(grant.loaded.url);
      return;
    }
    if (this.element.canPlayType(HLS_MIME)) {
      // Safari without MSE: the browser plays HLS (and AES-128) natively.
      this.element.src = grant.loaded.url;
      if (startPositionSec) this.element.currentTime = startPositionSec;
      return;
    }
    this.host.onError(this, {
      type: "media",
      details: "hlsUnsupported",
      fatal: true,
      trackId: this.trackId ?? undefined,
      message: "This browser supports neither MediaSource nor native HLS",
    });
  }

  /** Once this slot is the audible one: buffer normally instead of minimally. */
  settle(): void {
    if (this.hls) this.hls.config.maxBufferLength = STEADY_BUFFER_SEC;
  }

  get isNative(): boolean {
    return this.hls === null && this.grant !== null;
  }

  get bandwidthEstimate(): number | null {
    const bw = this.hls?.bandwidthEstimate;
    return bw !== undefined && Number.isFinite(bw) && bw > 0 ? bw : null;
  }

  /** Element duration once known, NaN before. */
  get duration(): number {
    const d = this.element.duration;
    return Number.isFinite(d) && d > 0 ? d : Number.NaN;
  }

  get bufferedEnd(): number {
    const { buffered, currentTime } = this.element;
    for (let i = 0; i < buffered.length; i++) {
      if (buffered.start(i) <= currentTime + 0.1 && currentTime <= buffered.end(i)) {
        return buffered.end(i);
      }
    }
    return currentTime;
  }

  /** Sets output levels; the GainNode is created lazily the first time. */
  setOutput(elementVolume: number, nodeGain: number): void {
    this.element.volume = elementVolume;
    if (!this.audioContext) return;
    if (!this.gainNode) {
      // An element can be wired into WebAudio only once, hence per-slot nodes.
      const ctx = this.audioContext;
      const gain = ctx.createGain();
      ctx.createMediaElementSource(this.element).connect(gain).connect(ctx.destination);
      this.gainNode = gain;
    }
    this.gainNode.gain.value = nodeGain;
  }

  /** Unloads the track, keeping the element for reuse. */
  reset(): void {
    this.generation++;
    if (this.hls) {
      this.unregisterHlsListeners(this.hls);
      this.hls.destroy();
    }
    this.hls = null;
    this.trackId = null;
    this.grant = null;
    this.ready = false;
    this.levels = [];
    this.level = null;
    this.loudness = null;
    this.fade = 1;
    const el = this.element;
    el.pause();
    if (el.hasAttribute("src")) {
      el.removeAttribute("src");
      el.load();
    }
  }

  destroy(): void {
    this.reset();
    this.unregisterListeners();
    this.gainNode?.disconnect();
    this.gainNode = null;
  }

  private registerHlsListeners(hls: HlsInstance, options: SlotLoadOptions): void {
    const gen = this.generation;
    const E = options.Hls.Events;
    const on = <K extends Events>(event: K, listener: (event: K, data: never) => void) => {
      const guarded = (e: K, data: never) => {
        if (gen === this.generation) listener(e, data);
      };
      hls.on(event, guarded as never);
      this.hlsListeners.push([event, guarded as HlsListener[1]]);
    };
    on(E.MANIFEST_PARSED, (_e, data: ManifestParsedData) => {
      this.levels = data.levels.map((level, index) => ({
        index,
        bitrateKbps: Math.round(level.bitrate / 1000),
        codec: level.audioCodec,
      }));
      // Levels are sorted by bitrate; pick the start from the carried-over estimate.
      const start = chooseStartLevel(
        data.levels.map((l) => l.bitrate),
        options.estimateBps,
      );
      if (start >= 0) hls.startLevel = start;
      hls.startLoad(options.startPositionSec ?? -1);
      this.host.onLevelsLoaded(this);
    });
    on(E.LEVEL_SWITCHED, (_e, data: LevelSwitchedData) => {
      const previous = this.level;
      const next = this.levels[data.level];
      if (!next || next === previous) return;
      this.level = next;
      this.host.onLevelSwitched(this, previous);
    });
    on(E.FRAG_BUFFERED, () => {
      if (this.ready) return;
      this.ready = true;
      this.host.onReady(this);
    });
    on(E.ERROR, (_e, data: ErrorData) => {
      this.host.onError(this, toPlayerError(data, this.trackId));
    });
  }

  private unregisterHlsListeners(hls: HlsInstance): void {
    for (const [event, listener] of this.hlsListeners) hls.off(event, listener as never);
    this.hlsListeners = [];
  }

  private registerListeners(): void {
    for (const type of SLOT_ELEMENT_EVENTS) {
      const listener = (): void => {
        if (type === "canplay" && this.isNative && !this.ready) {
          this.ready = true;
          this.host.onReady(this);
        }
        if (type === "error") {
          // A decode error under MSE reaches hls.js only as a stall, so the element reports it.
          if (this.trackId && this.element.error) {
            this.host.onError(this, mediaElementError(this.element, this.trackId));
          }
          return;
        }
        this.host.onElementEvent(this, type);
      };
      this.elementListeners.set(type, listener);
      this.element.addEventListener(type, listener);
    }
  }

  private unregisterListeners(): void {
    for (const [type, listener] of this.elementListeners) {
      this.element.removeEventListener(type, listener);
    }
    this.elementListeners.clear();
  }
}

const HLS_ERROR_TYPES: Record<string, PlayerErrorType> = {
  networkError: "network",
  mediaError: "media",
  keySystemError: "keySystem",
  muxError: "mux",
  otherError: "other",
};

export function toPlayerError(data: ErrorData, trackId: string | null): PlayerErrorData {
  return {
    type: HLS_ERROR_TYPES[data.type] ?? "other",
    details: data.details,
    fatal: data.fatal,
    trackId: trackId ?? undefined,
    message: data.error.message,
    httpStatus: data.response?.code || undefined,
    error: data.error,
  };
}

function mediaElementError(el: HTMLMediaElement, trackId: string | null): PlayerErrorData {
  const code = el.error?.code;
  return {
    type: code === 2 ? "network" : "media",
    details: `mediaError${code ?? ""}`,
    fatal: true,
    trackId: trackId ?? undefined,
    message: el.error?.message,
  };
}
