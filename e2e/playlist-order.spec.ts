/**
 * Reordering a playlist: a real mouse drag, and the keyboard (Alt+↑/↓ on a focused row, and the
 * row menu), each saved and still there after a reload; then a row plays, the queue holding the
 * playlist in its order.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { expectPlaying, playerState } from "./listener-fixtures";
import {
  playlistTable,
  playlistWithAlbums,
  rowMenu,
  rowOf,
  signInAsNewListener,
  trackTitles,
} from "./playlist-fixtures";

/** Presses the mouse on one row and lets go over another, in small steps as a hand would. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await from.locator("td.col-duration").boundingBox();
  const b = await to.locator("td.col-duration").boundingBox();
  if (!a || !b) throw new Error("rows not on screen");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 4, { steps: 20 });
  await page.mouse.up();
}

const saved = (page: Page) =>
  page.waitForResponse((res) => res.url().includes("playlist.moveItem") && res.request().method() === "POST");

test("reorder by drag and by keyboard, kept after reload, and play from a row", async ({ page }) => {
  await signInAsNewListener(page);
  const playlist = await playlistWithAlbums(page, [0, 1]);
  await page.goto(`/playlist/${playlist.id}`);
  const table = playlistTable(page, playlist.name);
  await expect.poll(async () => (await trackTitles(table)).length).toBe(6);
  const [a = "", b = "", c = "", d = "", e = "", f = ""] = await trackTitles(table);

  const moves: boolean[] = [];
  page.on("response", (res) => {
    if (res.url().includes("playlist.moveItem")) moves.push(res.ok());
  });

  // Drag the first row onto the third (the rows mid-window, away from the edges that scroll).
  await page.evaluate(() => window.scrollTo(0, 240));
  const move = saved(page);
  await drag(page, rowOf(table, a), rowOf(table, c));
  await expect.poll(() => trackTitles(table)).toEqual([b, c, a, d, e, f]);
  expect((await move).ok()).toBe(true);
  await page.reload();
  await expect.poll(() => trackTitles(table)).toEqual([b, c, a, d, e, f]);

  // Alt+↑ twice on a focused row: it moves, keeps focus, and the move is announced.
  const rowD = rowOf(table, d);
  await rowD.focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect.poll(() => trackTitles(table)).toEqual([b, c, d, a, e, f]);
  await page.keyboard.press("Alt+ArrowUp");
  await expect.poll(() => trackTitles(table)).toEqual([b, d, c, a, e, f]);
  await expect(rowD).toBeFocused();
  await expect(page.getByRole("status").getByText(`Moved ${d} to position 2 of 6.`)).toBeAttached();
  // The row menu moves too.
  await rowMenu(page, f, "Move up");
  await expect.poll(() => trackTitles(table)).toEqual([b, d, c, a, f, e]);
  await expect(page.getByRole("button", { name: `More options for ${f}` })).toBeFocused();
  // Every queued write is saved before the reload reads it back.
  await expect.poll(() => moves.length).toBe(4);
  expect(moves.every((ok) => ok)).toBe(true);
  await page.reload();
  await expect.poll(() => trackTitles(table)).toEqual([b, d, c, a, f, e]);
  await page.screenshot({ path: "test-results/playlist-page.png", fullPage: true });

  // By keyboard from the Play button: Shuffle, the playlist's menu, then the list as one stop.
  await page.getByRole("button", { name: `Play ${playlist.name}` }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Shuffle ${playlist.name}` })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `More options for ${playlist.name}` })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(rowOf(table, b)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(rowOf(table, d)).toBeFocused();
  await page.keyboard.press("Shift+ArrowDown");
  await expect(rowOf(table, c)).toBeFocused();
  await expect(rowOf(table, d)).toHaveAttribute("aria-selected", "true");
  await expect(rowOf(table, c)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(rowOf(table, c)).toHaveAttribute("aria-selected", "false");

  // Play from the third row: the queue is the playlist in its order, starting there.
  await rowOf(table, c).hover();
  await page.getByRole("button", { name: `Play ${c}` }).click();
  await expectPlaying(page, c);
  const state = await playerState(page);
  expect(state.queue).toEqual([b, d, c, a, f, e]);
  await expect(rowOf(table, c)).toHaveAttribute("aria-current", "true");
});
