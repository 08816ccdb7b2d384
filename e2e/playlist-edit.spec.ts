/**
 * A listener makes a playlist from the sidebar, fills it from an album's row menu and with the
 * whole album (warned about the song already there), renames it (an empty name is refused beside
 * the field), removes songs one and several at a time, and deletes it.
 */
import { expect, test } from "@playwright/test";

import {
  createPlaylistFromSidebar,
  openAlbum,
  playlistTable,
  rowMenu,
  rowOf,
  signInAsNewListener,
  trackTitles,
} from "./playlist-fixtures";

test("create from the sidebar, add from an album, duplicates, rename, remove, delete", async ({ page }) => {
  await signInAsNewListener(page);
  const sidebar = page.locator("aside");

  const playlist = await createPlaylistFromSidebar(page);
  expect(playlist.name).toBe("My Playlist #1");
  await expect(sidebar.getByRole("link", { name: /My Playlist #1/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("This playlist is empty.", { exact: false })).toBeVisible();
  await expect(page.getByText("Private", { exact: true })).toBeVisible();

  // One song from its row menu (opened by keyboard: Escape closes it and focus returns).
  const album = await openAlbum(page, 0);
  const [first = "", second = ""] = album.tracks;
  const n = album.tracks.length;
  expect(n).toBeGreaterThanOrEqual(3);
  const menuButton = page.getByRole("button", { name: `More options for ${second}` });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: `More options for ${second}` });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
  // A right click on the row, or Shift+F10 in it, opens the same menu.
  const row = menuButton.locator("xpath=ancestor::tr");
  await row.click({ button: "right" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await page.keyboard.press("Shift+F10");
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await rowMenu(page, second, "Add to playlist…");
  const chooser = page.getByRole("dialog", { name: `Add ${second} to a playlist` });
  await chooser.getByRole("button", { name: playlist.name }).click();
  await expect(page.getByRole("status").getByText(`Added ${second} to ${playlist.name}`)).toBeVisible();
  await expect(chooser).toBeHidden();

  // The whole album: one of its songs is there already, so the listener is asked.
  await page.getByRole("button", { name: "Add to playlist" }).click();
  await page
    .getByRole("dialog", { name: `Add ${album.title} to a playlist` })
    .getByRole("button", { name: playlist.name })
    .click();
  const warning = page.getByRole("dialog", { name: "Already added" });
  await expect(warning).toContainText(`1 of these ${n} songs are already in ${playlist.name}`);
  await expect(warning.getByRole("button", { name: "Add anyway" })).toBeFocused();
  await page.screenshot({ path: "test-results/playlist-duplicates.png" });
  await warning.getByRole("button", { name: "Skip duplicates" }).click();
  await expect(
    page.getByRole("status").getByText(`Added ${n - 1} songs to ${playlist.name} (1 song already there)`),
  ).toBeVisible();

  // Again: every song is there now; Cancel adds nothing.
  await page.getByRole("button", { name: "Add to playlist" }).click();
  await page
    .getByRole("dialog", { name: `Add ${album.title} to a playlist` })
    .getByRole("button", { name: playlist.name })
    .click();
  await expect(warning).toContainText(`${n} of these ${n} songs are already in ${playlist.name}`);
  await expect(warning.getByRole("button", { name: "Skip duplicates" })).toHaveCount(0);
  await warning.getByRole("button", { name: "Cancel" }).click();
  await expect(warning).toBeHidden();

  await sidebar.getByRole("link", { name: /My Playlist #1/ }).click();
  const table = playlistTable(page, playlist.name);
  const rest = album.tracks.filter((t) => t !== second);
  await expect.poll(() => trackTitles(table)).toEqual([second, ...rest]);
  await expect(page.getByText(new RegExp(`· ${n} songs, \\d+ (min|sec)`))).toBeVisible();

  // Rename: an empty name is refused beside the field; then a real one is saved.
  await page.getByRole("button", { name: `More options for ${playlist.name}` }).click();
  await page.getByRole("menuitem", { name: "Edit details…" }).click();
  const details = page.getByRole("dialog", { name: "Edit details" });
  const name = details.getByLabel("Name");
  await expect(name).toBeFocused();
  await name.fill("");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByText("Give the playlist a name")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "test-results/playlist-rename-error.png" });
  await name.fill("Road trip");
  await details.getByLabel("Description").fill("Songs for the long drive");
  await details.getByRole("checkbox", { name: /Public/ }).check();
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Road trip" })).toBeVisible();
  await expect(page.getByText("Songs for the long drive")).toBeVisible();
  await expect(page.getByText("Public", { exact: true })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: /Road trip/ })).toBeVisible();

  // On a phone: the same page, narrower (screenshots to look at).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/playlist-narrow.png" });
  await page.getByRole("button", { name: `More options for ${first}` }).click();
  await page.screenshot({ path: "test-results/playlist-narrow-menu.png" });
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 1280, height: 720 });

  // Remove one from its menu, then two at once with a Shift-click selection.
  const renamed = playlistTable(page, "Road trip");
  await rowMenu(page, first, "Remove from this playlist");
  const left = [second, ...rest.filter((t) => t !== first)];
  await expect.poll(() => trackTitles(renamed)).toEqual(left);
  await expect(page.getByRole("status").getByText(`Removed ${first} from Road trip`)).toBeVisible();
  await page.reload();
  await expect.poll(() => trackTitles(renamed)).toEqual(left);
  await rowOf(renamed, second).locator("td.col-duration").click();
  await rowOf(renamed, left.at(-1) ?? "")
    .locator("td.col-duration")
    .click({ modifiers: ["Shift"] });
  await expect(page.getByText(`${n - 1} songs selected`)).toBeVisible();
  await page.screenshot({ path: "test-results/playlist-selection.png" });
  await page.getByRole("button", { name: `Remove ${n - 1} songs` }).click();
  await expect(page.getByText("This playlist is empty.", { exact: false })).toBeVisible();
  await expect(page.getByRole("status").getByText(`Removed ${n - 1} songs from Road trip`)).toBeVisible();
  await page.reload();
  await expect(page.getByText("This playlist is empty.", { exact: false })).toBeVisible();

  // Delete asks first, then goes home; the sidebar forgets it.
  await page.getByRole("button", { name: "More options for Road trip" }).click();
  await page.getByRole("menuitem", { name: "Delete playlist…" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete Road trip?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(sidebar.getByRole("link", { name: /Road trip/ })).toHaveCount(0);
});
