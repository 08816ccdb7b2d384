/**
 * The player in a real Chromium: real hls.js, MediaSource and <audio>, playing real encrypted HLS
 * ladders from the media server of test/player-media-server.ts (at the root).
 */
import Hls from "hls.js";
import type { HlsConfig } from "hls.js";
import { afterEach, describe, expect, it } from "vitest";

import {
  cleanUp,
  makePlayer,
  mediaTrack,
  nextEvent,
  playedPast,
  requests,
  sleep,
  track,
  waitFor,
} from "./browser-testing/harness";
import { PlayerEvent } from "./events";
import type { PlayerErrorData } from "./error-policy";

afterEach(cleanUp);

const masterRequests = async (trackId: string) =>
  (await requests()).filter((r) => r.path === `/media/${trackId}/master.m3u8`).length;

describe("Player in Chromium", () => {
  it("cold start: resolves the source once, plays audio and reports the start", async () => {
    const { player, sent, resolved } = makePlayer();
    const statuses: string[] = [];
    player.on(PlayerEvent.STATE_CHANGED, ({ status }) => statuses.push(status));
    const started = nextEvent(player, PlayerEvent.STARTED);
    await player.playTracks([track("a"), track("b")]);
    const start = await started;
    expect(start).toMatchObject({ trackId: "a", preloaded: false });
    expect(start.startupMs).toBeGreaterThan(0);
    await playedPast(player, 0.5);
    expect(resolved).toEqual(["a"]);
    expect(statuses.slice(0, 2)).toEqual(["loading", "playing"]);
    expect(player.duration).toBeCloseTo(mediaTrack("a").seconds, 1);
    expect(player.levels.map((l) => l.index)).toEqual([0, 1, 2]);
    expect(sent).toContainEqual(expect.objectContaining({ type: "start", trackId: "a", preloaded: false }));
  });

  it("a listener that throws becomes an ERROR event and playback goes on", async () => {
    const { player } = makePlayer();
    const errors: PlayerErrorData[] = [];
    player.on(PlayerEvent.ERROR, (e) => errors.push(e));
    player.on(PlayerEvent.TRACK_CHANGED, () => {
      throw new Error("ui bug");
    });
    await player.playTracks([track("a")]);
    await playedPast(player, 0.5);
    expect(errors).toEqual([expect.objectContaining({ type: "listener", fatal: false, message: "ui bug" })]);
  });

  it("starts on a small buffer and buffers normally once playback settles", async () => {
    const { player } = makePlayer({ preloadNext: false, settleMs: 1500 });
    await player.playTracks([track("long")]);
    await playedPast(player, 0.8);
    // Start buffer 6 s, rounded up to whole segments (about 4 s each).
    expect(player.bufferedEnd).toBeLessThan(12);
    await waitFor("a steady 30 s buffer", () => player.bufferedEnd > 30);
  });

  it("preloads the next track once settled and swaps to it at the end without a new load", async () => {
    const { player, sent, resolved } = makePlayer({ settleMs: 300 });
    await player.playTracks([track("a"), track("b")]);
    await nextEvent(player, PlayerEvent.PRELOADED, (p) => p.trackId === "b");
    const first = player.mediaElement;
    expect(await masterRequests("b")).toBe(1);
    player.seek(player.duration - 1);
    const start = await nextEvent(player, PlayerEvent.STARTED, (p) => p.trackId === "b");
    expect(start.preloaded).toBe(true);
    expect(player.currentTrack?.id).toBe("b");
    expect(player.mediaElement).not.toBe(first);
    await playedPast(player, 0.3);
    expect(await masterRequests("b")).toBe(1);
    expect(resolved).toEqual(["a", "b"]);
    expect(sent.map((e) => e.type)).toEqual(expect.arrayContaining(["start", "complete", "start"]));
    expect(sent.filter((e) => e.type === "complete").map((e) => e.trackId)).toEqual(["a"]);
  });

  it("reuses an explicit preload (a hovered row) for the next play of that track", async () => {
    const { player, resolved } = makePlayer();
    await player.preload("c");
    await nextEvent(player, PlayerEvent.PRELOADED, (p) => p.trackId === "c");
    const started = nextEvent(player, PlayerEvent.STARTED);
    await player.playTracks([track("c")]);
    expect(await started).toMatchObject({ trackId: "c", preloaded: true });
    expect(resolved).toEqual(["c"]);
    expect(await masterRequests("c")).toBe(1);
  });

  it("previous restarts the track after 3 s, otherwise goes back a track", async () => {
    const { player } = makePlayer({ preloadNext: false });
    await player.playTracks([track("a"), track("long")], 1);
    await playedPast(player, 0.2);
    player.seek(10);
    await playedPast(player, 10);
    await player.previous();
    expect(player.currentTrack?.id).toBe("long");
    expect(player.currentTime).toBeLessThan(3);
    await player.previous();
    expect(player.currentTrack?.id).toBe("a");
    await playedPast(player, 0.2);
  });

  it("normalises loudness through the element volume", async () => {
    const { player } = makePlayer({ volume: 0.5 });
    const loud = track("a");
    await player.playTracks([loud]);
    const expectedDb = Math.min(-14 - (loud.loudnessLufs ?? 0), -1 - (loud.truePeakDb ?? 0));
    expect(player.gainDb).toBeCloseTo(expectedDb, 5);
    expect(player.gainDb).toBeLessThan(0); // a 0.5 sine is louder than -14 LUFS
    expect(player.mediaElement.volume).toBeCloseTo(0.5 * 10 ** (expectedDb / 20), 5);
    player.setNormalization("off");
    expect(player.mediaElement.volume).toBe(0.5);
    player.setMuted(true);
    expect(player.mediaElement.volume).toBe(0);
  });

  it("the queue ends with repeat off; repeat one replays on the same element", async () => {
    const { player } = makePlayer({ preloadNext: false });
    await player.playTracks([track("c")]);
    await playedPast(player, 0.2);
    const element = player.mediaElement;
    player.setRepeat("one");
    const replayed = nextEvent(player, PlayerEvent.STARTED);
    player.seek(player.duration - 0.5);
    expect(await replayed).toMatchObject({ trackId: "c", preloaded: true });
    await waitFor("the replay", () => player.currentTime > 0 && player.currentTime < 2);
    expect(player.mediaElement).toBe(element);
    player.setRepeat("off");
    const ended = nextEvent(player, PlayerEvent.QUEUE_ENDED);
    player.seek(player.duration - 0.5);
    await ended;
    expect(player.status).toBe("ended");
  });

  it("publishes queue changes and real level switches", async () => {
    const { player, sent } = makePlayer({ preloadNext: false });
    const lengths: number[] = [];
    player.on(PlayerEvent.QUEUE_CHANGED, (q) => lengths.push(q.items.length));
    const switched = nextEvent(player, PlayerEvent.LEVEL_SWITCHED);
    await player.playTracks([track("a")]);
    player.addToQueue([track("b")]);
    player.playNext([track("c")]);
    expect(lengths).toEqual([1, 2, 3]);
    expect(player.queue.items.map((i) => i.track.id)).toEqual(["a", "c", "b"]);
    const first = await switched;
    expect(first).toEqual({
      trackId: "a",
      level: { index: 0, bitrateKbps: expect.any(Number) as number, codec: "mp4a.40.2" },
      previous: null,
    });
    await waitFor("a bitrate_switch event", () => sent.some((e) => e.type === "bitrate_switch"));
  });

  it("destroy stops loading and silences both elements", async () => {
    const { player, elements } = makePlayer({ settleMs: 200 });
    await player.playTracks([track("long"), track("b")]);
    await nextEvent(player, PlayerEvent.PRELOADED);
    const destroying = nextEvent(player, PlayerEvent.DESTROYING);
    player.destroy();
    await destroying;
    await sleep(300); // a response already on its way may still arrive
    const before = (await requests()).length;
    await sleep(1000);
    expect((await requests()).length).toBe(before);
    for (const el of elements) {
      expect(el.paused).toBe(true);
      expect(el.hasAttribute("src")).toBe(false);
    }
    let heard = false;
    player.on(PlayerEvent.STATE_CHANGED, () => (heard = true));
    elements[0]?.dispatchEvent(new Event("playing"));
    expect(heard).toBe(false);
  });

  it("removes every listener it adds to hls.js and to its elements", async () => {
    const watched = [
      Hls.Events.MANIFEST_PARSED,
      Hls.Events.LEVEL_SWITCHED,
      Hls.Events.FRAG_BUFFERED,
      Hls.Events.ERROR,
    ];
    const count = (hls: Hls) => watched.reduce((sum, event) => sum + hls.listeners(event).length, 0);
    const leaks: number[] = [];
    // Real hls.js, observed: what hls.js registers itself is there from construction to destroy.
    class ObservedHls extends Hls {
      private readonly own: number;
      constructor(config?: Partial<HlsConfig>) {
        super(config);
        this.own = count(this);
      }
      override destroy(): void {
        leaks.push(count(this) - this.own);
        super.destroy();
      }
    }
    // Listeners attached to the elements and not removed (a listener counts once per type).
    const attached = new Set<string>();
    const ids = new WeakMap<object, number>();
    let nextId = 0;
    const key = (type: string, listener: unknown) => {
      const fn = listener as object;
      if (!ids.has(fn)) ids.set(fn, nextId++);
      return `${type}:${ids.get(fn)}`;
    };
    const { player } = makePlayer({
      settleMs: 200,
      Hls: ObservedHls,
      createAudioElement: () => {
        const el = document.createElement("audio");
        const add = el.addEventListener.bind(el);
        const remove = el.removeEventListener.bind(el);
        el.addEventListener = (...args: Parameters<typeof add>) => {
          attached.add(key(args[0], args[1]));
          add(...args);
        };
        el.removeEventListener = (...args: Parameters<typeof remove>) => {
          attached.delete(key(args[0], args[1]));
          remove(...args);
        };
        return el;
      },
    });
    await player.playTracks([track("c"), track("b"), track("a")]);
    await nextEvent(player, PlayerEvent.PRELOADED);
    player.seek(player.duration - 0.5); // a preloaded hand-over
    await nextEvent(player, PlayerEvent.STARTED, (p) => p.trackId === "b");
    await player.next(); // a cold load
    await playedPast(player, 0.2);
    player.destroy();
    expect(leaks.length).toBeGreaterThanOrEqual(3);
    expect(leaks.every((n) => n === 0)).toBe(true);
    expect([...attached]).toEqual([]);
  });
});
