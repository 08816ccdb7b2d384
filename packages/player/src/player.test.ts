/**
 * Player wiring tests with a fake <audio> element and a fake hls.js. Real
 * browser behaviour (MSE, decoding, timing) is covered by Playwright e2e.
 */
import { Events } from "hls.js";
import type Hls from "hls.js";
import type { HlsConfig } from "hls.js";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PlayerErrorData } from "./error-policy";
import { PlayerEvent } from "./events";
import type { HlsConstructor } from "./hls-types";
import { Player, type PlayerOptions } from "./player";
import type { Scheduler, TelemetryEvent } from "./telemetry";
import type { Track } from "./types";

class FakeAudio extends EventTarget {
  preload = "";
  paused = true;
  ended = false;
  seeking = false;
  currentTime = 0;
  duration = Number.NaN;
  volume = 1;
  error: MediaError | null = null;
  src = "";
  buffered = { length: 0, start: () => 0, end: () => 0 };
  playCalls = 0;
  play(): Promise<void> {
    this.playCalls++;
    this.paused = false;
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  load(): void {}
  hasAttribute(): boolean {
    return this.src !== "";
  }
  removeAttribute(): void {
    this.src = "";
  }
  canPlayType(): string {
    return "";
  }
  fire(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

type Handler = (event: string, data: unknown) => void;

class FakeHls {
  static instances: FakeHls[] = [];
  static isSupported(): boolean {
    return true;
  }
  static readonly Events = Events;
  static readonly ErrorTypes = {} as HlsConstructor["ErrorTypes"];

  handlers = new Map<string, Handler[]>();
  media: FakeAudio | null = null;
  url: string | null = null;
  startLoadAt: number | null = null;
  destroyed = false;
  recoverCalls = 0;
  swapCalls = 0;
  levels: { bitrate: number }[] = [];
  currentLevel = -1;
  startLevel = -1;
  bandwidthEstimate = Number.NaN;
  config: Partial<HlsConfig>;

  constructor(config: Partial<HlsConfig> = {}) {
    this.config = { ...config };
    FakeHls.instances.push(this);
  }
  on(event: string, handler: Handler): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }
  off(): void {}
  attachMedia(media: FakeAudio): void {
    this.media = media;
    media.src = "blob:mse";
  }
  loadSource(url: string): void {
    this.url = url;
  }
  startLoad(at = -1): void {
    this.startLoadAt = at;
  }
  stopLoad(): void {}
  destroy(): void {
    this.destroyed = true;
    this.handlers.clear();
  }
  recoverMediaError(): void {
    this.recoverCalls++;
  }
  swapAudioCodec(): void {
    this.swapCalls++;
  }
  trigger(event: string, data: unknown): void {
    for (const h of this.handlers.get(event) ?? []) h(event, data);
  }
  manifestParsed(bitrates = [64_000, 128_000, 256_000]): void {
    this.levels = bitrates.map((bitrate) => ({ bitrate }));
    this.trigger(Events.MANIFEST_PARSED, {
      levels: bitrates.map((bitrate) => ({ bitrate, audioCodec: "mp4a.40.2" })),
    });
  }
  fragBuffered(): void {
    this.trigger(Events.FRAG_BUFFERED, {});
  }
  fatal(type: string, details: string, code?: number): void {
    this.trigger(Events.ERROR, {
      type,
      details,
      fatal: true,
      error: new Error(details),
      response: code ? { code, text: "" } : undefined,
    });
  }
}

class FakeScheduler implements Scheduler {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private t = 0;
  private id = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    this.timers.push({ at: this.t + ms, fn, id: ++this.id });
    return this.id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((t) => t.at <= this.t);
    this.timers = this.timers.filter((t) => t.at > this.t);
    for (const t of due) t.fn();
  }
}

function track(id: string, extra: Partial<Track> = {}): Track {
  return {
    id,
    title: `Title ${id}`,
    artists: [{ id: "ar1", name: "Artist" }],
    album: { id: "al1", title: "Album", coverUrl: "/cover.jpg" },
    durationMs: 200_000,
    ...extra,
  };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

let elements: FakeAudio[];
let scheduler: FakeScheduler;
let clock: number;
let sent: TelemetryEvent[];
let resolveSource: ReturnType<typeof vi.fn<(id: string) => Promise<{ url: string; expiresAt?: number }>>>;

function makePlayer(extra: Partial<PlayerOptions> = {}): Player {
  return new Player({
    resolveSource,
    createAudioElement: () => {
      const el = new FakeAudio();
      elements.push(el);
      return el as unknown as HTMLAudioElement;
    },
    Hls: FakeHls as unknown as HlsConstructor,
    mediaSession: false,
    scheduler,
    now: () => clock,
    telemetry: { send: (events) => void sent.push(...events), maxEvents: 1 },
    ...extra,
  });
}

const lastHls = (): FakeHls => {
  const h = FakeHls.instances.at(-1);
  if (!h) throw new Error("no hls instance");
  return h;
};

beforeEach(() => {
  FakeHls.instances = [];
  elements = [];
  scheduler = new FakeScheduler();
  clock = 0;
  sent = [];
  resolveSource = vi.fn((id: string) => Promise.resolve({ url: `https://media/${id}/master.m3u8` }));
});

describe("Player", () => {
  it("cold start: resolves, loads, plays and reports startup latency", async () => {
    const player = makePlayer();
    const started = vi.fn();
    const statuses: string[] = [];
    player.on(PlayerEvent.STARTED, started);
    player.on(PlayerEvent.STATE_CHANGED, ({ status }) => statuses.push(status));
    const done = player.playTracks([track("a"), track("b")], 0);
    await done;
    const hls = lastHls();
    expect(resolveSource).toHaveBeenCalledWith("a");
    expect(hls.url).toBe("https://media/a/master.m3u8");
    expect(hls.config).toMatchObject({ autoStartLoad: false, testBandwidth: false, startFragPrefetch: true });
    hls.manifestParsed();
    expect(hls.startLevel).toBe(0); // lowest without an estimate
    expect(hls.startLoadAt).toBe(-1);
    const el = hls.media;
    expect(el?.playCalls).toBe(1);
    clock = 42;
    el?.fire("playing");
    expect(started).toHaveBeenCalledWith({ trackId: "a", startupMs: 42, preloaded: false });
    expect(statuses).toEqual(["loading", "playing"]);
    expect(sent.map((e) => e.type)).toEqual(["start"]);
    expect(sent[0]).toMatchObject({ trackId: "a", startupMs: 42, preloaded: false });
    player.destroy();
  });

  it("a throwing listener becomes an ERROR event, playback continues", async () => {
    const player = makePlayer();
    const errors: PlayerErrorData[] = [];
    player.on(PlayerEvent.ERROR, (e) => errors.push(e));
    player.on(PlayerEvent.TRACK_CHANGED, () => {
      throw new Error("ui bug");
    });
    await player.playTracks([track("a")]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: "listener", fatal: false, message: "ui bug" });
    expect(lastHls().url).toContain("/a/");
    player.destroy();
  });

  it("starts a cold track with a small buffer and raises it once playback settles", async () => {
    const player = makePlayer({ preloadNext: false });
    await player.playTracks([track("a")]);
    const hls = lastHls();
    hls.manifestParsed();
    expect(hls.config.maxBufferLength).toBe(6);
    hls.media?.fire("playing");
    scheduler.advance(3000);
    expect(hls.config.maxBufferLength).toBe(30);
  });

  it("preloads the next track after start settles and swaps to it on ended", async () => {
    const player = makePlayer();
    const preloaded = vi.fn();
    const started = vi.fn();
    player.on(PlayerEvent.PRELOADED, preloaded);
    player.on(PlayerEvent.STARTED, started);
    await player.playTracks([track("a"), track("b")]);
    const first = lastHls();
    first.manifestParsed();
    const elA = first.media;
    elA?.fire("playing");
    scheduler.advance(3000);
    await flush();
    const second = lastHls();
    expect(second).not.toBe(first);
    expect(second.url).toContain("/b/");
    expect(second.media).not.toBe(elA);
    expect(second.config.maxBufferLength).toBeLessThan(first.config.maxBufferLength ?? 0);
    second.manifestParsed();
    second.fragBuffered();
    expect(preloaded).toHaveBeenCalledWith({ trackId: "b" });
    const elB = second.media;
    expect(elB?.paused).toBe(true);

    if (elA) elA.ended = true;
    elA?.fire("ended");
    await flush();
    expect(FakeHls.instances).toHaveLength(2); // no cold load for b
    expect(first.destroyed).toBe(true);
    expect(elB?.playCalls).toBe(1);
    expect(player.mediaElement).toBe(elB);
    expect(second.config.maxBufferLength).toBe(30);
    clock = 5;
    elB?.fire("playing");
    expect(started).toHaveBeenLastCalledWith({
      trackId: "b",
      startupMs: expect.any(Number) as number,
      preloaded: true,
    });
    expect(player.currentTrack?.id).toBe("b");
    expect(sent.map((e) => e.type)).toEqual(["start", "complete", "start"]);
    player.destroy();
  });

  it("explicit preload(trackId) is reused by a later play of that track", async () => {
    const player = makePlayer();
    await player.preload("x");
    const warm = lastHls();
    warm.manifestParsed();
    warm.fragBuffered();
    await player.playTracks([track("x")]);
    expect(FakeHls.instances).toHaveLength(1);
    expect(resolveSource).toHaveBeenCalledTimes(1);
    expect(warm.media?.playCalls).toBe(1);
    player.destroy();
  });

  it("previous restarts after 3 s, otherwise goes back", async () => {
    const player = makePlayer();
    await player.playTracks([track("a"), track("b")], 1);
    const el = lastHls().media;
    if (el) {
      el.duration = 200;
      el.currentTime = 10;
    }
    await player.previous();
    expect(el?.currentTime).toBe(0);
    expect(player.currentTrack?.id).toBe("b");
    await player.previous();
    expect(player.currentTrack?.id).toBe("a");
    player.destroy();
  });

  it("applies loudness normalisation through element volume", async () => {
    const player = makePlayer({ volume: 0.5 });
    await player.playTracks([track("loud", { loudnessLufs: -8, truePeakDb: 0 })]);
    const el = lastHls().media;
    expect(player.gainDb).toBeCloseTo(-6);
    expect(el?.volume).toBeCloseTo(0.5 * 10 ** (-6 / 20));
    player.setNormalization("off");
    expect(el?.volume).toBe(0.5);
    player.setMuted(true);
    expect(el?.volume).toBe(0);
    player.destroy();
  });

  it("retries a fatal network error with backoff, at the current position", async () => {
    const player = makePlayer();
    const errors: PlayerErrorData[] = [];
    player.on(PlayerEvent.ERROR, (e) => errors.push(e));
    await player.playTracks([track("a"), track("b")]);
    const hls = lastHls();
    hls.manifestParsed();
    if (hls.media) hls.media.currentTime = 42;
    hls.fatal("networkError", "fragLoadError");
    expect(errors[0]).toMatchObject({ type: "network", fatal: true, action: "retry" });
    scheduler.advance(499);
    expect(FakeHls.instances).toHaveLength(1);
    scheduler.advance(1);
    await flush();
    const again = lastHls();
    expect(again).not.toBe(hls);
    expect(again.url).toContain("/a/");
    again.manifestParsed();
    expect(again.startLoadAt).toBe(42);
    player.destroy();
  });

  it("re-resolves the signed URL on 403", async () => {
    const player = makePlayer();
    await player.playTracks([track("a")]);
    lastHls().fatal("networkError", "keyLoadError", 403);
    await flush();
    expect(resolveSource).toHaveBeenCalledTimes(2);
    player.destroy();
  });

  it("recovers media errors through hls.recoverMediaError", async () => {
    const player = makePlayer();
    await player.playTracks([track("a")]);
    const hls = lastHls();
    hls.fatal("mediaError", "bufferAppendError");
    hls.fatal("mediaError", "bufferAppendError");
    expect(hls.recoverCalls).toBe(2);
    expect(hls.swapCalls).toBe(1);
    player.destroy();
  });

  it("skips to the next track when resolveSource keeps failing, and stops at the end", async () => {
    resolveSource.mockImplementation((id: string) =>
      id === "bad" ? Promise.reject(new Error("404")) : Promise.resolve({ url: `u/${id}` }),
    );
    const player = makePlayer();
    await player.playTracks([track("bad"), track("ok")]);
    await flush();
    for (let i = 0; i < 3; i++) {
      scheduler.advance(10_000);
      await flush();
    }
    expect(player.currentTrack?.id).toBe("ok");
    expect(lastHls().url).toBe("u/ok");
    player.destroy();
  });

  it("queue ends with repeat off; repeat one replays the same element", async () => {
    const player = makePlayer({ preloadNext: false });
    const ended = vi.fn();
    player.on(PlayerEvent.QUEUE_ENDED, ended);
    await player.playTracks([track("a")]);
    const el = lastHls().media;
    el?.fire("playing");
    player.setRepeat("one");
    if (el) el.currentTime = 199;
    el?.fire("ended");
    expect(el?.currentTime).toBe(0);
    expect(el?.playCalls).toBe(2);
    player.setRepeat("off");
    el?.fire("playing");
    el?.fire("ended");
    expect(ended).toHaveBeenCalledTimes(1);
    expect(player.status).toBe("ended");
    player.destroy();
  });

  it("emits queue changes and level switches", async () => {
    const player = makePlayer();
    const queues: number[] = [];
    const switches: unknown[] = [];
    player.on(PlayerEvent.QUEUE_CHANGED, (q) => queues.push(q.items.length));
    player.on(PlayerEvent.LEVEL_SWITCHED, (s) => switches.push(s));
    await player.playTracks([track("a")]);
    player.addToQueue([track("b")]);
    player.playNext([track("c")]);
    expect(queues).toEqual([1, 2, 3]);
    expect(player.queue.items.map((i) => i.track.id)).toEqual(["a", "c", "b"]);
    const hls = lastHls();
    hls.manifestParsed();
    hls.trigger(Events.LEVEL_SWITCHED, { level: 2 });
    expect(switches).toEqual([
      { trackId: "a", level: { index: 2, bitrateKbps: 256, codec: "mp4a.40.2" }, previous: null },
    ]);
    expect(sent.at(-1)).toMatchObject({ type: "bitrate_switch", fromKbps: null, toKbps: 256 });
    player.destroy();
  });

  it("destroy tears everything down", async () => {
    const player = makePlayer();
    await player.playTracks([track("a")]);
    const hls = lastHls();
    const destroying = vi.fn();
    player.on(PlayerEvent.DESTROYING, destroying);
    player.destroy();
    expect(destroying).toHaveBeenCalled();
    expect(hls.destroyed).toBe(true);
    const listener = vi.fn();
    player.on(PlayerEvent.STATE_CHANGED, listener);
    elements[0]?.fire("playing");
    expect(listener).not.toHaveBeenCalled();
  });
});

// Compile-time check: the real hls.js class satisfies the injected interface.
const _check: HlsConstructor = null as unknown as typeof Hls;
void _check;
