import type { Locator, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import {
  expectPlaying,
  installAudioProbe,
  playerState,
  signInAsListener,
  watchedAudio,
  watchPlayingAudio,
} from "./listener-fixtures";

const trackTable = (page: Page) => page.getByRole("table", { name: /^(Tracks of|Popular tracks by) / });

test("music keeps playing, on the same audio element, through every link of the shell", async ({ page }) => {
  await installAudioProbe(page);
  await signInAsListener(page);
  await page.evaluate(() => ((window as unknown as { pageMarker: string }).pageMarker = "still here"));

  // Start an album from its page.
  await page.getByRole("list", { name: "Albums" }).getByRole("link").first().click();
  await expect(trackTable(page)).toBeVisible();
  const albumTitle = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await page.getByRole("button", { name: `Play ${albumTitle}` }).click();
  const firstTitle =
    (await trackTable(page).getByRole("row").nth(1).locator(".track-title").textContent()) ?? "";
  await expectPlaying(page, firstTitle);
  await watchPlayingAudio(page);

  let lastTime = (await watchedAudio(page)).time;
  const visits: string[] = [];
  /** Follows a link and checks that the page did not reload and the music never stopped. */
  async function follow(name: string, link: Locator, url: RegExp, how: "click" | "Enter" = "click") {
    if (how === "click") await link.click();
    else await link.press(how);
    await expect(page, name).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const marker = await page.evaluate(() => (window as unknown as { pageMarker?: string }).pageMarker);
    expect(marker, `${name}: the page was reloaded`).toBe("still here");
    await expect
      .poll(async () => (await watchedAudio(page)).time, { message: `${name}: the clock stopped` })
      .toBeGreaterThan(lastTime);
    const audio = await watchedAudio(page);
    expect(audio, name).toMatchObject({ watched: true, paused: false, pauses: 0, emptied: 0 });
    lastTime = audio.time;
    visits.push(name);
  }

  const sidebar = page.getByRole("navigation", { name: "Main" });
  const topbar = page.locator("header.topbar");
  const bar = page.getByRole("contentinfo", { name: "Now playing" });
  const playing = await playerState(page);

  await follow("sidebar Home", sidebar.getByRole("link", { name: "Home", exact: true }), /\/$/);
  await follow("sidebar Search", sidebar.getByRole("link", { name: "Search", exact: true }), /\/search$/);
  await follow("sidebar Account", sidebar.getByRole("link", { name: "Account", exact: true }), /\/account$/);
  await follow("sidebar brand", sidebar.getByRole("link", { name: "Cadence home" }), /\/$/);
  await topbar.getByRole("button", { name: "Your account" }).click();
  await follow("the avatar's menu", page.getByRole("menuitem", { name: "Account" }), /\/account$/);
  await follow("now-playing title", bar.getByRole("link", { name: playing.title ?? "" }), /\/album\//);
  await follow("now-playing artist", bar.getByRole("link").nth(1), /\/artist\//);
  const albumInRow = trackTable(page).getByRole("row").nth(1).getByRole("link").last();
  await follow("album link in a track row", albumInRow, /\/album\//);
  const titleInRow = trackTable(page).getByRole("row").nth(1).locator(".track-title").getByRole("link");
  await follow("title link in a track row", titleInRow, /\/track\//);
  const albumOnTrack = page.locator(".collection-meta").getByRole("link").last();
  await follow("album link on a track page", albumOnTrack, /\/album\//);
  const artistInRow = trackTable(page)
    .getByRole("row")
    .nth(1)
    .locator(".track-artists")
    .getByRole("link")
    .first();
  await follow("artist link in a track row", artistInRow, /\/artist\//);
  const discography = page
    .getByRole("list", { name: /^Albums by / })
    .getByRole("link")
    .first();
  await follow("album card in a discography", discography, /\/album\//);
  await follow(
    "artist link in an album header",
    page.locator(".collection-meta").getByRole("link"),
    /\/artist\//,
  );
  await follow("sidebar Home again", sidebar.getByRole("link", { name: "Home", exact: true }), /\/$/);
  await follow(
    "album card on home",
    page.getByRole("list", { name: "Albums" }).getByRole("link").last(),
    /\/album\//,
  );

  // The skip link shows on focus and moves focus past the shell, music still going.
  const skip = page.getByRole("link", { name: "Skip to content" });
  await skip.focus();
  await expect(skip).toBeInViewport();
  await follow("skip link", skip, /#content$/, "Enter");
  await expect(page.locator("main#content")).toBeFocused();

  expect(visits).toHaveLength(16);
  // Still the track that started it all: nothing restarted the queue.
  expect((await playerState(page)).title).toBe(playing.title);
});

test("from an album, a listener opens the artist and plays their top track", async ({ page }) => {
  await signInAsListener(page);
  await page.getByRole("list", { name: "Albums" }).getByRole("link").first().click();
  await expect(trackTable(page)).toBeVisible();
  const artistLink = page.locator(".collection-meta").getByRole("link");
  const artist = (await artistLink.textContent()) ?? "";
  await artistLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(artist);

  const top = trackTable(page).getByRole("row").nth(1);
  const title = (await top.locator(".track-title").textContent()) ?? "";
  await top.hover();
  await top.getByRole("button", { name: `Play ${title}` }).click();
  await expectPlaying(page, title);
  await expect(page.getByTestId("now-playing-title")).toHaveText(title);
  await expect(top).toHaveAttribute("aria-current", "true");
});
