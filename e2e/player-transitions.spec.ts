/**
 * A listener lets a track run into the next: gapless by default (the gap measured on the
 * elements' clocks and in the recorded output), and with the crossfade they set in their
 * account settings both tracks play at once for that long, one fading out, the other in.
 */
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

import { playedFrom, playedUntil } from "@cadence/player/timeline";
import type { ElementSample } from "@cadence/player/timeline";
import { longestSilenceMs } from "@cadence/player/output-recorder";
import {
  listenerOnAnAlbum,
  player,
  preloaded,
  routeAudio,
  sampleTransition,
  signUpListener,
  test,
} from "./player-page";

async function playIntoSecondTrack(page: Page, album: string, tailSec: number) {
  await routeAudio(page);
  await page.getByRole("button", { name: `Play ${album}` }).click();
  await expect.poll(async () => (await player(page)).time, { timeout: 15_000 }).toBeGreaterThan(0.5);
  const { queue, duration, trackId } = await player(page);
  // The next track is buffered in the standby slot a few seconds after the first one starts.
  await expect.poll(async () => (await preloaded(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByRole("slider", { name: "Seek" }).fill(String(duration - tailSec));
  const sampled = await sampleTransition(page, tailSec * 1000 + 1500);
  const after = await player(page);
  expect(after.trackId).not.toBe(trackId);
  expect(after.queue).toEqual(queue);
  return { ...sampled, end: duration };
}

/** Keeps the outgoing element's samples of the first track (it is reused once released). */
function firstTrack(samples: ElementSample[]): ElementSample[] {
  const reset = samples.findIndex((s, i) => i > 0 && s.time < (samples[i - 1]?.time ?? 0));
  return reset === -1 ? samples : samples.slice(0, reset);
}

test("a track ends into the next with no gap", async ({ page }) => {
  const album = await listenerOnAnAlbum(page);
  expect((await player(page)).gapless).toBe(true);
  const { series, output, end } = await playIntoSecondTrack(page, album, 1.5);
  const [outgoing = [], incoming = []] = series;
  const endedAt = playedUntil(firstTrack(outgoing), end);
  const startedAt = playedFrom(incoming);
  expect(endedAt).not.toBeNull();
  expect(startedAt).not.toBeNull();
  const clockGapMs = (startedAt ?? 0) - (endedAt ?? 0);
  // The demo tracks fade out to digital silence: only samples below -80 dBFS count as a gap.
  const silenceMs = longestSilenceMs(output, 1e-4);
  console.log(
    `gapless transition: ${silenceMs.toFixed(1)} ms of silence heard; element clocks: next track ` +
      `started ${clockGapMs.toFixed(1)} ms after the first one ended`,
  );
  expect(silenceMs).toBeLessThan(50);
  expect(Math.abs(clockGapMs)).toBeLessThan(50);
});

test("the crossfade set in account settings overlaps the tracks for that long", async ({ page, baseURL }) => {
  // Settings of their own: a new listener, so the other tests keep the defaults.
  await page.context().clearCookies();
  await signUpListener(page, baseURL);
  const album = await listenerOnAnAlbum(page);
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await page.getByLabel("Crossfade (seconds)").fill("4");
  await page.getByRole("checkbox", { name: "Gapless playback" }).uncheck();
  await page.getByRole("button", { name: "Save playback settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect.poll(async () => (await player(page)).crossfade).toBe(4);
  expect((await player(page)).gapless).toBe(false);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(album);

  const { series, output } = await playIntoSecondTrack(page, album, 6);
  const [outgoing = [], incoming = []] = series.map(firstTrack);
  const both = incoming.filter((s, i) => {
    const other = outgoing[i];
    return other && !s.paused && !other.paused && s.time > 0;
  });
  const overlapMs = (both.at(-1)?.at ?? 0) - (both[0]?.at ?? 0);
  const mid = both[Math.floor(both.length / 2)];
  const outgoingMid = outgoing.find((s) => s.at === mid?.at);
  console.log(
    `crossfade 4 s: both tracks playing for ${overlapMs.toFixed(0)} ms; halfway the incoming ` +
      `volume is ${mid?.volume.toFixed(2)}, the outgoing ${outgoingMid?.volume.toFixed(2)}`,
  );
  expect(overlapMs).toBeGreaterThan(3500);
  expect(overlapMs).toBeLessThan(4500);
  // Both audible halfway through, the incoming rising and the outgoing falling.
  expect(mid?.volume ?? 0).toBeGreaterThan(0.3);
  expect(outgoingMid?.volume ?? 0).toBeGreaterThan(0.3);
  expect(both.at(-1)?.volume ?? 0).toBeGreaterThan(both[0]?.volume ?? 1);
  const outgoingDuring = outgoing.filter((s) => both.some((b) => b.at === s.at));
  expect(outgoingDuring.at(-1)?.volume ?? 1).toBeLessThan(outgoingDuring[0]?.volume ?? 0);
  // And no silence anywhere in between.
  expect(longestSilenceMs(output, 1e-4)).toBeLessThan(50);
});
