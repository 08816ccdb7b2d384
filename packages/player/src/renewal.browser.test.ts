/**
 * Signed stream URLs expire (the origin grants minutes): a track keeps playing across expiry and
 * refusal, for real, against the media server's expiring grants.
 */
import { afterEach, describe, expect, it } from "vitest";

import {
  cleanUp,
  grant,
  makePlayer,
  nextEvent,
  playedPast,
  requests,
  revokeGrants,
  track,
} from "./browser-testing/harness";
import type { PlayerErrorData } from "./error-policy";
import { PlayerEvent } from "./events";
import type { Player } from "./player";

afterEach(cleanUp);

/** What a listener would notice: errors, stalls, the element being reloaded. */
function watch(player: Player) {
  const noticed: string[] = [];
  const element = player.mediaElement;
  player.on(PlayerEvent.ERROR, (e: PlayerErrorData) => noticed.push(`error ${e.details}`));
  player.on(PlayerEvent.STALLED, () => noticed.push("stall"));
  for (const type of ["waiting", "emptied"]) element.addEventListener(type, () => noticed.push(type));
  return { noticed, element };
}

describe("grant renewal in Chromium", () => {
  it("renews a grant before it expires, so no request is refused", async () => {
    const { player, resolved } = makePlayer({
      preloadNext: false,
      settleMs: 300,
      resolveSource: (id) => {
        resolved.push(id);
        return grant(id, 3000);
      },
    });
    await player.playTracks([track("long")]);
    await playedPast(player, 0.3);
    const { noticed, element } = watch(player);
    // Past the grant's lifetime, then into a part of the track not buffered yet.
    await playedPast(player, 3.5);
    const sought = nextEvent(player, PlayerEvent.TIME_UPDATE, (t) => t.currentTime > 36);
    player.seek(36);
    await sought;
    await playedPast(player, 37);
    expect(resolved.length).toBeGreaterThanOrEqual(2);
    expect((await requests()).filter((r) => r.status !== 200)).toEqual([]);
    expect(noticed.filter((n) => n !== "waiting")).toEqual([]);
    expect(player.mediaElement).toBe(element);
  });

  it("a refused grant mid-track is renewed and playback goes on unnoticed", async () => {
    const { player, resolved } = makePlayer({ preloadNext: false, settleMs: 300 });
    await player.playTracks([track("long")]);
    await playedPast(player, 1);
    const { noticed, element } = watch(player);
    const segmentsBefore = (await requests()).filter((r) => r.path.includes("/seg-")).length;
    await revokeGrants();
    // The steady buffer keeps fetching segments while it plays on.
    await playedPast(player, 6);
    const log = await requests();
    const refused = log.filter((r) => r.status === 403);
    expect(refused.length).toBeGreaterThan(0);
    const after = log.filter((r) => r.path.includes("/seg-") && r.at > (refused[0]?.at ?? 0));
    expect(after.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(log.filter((r) => r.path.includes("/seg-")).length).toBeGreaterThan(segmentsBefore);
    expect(resolved).toEqual(["long", "long"]);
    expect(noticed).toEqual([]);
    expect(player.mediaElement).toBe(element);
  });

  it("a refused grant found by a seek resumes at the sought position", async () => {
    const { player, resolved } = makePlayer({ preloadNext: false });
    await player.playTracks([track("long")]);
    await playedPast(player, 0.5);
    const { noticed, element } = watch(player);
    await revokeGrants();
    player.seek(30);
    await playedPast(player, 30.5);
    expect(player.currentTime).toBeLessThan(33);
    expect(resolved).toEqual(["long", "long"]);
    expect(noticed.filter((n) => n !== "waiting")).toEqual([]);
    expect(player.mediaElement).toBe(element);
  });
});
