/**
 * Track-to-track transitions in a real Chromium, measured twice: on the elements' own clocks,
 * and on what the listener hears (both elements recorded through an AudioContext). Gapless,
 * crossfade (both tracks audible at once, one fading out as the other fades in) and the short
 * pause of gapless off.
 */
import { afterEach, describe, expect, it } from "vitest";

import { cleanUp, makePlayer, mediaTrack, nextEvent, track } from "./browser-testing/harness";
import {
  bothTonesMs,
  longestSilenceMs,
  recordOutput,
  routeToRecorder,
  toneLevels,
} from "./browser-testing/output-recorder";
import { playedFrom, playedUntil, sampleElements } from "./browser-testing/timeline";
import { TRACK_GAP_MS } from "./controllers/transition-controller";
import { PlayerEvent } from "./events";
import type { PlayerOptions } from "./player-options";

afterEach(cleanUp);

/** Plays the last `tailSec` of track a into track b, sampling the clocks and recording the output. */
async function transition(options: Partial<PlayerOptions>, tailSec: number) {
  const { player, elements } = makePlayer({ settleMs: 200, ...options });
  await routeToRecorder(elements);
  await player.playTracks([track("a"), track("b")]);
  await nextEvent(player, PlayerEvent.PRELOADED, (p) => p.trackId === "b");
  const outgoingElement = player.mediaElement;
  const incomingElement = elements.find((el) => el !== outgoingElement);
  if (!incomingElement) throw new Error("no standby element");
  const end = player.duration;
  player.seek(end - tailSec);
  const durationMs = tailSec * 1000 + 1000;
  const [[outgoing = [], incoming = []], output] = await Promise.all([
    sampleElements([outgoingElement, incomingElement], durationMs),
    recordOutput(durationMs),
  ]);
  expect(player.currentTrack?.id).toBe("b");
  // The outgoing element is reused once released: keep its samples of track a only.
  const reset = outgoing.findIndex((s, i) => i > 0 && s.time < (outgoing[i - 1]?.time ?? 0));
  const outgoingA = reset === -1 ? outgoing : outgoing.slice(0, reset);
  const endedAt = playedUntil(outgoingA, end);
  const startedAt = playedFrom(incoming);
  if (endedAt === null || startedAt === null) throw new Error("no transition seen");
  const bothPlaying = incoming.filter((s, i) => !s.paused && !outgoingA[i]?.paused && i < outgoingA.length);
  return { clockGapMs: startedAt - endedAt, outgoing: outgoingA, incoming, bothPlaying, output };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

describe("transitions in Chromium", () => {
  it("gapless: track b's first sample follows track a's last one, without silence or overlap", async () => {
    const rounds: { silence: number; overlap: number; clock: number }[] = [];
    for (let round = 0; round < 3; round++) {
      const t = await transition({}, 1.2);
      const overlap = bothTonesMs(t.output, mediaTrack("a").frequency, mediaTrack("b").frequency);
      rounds.push({ silence: longestSilenceMs(t.output), overlap, clock: t.clockGapMs });
      await cleanUp();
    }
    // The element clocks run ahead of what the AudioContext has played by its buffer, more for the
    // outgoing element (a full buffer) than the incoming one: they show an overlap nobody hears.
    console.log(
      `gapless a -> b, heard: silence ${rounds.map((r) => fmt(r.silence)).join(", ")}; ` +
        `both tones ${rounds.map((r) => fmt(r.overlap)).join(", ")}; ` +
        `element clocks: gap ${rounds.map((r) => fmt(r.clock)).join(", ")}`,
    );
    for (const { silence, overlap } of rounds) {
      expect(silence).toBeLessThan(50);
      expect(overlap).toBeLessThan(10);
    }
  });

  it("gapless off: a short pause between tracks", async () => {
    const t = await transition({ gapless: false }, 1);
    const silence = longestSilenceMs(t.output);
    console.log(`gapless off a -> b: audible silence ${fmt(silence)}, clock gap ${fmt(t.clockGapMs)}`);
    expect(silence).toBeGreaterThan(TRACK_GAP_MS - 50);
    expect(silence).toBeLessThan(TRACK_GAP_MS + 300);
  });

  it("crossfade: both tracks sound at once for the crossfade, one fading out as the other fades in", async () => {
    const t = await transition({ crossfadeSec: 2 }, 3);
    const windowMs = 50;
    const a = toneLevels(t.output, mediaTrack("a").frequency, windowMs);
    const b = toneLevels(t.output, mediaTrack("b").frequency, windowMs);
    const full = Math.max(...a);
    const together = a.filter((level, i) => level > full * 0.1 && (b[i] ?? 0) > full * 0.1).length * windowMs;
    const clockOverlap = (t.bothPlaying.at(-1)?.at ?? 0) - (t.bothPlaying[0]?.at ?? 0);
    console.log(
      `crossfade 2 s: both audible for ${together} ms, both elements playing for ${fmt(clockOverlap)}`,
    );
    expect(clockOverlap).toBeGreaterThan(1800);
    expect(clockOverlap).toBeLessThan(2300);
    // Equal-power fades: each tone is above a tenth of full level for most of the two seconds.
    expect(together).toBeGreaterThan(1500);
    expect(together).toBeLessThan(2300);
    // Through the fade, track a's level falls and track b's rises.
    const fading = a
      .map((level, i) => [level, b[i] ?? 0] as const)
      .filter(([x, y]) => x > full * 0.1 && y > full * 0.1);
    const [startA = 0, startB = 0] = fading[0] ?? [];
    const [endA = 0, endB = 0] = fading.at(-1) ?? [];
    expect(endA).toBeLessThan(startA);
    expect(endB).toBeGreaterThan(startB);
  });

  it("pausing during a crossfade stops the outgoing track and leaves the incoming one at full volume", async () => {
    const { player, elements } = makePlayer({ settleMs: 200, crossfadeSec: 3 });
    await player.playTracks([track("a"), track("b")]);
    await nextEvent(player, PlayerEvent.PRELOADED, (p) => p.trackId === "b");
    player.seek(player.duration - 2.5);
    await nextEvent(player, PlayerEvent.TRACK_CHANGED, (p) => p.item?.track.id === "b");
    await nextEvent(player, PlayerEvent.TIME_UPDATE, (p) => p.currentTime > 0.5);
    expect(elements.filter((el) => !el.paused)).toHaveLength(2);
    player.pause();
    expect(elements.every((el) => el.paused)).toBe(true);
    await player.play();
    await nextEvent(player, PlayerEvent.TIME_UPDATE);
    expect(player.mediaElement.volume).toBeCloseTo(player.volume * 10 ** (player.gainDb / 20), 5);
    expect(elements.filter((el) => !el.paused)).toEqual([player.mediaElement]);
  });
});
