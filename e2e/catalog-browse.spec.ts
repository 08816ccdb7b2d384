import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

import { planDemoCatalog } from "@cadence/demo";

import { E2E_DEMO_TRACKS } from "../scripts/e2e-constants";
import { signInAsListener } from "./listener-fixtures";

// What the e2e server ingested, from the demo catalog's own plan: its first genre, and that
// genre's biggest release (an album) and smallest (a single) by the same artist.
const { tracks } = planDemoCatalog({ outDir: "/demo", limit: E2E_DEMO_TRACKS });
const genre = tracks[0]?.genre ?? "";
const sizes = new Map<string, number>();
for (const track of tracks)
  if (track.genre === genre) sizes.set(track.album, (sizes.get(track.album) ?? 0) + 1);
const bySize = [...sizes].sort((a, b) => b[1] - a[1]).map(([album]) => album);
const album = tracks.find((track) => track.album === bySize[0]);
const single = tracks.find((track) => track.album === bySize.at(-1));
const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/** Clicks a "Copy link" control and checks the confirmation and what the clipboard holds. */
async function copyLink(page: Page, what: string) {
  await page.getByRole("button", { name: `Copy link to ${what}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
}

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL ?? "" });
});

test("from home, a listener opens a genre, an album and its artist, and copies links", async ({ page }) => {
  if (!album || !single || album.album === single.album)
    throw new Error("the e2e catalog needs two releases");
  expect(album.albumArtist).toBe(single.albumArtist);
  await signInAsListener(page);

  // Home → the genre, from the Genres shelf.
  await page
    .getByRole("list", { name: "Genres" })
    .getByRole("link", { name: new RegExp(genre) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/genre/${encodeURIComponent(genre)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(genre);
  const releases = page.getByRole("list", { name: `${genre} albums` });
  await expect(releases.getByRole("link")).toHaveCount(sizes.size);

  // The genre → the album: release date, label and length on its sleeve.
  await releases.getByRole("link", { name: new RegExp(album.album) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(album.album);
  const facts = page.locator("dl");
  await expect(
    facts.getByRole("definition").filter({ hasText: longDate.format(new Date(album.date)) }),
  ).toBeVisible();
  await expect(
    facts.getByRole("definition").filter({ hasText: album.label ?? "no label planned" }),
  ).toBeVisible();
  await expect(page.getByText(/\d+ songs?, \d+ (min|sec)/)).toBeVisible();
  await copyLink(page, album.album);

  // A song's own page, from its title.
  const rows = page.getByRole("table", { name: `Tracks of ${album.album}` }).getByRole("row");
  const title = (await rows.nth(1).locator(".track-title").textContent()) ?? "";
  await rows.nth(1).locator(".track-title").getByRole("link").click();
  await expect(page).toHaveURL(/\/track\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("button", { name: `Play ${title}` })).toBeEnabled();
  await expect(page.getByRole("table", { name: `More from ${album.album}` }).getByRole("row")).toHaveCount(
    sizes.get(album.album) ?? 0,
  );
  await copyLink(page, title);
  await page.goBack();

  // The album → its artist: albums apart from singles, and the follower count.
  await page.locator(".collection-meta").getByRole("link", { name: album.albumArtist }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(album.albumArtist);
  await expect(page.getByText(/^\d+ followers?$/)).toBeVisible();
  const albums = page.getByRole("list", { name: `Albums by ${album.albumArtist}` });
  const singles = page.getByRole("list", { name: `Singles and EPs by ${album.albumArtist}` });
  await expect(page.getByRole("heading", { name: "Singles & EPs" })).toBeVisible();
  await expect(albums.getByRole("link", { name: new RegExp(album.album) })).toBeVisible();
  await expect(albums.getByRole("link", { name: new RegExp(single.album) })).toHaveCount(0);
  await expect(singles.getByRole("link", { name: new RegExp(single.album) })).toBeVisible();
  await expect(singles.getByRole("link", { name: new RegExp(album.album) })).toHaveCount(0);
  await copyLink(page, album.albumArtist);
});

test("on a phone, the tab bar takes the sidebar's place, above the now-playing bar", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsListener(page);
  const nav = page.locator("aside");
  for (const name of ["Home", "Search", "Your Library"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole("button", { name: "Create playlist" })).toBeVisible();
  const bar = await nav.boundingBox();
  const player = await page.getByRole("contentinfo", { name: "Now playing" }).boundingBox();
  expect(bar && bar.y + bar.height).toBe(844);
  expect(player && bar && player.y + player.height).toBeLessThanOrEqual(bar?.y ?? 0);

  // A genre from its shelf by keyboard, then home again for the new releases.
  await page.getByRole("list", { name: "Genres" }).getByRole("link").first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/genre\//);
  await nav.getByRole("link", { name: "Home", exact: true }).click();
  const dated = new Set(tracks.map((track) => track.album));
  await expect(page.getByRole("list", { name: "New releases" }).getByRole("link")).toHaveCount(dated.size);
});
