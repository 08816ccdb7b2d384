/**
 * Collaborative playlists across two browsers: the owner makes an invite link, a second listener
 * opens it, joins and adds a song, and the owner sees it (with who added it) after a reload. The
 * owner's page, loaded before that edit, is told its view is stale instead of overwriting it.
 */
import { expect, test } from "@playwright/test";

import {
  openAlbum,
  playlistTable,
  playlistWithAlbums,
  rowMenu,
  rowOf,
  signInAsNewListener,
  trackTitles,
} from "./playlist-fixtures";

test("invite by link, join, add a song the owner sees; a stale page is refreshed, not overwritten", async ({
  page,
  browser,
}) => {
  await signInAsNewListener(page, "Olive Owner");
  const playlist = await playlistWithAlbums(page, [0]);
  await page.goto(`/playlist/${playlist.id}`);
  const table = playlistTable(page, playlist.name);
  await expect.poll(async () => (await trackTitles(table)).length).toBeGreaterThanOrEqual(3);
  const ownerTitles = await trackTitles(table);

  await page.getByRole("button", { name: `More options for ${playlist.name}` }).click();
  await page.getByRole("menuitem", { name: "Invite collaborators…" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite collaborators" });
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  const linkField = dialog.getByRole("textbox", { name: "Invite link" });
  await expect(linkField).toHaveValue(/\/playlist\/join\/[A-Za-z0-9_-]+$/);
  const link = await linkField.inputValue();
  await page.screenshot({ path: "test-results/playlist-invite.png" });
  await dialog.getByRole("button", { name: "Close" }).click();

  // The second listener, in a browser of their own.
  const theirs = await browser.newContext();
  const guest = await theirs.newPage();
  await signInAsNewListener(guest, "Gus Guest");
  await guest.goto(link);
  await guest.getByRole("button", { name: "Join playlist" }).click();
  await guest.waitForURL(`**/playlist/${playlist.id}`);
  await expect(guest.getByRole("heading", { level: 1, name: playlist.name })).toBeVisible();
  await expect(guest.getByText("Collaborative", { exact: true })).toBeVisible();
  await expect(guest.getByText("You can edit", { exact: true })).toBeVisible();
  await expect(guest.locator("aside").getByRole("link", { name: new RegExp(playlist.name) })).toBeVisible();

  // They add a song from another album through its row menu.
  const other = await openAlbum(guest, 1);
  const added = other.tracks[0] ?? "";
  await rowMenu(guest, added, "Add to playlist…");
  await guest
    .getByRole("dialog", { name: `Add ${added} to a playlist` })
    .getByRole("button", { name: playlist.name })
    .click();
  await expect(guest.getByRole("status").getByText(`Added ${added} to ${playlist.name}`)).toBeVisible();

  // The owner's page still shows the old version: a move from it is refused, the listener is
  // told, and the page shows the latest version (the guest's song included).
  await rowOf(table, ownerTitles[0] ?? "").focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.getByRole("alert").getByText(/This playlist changed since you loaded it/)).toBeVisible();
  await expect.poll(() => trackTitles(table)).toEqual([...ownerTitles, added]);

  await page.reload();
  await expect.poll(() => trackTitles(table)).toEqual([...ownerTitles, added]);
  await expect(table.getByRole("columnheader", { name: "Added by" })).toBeVisible();
  await expect(rowOf(table, added)).toContainText("Gus Guest");
  await expect(rowOf(table, ownerTitles[0] ?? "")).toContainText("Olive Owner");
  await page.screenshot({ path: "test-results/playlist-collaborative.png", fullPage: true });

  // The owner sees the guest among the collaborators and removes them; the private playlist is
  // then gone for the guest.
  await page.getByRole("button", { name: `More options for ${playlist.name}` }).click();
  await page.getByRole("menuitem", { name: "Invite collaborators…" }).click();
  await dialog.getByRole("button", { name: "Remove Gus Guest" }).click();
  await expect(dialog.getByText("No one else edits this playlist yet.")).toBeVisible();
  await guest.goto(`/playlist/${playlist.id}`);
  await expect(guest.getByText(/could not be found|not found/i).first()).toBeVisible();
  await theirs.close();
});
