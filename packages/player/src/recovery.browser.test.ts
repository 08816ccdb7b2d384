/**
 * Failure and recovery in a real Chromium: the media server fails requests or corrupts segments on
 * demand, and grants expire for real.
 */
import { afterEach, describe, expect, it } from "vitest";

import {
  cleanUp,
  failNext,
  grant,
  makePlayer,
  nextEvent,
  playedPast,
  resetServer,
  track,
} from "./browser-testing/harness";
import type { PlayerErrorData } from "./error-policy";
import { PlayerEvent } from "./events";

afterEach(cleanUp);

describe("recovery in Chromium", () => {
  it("retries a failing network with backoff and resumes at the same position", async () => {
    const { player } = makePlayer({ preloadNext: false });
    await player.playTracks([track("long")]);
    await playedPast(player, 0.3);
    await failNext({ match: "/media/long/", status: 500, times: 1000 });
    const fatal = nextEvent(player, PlayerEvent.ERROR, (e) => e.fatal);
    player.seek(25);
    expect(await fatal).toMatchObject({ type: "network", action: "retry" });
    await resetServer();
    await playedPast(player, 25.5, 20_000);
    expect(player.currentTrack?.id).toBe("long");
    expect(player.currentTime).toBeLessThan(30);
  });

  it("recovers a decode error through hls.js and plays on from where it was", async () => {
    const { player } = makePlayer({ preloadNext: false });
    const errors: PlayerErrorData[] = [];
    player.on(PlayerEvent.ERROR, (e) => errors.push(e));
    await failNext({ match: "/media/long/128k/seg-00002", status: 200, times: 1, corrupt: true });
    await failNext({ match: "/media/long/64k/seg-00002", status: 200, times: 1, corrupt: true });
    await failNext({ match: "/media/long/256k/seg-00002", status: 200, times: 1, corrupt: true });
    await player.playTracks([track("long")]);
    await playedPast(player, 8, 20_000);
    expect(errors.filter((e) => e.fatal)).toEqual([
      expect.objectContaining({ type: "media", details: "mediaError3", action: "recoverMedia" }),
    ]);
    expect(player.currentTrack?.id).toBe("long");
  });

  it("skips a track whose segments never decode", async () => {
    const { player } = makePlayer({ preloadNext: false });
    await failNext({ match: "/media/long/", status: 200, times: 1000, corrupt: true });
    await player.playTracks([track("long"), track("a")]);
    await nextEvent(player, PlayerEvent.TRACK_CHANGED, (p) => p.item?.track.id === "a", 30_000);
    await playedPast(player, 0.5);
  });

  it("skips a track whose source cannot be resolved", async () => {
    const { player } = makePlayer({
      preloadNext: false,
      recoveryPolicy: { baseRetryDelayMs: 20 },
      resolveSource: (id) => grant(id),
    });
    await player.playTracks([track("missing"), track("a")]);
    await nextEvent(player, PlayerEvent.TRACK_CHANGED, (p) => p.item?.track.id === "a");
    await playedPast(player, 0.3);
  });
});
