import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

import { demoListener, signInThroughUi } from "./helpers";

/**
 * The seeded demo listener, signed in through the UI and on the home page. Not a fresh sign-up:
 * the auth specs use up the ten sign-ups an address gets per hour.
 */
export async function signInAsListener(page: Page): Promise<void> {
  await signInThroughUi(page, demoListener.email, demoListener.password);
  await expect(page.getByRole("list", { name: "Albums" })).toBeVisible();
}

/** Loads the first album on the home page directly, so keyboard focus starts at the top. */
export async function gotoFirstAlbum(page: Page): Promise<void> {
  const album = page.getByRole("list", { name: "Albums" }).getByRole("link").first();
  await page.goto((await album.getAttribute("href")) ?? "/");
  await expect(page.getByRole("table", { name: /^Tracks of / })).toBeVisible();
}

type Probe = {
  elements: HTMLMediaElement[];
  watched?: HTMLMediaElement;
  pauses: number;
  emptied: number;
};

/**
 * Records, from the page's first script on, every media element the page plays, so a test
 * can tell the same <audio> element kept playing. A full page load would start a new, empty
 * probe: that is how a reload shows up.
 */
export async function installAudioProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe: Probe = { elements: [], pauses: 0, emptied: 0 };
    (window as unknown as { audioProbe: Probe }).audioProbe = probe;
    const play = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "play")?.value as (
      this: HTMLMediaElement,
    ) => Promise<void>;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!probe.elements.includes(this)) probe.elements.push(this);
      return play.call(this);
    };
  });
}

/** Picks the element that is playing now and counts its pauses and resets from here on. */
export async function watchPlayingAudio(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const probe = (window as unknown as { audioProbe: Probe }).audioProbe;
        const playing = probe.elements.find((el) => !el.paused && el.currentTime > 0.3);
        if (!playing) return false;
        probe.watched = playing;
        playing.addEventListener("pause", () => (probe.pauses += 1));
        playing.addEventListener("emptied", () => (probe.emptied += 1));
        return true;
      }),
    )
    .toBe(true);
}

/** The watched element's state; `watched` is false once the page was reloaded. */
export function watchedAudio(page: Page) {
  return page.evaluate(() => {
    const probe = (window as unknown as { audioProbe?: Probe }).audioProbe;
    const el = probe?.watched;
    return {
      watched: Boolean(el),
      paused: el?.paused ?? true,
      time: el?.currentTime ?? 0,
      pauses: probe?.pauses ?? 0,
      emptied: probe?.emptied ?? 0,
    };
  });
}

type PlayerHandle = {
  status: string;
  currentTime: number;
  currentTrack: { title: string } | null;
  queue: { items: { track: { title: string } }[] };
};

/** What the app's player reports (it is exposed on window for tests and benchmarks). */
export function playerState(page: Page) {
  return page.evaluate(() => {
    const player = (window as unknown as { cadencePlayer?: PlayerHandle }).cadencePlayer;
    return {
      status: player?.status ?? "none",
      time: player?.currentTime ?? 0,
      title: player?.currentTrack?.title ?? null,
      queue: player?.queue.items.map((item) => item.track.title) ?? [],
    };
  });
}

/** Waits until the player is playing `title` and its clock has moved past `seconds`. */
export async function expectPlaying(page: Page, title: string, seconds = 0.5): Promise<void> {
  await expect.poll(async () => (await playerState(page)).title, { timeout: 15_000 }).toBe(title);
  await expect.poll(async () => (await playerState(page)).time, { timeout: 15_000 }).toBeGreaterThan(seconds);
  expect((await playerState(page)).status).toBe("playing");
}
