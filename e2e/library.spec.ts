/**
 * Your library in Chromium: like a track on an album page and find it (and play it) in Liked
 * Songs, one heart everywhere; follow an artist and save an album and find both in the library;
 * visit another listener's profile, follow them and copy its link.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { createAccountInDb, usernameInDb } from "./auth-fixtures";
import { accountMenu, signInThroughUi, uniqueEmail } from "./helpers";
import { expectPlaying, playerState } from "./listener-fixtures";

const trackTable = (page: Page) => page.getByRole("table", { name: /^Tracks of / });
const nowPlaying = (page: Page) => page.getByRole("contentinfo", { name: "Now playing" });
const sidebar = (page: Page) => page.locator("aside");
const libraryList = (page: Page) => page.getByRole("list", { name: "Your Library" });

async function signedIn(page: Page, displayName: string): Promise<{ id: string; username: string }> {
  const email = uniqueEmail();
  const id = await createAccountInDb(email, undefined, displayName);
  await signInThroughUi(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Good (morning|afternoon|evening)/);
  return { id, username: await usernameInDb(id) };
}

test("like a track from an album and play it from Liked Songs; one heart everywhere", async ({ page }) => {
  await signedIn(page, "Alice");
  await page.getByRole("list", { name: "Albums" }).getByRole("link").first().click();
  const rows = trackTable(page).getByRole("row");
  const [first, second] = [rows.nth(1), rows.nth(2)];
  const titleOf = async (row: typeof first) => (await row.locator(".track-title").textContent()) ?? "";
  const [title, other] = [await titleOf(first), await titleOf(second)];

  await first.getByRole("button", { name: "Save to Liked Songs" }).click();
  await expect(first.getByRole("button", { name: "Remove from Liked Songs" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.screenshot({ path: "test-results/library-album-liked.png" });

  // Playing it: the now-playing bar's heart is the same heart, both ways.
  await first.getByRole("button", { name: `Play ${title}` }).click();
  await expectPlaying(page, title);
  const barHeart = nowPlaying(page).getByRole("button", { name: /Liked Songs$/ });
  await expect(barHeart).toHaveAttribute("aria-pressed", "true");
  await barHeart.click();
  await expect(barHeart).toHaveAttribute("aria-pressed", "false");
  const firstHeart = first.getByRole("button", { name: /Liked Songs$/ });
  await expect(firstHeart).toHaveAttribute("aria-pressed", "false");
  await firstHeart.click();
  await expect(barHeart).toHaveAttribute("aria-pressed", "true");
  // A second like, by keyboard: Tab from the focused row reaches its heart.
  await second.focus();
  // The row's play button, the track's title, its artist, then the heart.
  for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
  await expect(second.getByRole("button", { name: "Save to Liked Songs" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(second.getByRole("button", { name: "Remove from Liked Songs" })).toBeFocused();

  // The way in: the sidebar's Your Library, then Liked Songs.
  await sidebar(page).getByRole("link", { name: "Your Library" }).click();
  await expect(libraryList(page).getByRole("link", { name: /Liked Songs/ })).toContainText("2 songs");
  await libraryList(page)
    .getByRole("link", { name: /Liked Songs/ })
    .click();
  await expect(page).toHaveURL(/\/collection\/tracks$/);
  const liked = page.getByRole("table", { name: "Liked Songs" });
  await expect(liked.getByRole("row")).toHaveCount(3);
  // Newest like first.
  await expect(liked.locator(".track-title")).toHaveText([other, title]);
  // Pinned at the top of the sidebar's list too, marked while it is open.
  const pinned = sidebar(page).getByRole("link", { name: /^Liked Songs/ });
  await expect(pinned).toHaveAttribute("aria-current", "page");
  await sidebar(page).getByRole("link", { name: "Home", exact: true }).click();
  await expect(pinned).not.toHaveAttribute("aria-current", "page");
  await pinned.click();
  await expect(page).toHaveURL(/\/collection\/tracks$/);
  await expect(liked.getByRole("row")).toHaveCount(3);
  await page.screenshot({ path: "test-results/library-liked-songs.png" });

  // Played from a row by keyboard: the queue is Liked Songs, from that row on.
  const otherRow = liked.getByRole("row").nth(1);
  await otherRow.focus();
  await page.keyboard.press("Enter");
  await expectPlaying(page, other);
  expect((await playerState(page)).queue).toEqual([other, title]);
  await expect(page.getByRole("button", { name: "Pause Liked Songs" })).toBeVisible();

  // Unliked here, it leaves the list once the server has it; the bar agrees.
  await otherRow.getByRole("button", { name: "Remove from Liked Songs" }).click();
  await expect(barHeart).toHaveAttribute("aria-pressed", "false");
  await expect(liked.locator(".track-title")).toHaveText([title]);

  // A song's own page has the same heart (and the row's other actions): unliking it there
  // empties Liked Songs.
  await liked.getByRole("row").nth(1).locator(".track-title").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const actions = page.locator(".collection-actions");
  await expect(actions.getByRole("button", { name: `More options for ${title}` })).toBeVisible();
  await expect(actions.getByRole("button", { name: "Add to playlist" })).toBeEnabled();
  const pageHeart = actions.getByRole("button", { name: /Liked Songs$/ });
  await expect(pageHeart).toHaveAttribute("aria-pressed", "true");
  await pageHeart.click();
  await expect(pageHeart).toHaveAttribute("aria-pressed", "false");
  await page.goBack();
  await expect(page.getByText("Songs you like will appear here")).toBeVisible();
});

test("follow an artist and save an album, and find them in the library", async ({ page }) => {
  await signedIn(page, "Carol");
  await page.getByRole("list", { name: "Albums" }).getByRole("link").first().click();
  await expect(trackTable(page)).toBeVisible();
  const album = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const save = page.getByRole("button", { name: "Save to Your Library" });
  await save.click();
  await expect(page.getByRole("button", { name: "Remove from Your Library" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await page.locator(".collection-meta").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/artist\//);
  const artist = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: "test-results/library-artist-following.png" });
  // It holds after a reload: the server has it.
  await page.reload();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");

  await sidebar(page).getByRole("link", { name: "Your Library" }).click();
  await expect(libraryList(page).getByRole("link")).toHaveCount(3);
  await page.screenshot({ path: "test-results/library-page.png" });
  await page.getByRole("button", { name: "Artists" }).click();
  await expect(page.getByRole("button", { name: "Artists" })).toHaveAttribute("aria-pressed", "true");
  await expect(libraryList(page).getByRole("link")).toHaveCount(1);
  await expect(libraryList(page).getByRole("link")).toContainText(artist);
  await page.getByRole("button", { name: "Albums" }).click();
  await expect(libraryList(page).getByRole("link")).toHaveCount(1);
  await expect(libraryList(page).getByRole("link")).toContainText(album);
  await page.getByRole("button", { name: "Albums" }).click();
  await page.getByLabel("Sort by").selectOption({ label: "Alphabetical" });
  await expect(libraryList(page).getByRole("link")).toHaveCount(3);
  await expect(libraryList(page).getByRole("link").first()).toContainText("Liked Songs");

  await libraryList(page)
    .getByRole("link", { name: new RegExp(album) })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(album);
  await page.getByRole("button", { name: "Remove from Your Library" }).click();
  await sidebar(page).getByRole("link", { name: "Your Library" }).click();
  await expect(libraryList(page).getByRole("link")).toHaveCount(2);
});

test("visit another listener's profile, follow them and copy its link", async ({ page, context }) => {
  const bob = await signedIn(page, "Bob");
  await page.context().clearCookies();
  await signedIn(page, "Dana");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  await page.goto(`/user/${bob.username}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bob");
  const meta = page.locator(".collection-meta");
  await expect(meta).toContainText("0 followers");
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");
  await expect(meta).toContainText("1 follower");
  await page.reload();
  await expect(page.getByRole("button", { name: "Following" })).toBeVisible();
  await expect(meta).toContainText("1 follower ·");

  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    new URL(`/user/${bob.username}`, page.url()).toString(),
  );
  await page.screenshot({ path: "test-results/library-profile.png" });

  // My own profile, from the avatar's menu: no Follow button, and the one I follow is counted.
  await accountMenu(page, "Your profile");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dana");
  await expect(page.locator(".collection-meta")).toContainText("1 following");
  await expect(page.getByRole("button", { name: "Follow", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit profile" })).toBeVisible();
});
