/**
 * A listener works the queue from the UI: opens it (it takes focus), reorders, removes, queues a
 * played track again, clears, shuffles, closes it with Escape; and the keyboard shortcuts leave
 * plain arrow keys to scrolling. Rows are not rendered again by the playback clock.
 */
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

import { listenerOnAnAlbum, player, renderCounts, resetRenderCounts, test } from "./player-page";

const queuePanel = (page: Page) => page.getByRole("complementary", { name: "Queue" });
const nextUp = (page: Page) => queuePanel(page).getByRole("list", { name: "Next up" });

async function playAlbum(page: Page, title: string) {
  await page.getByRole("button", { name: `Play ${title}` }).click();
  await expect.poll(async () => (await player(page)).time, { timeout: 15_000 }).toBeGreaterThan(0.5);
}

test("the queue: reorder, remove, play next, clear and shuffle, all by keyboard and pointer", async ({
  page,
}) => {
  const album = await listenerOnAnAlbum(page);
  await playAlbum(page, album);
  const album0 = (await player(page)).queue;
  const [first = "", second = "", third = "", ...rest] = album0;
  expect(third).not.toBe("");

  // Opening the queue moves focus into it.
  const queueButton = page.getByRole("button", { name: "Queue", exact: true });
  await queueButton.click();
  await expect(queuePanel(page)).toBeFocused();
  await expect(nextUp(page).getByRole("listitem")).toHaveCount(album0.length - 1);
  await page.screenshot({ path: "test-results/player-queue-panel.png" });

  // Reorder by keyboard: focus stays with the moved track.
  await queuePanel(page)
    .getByRole("button", { name: `Move ${second} down` })
    .focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await player(page)).queue).toEqual([first, third, second, ...rest]);
  await expect(nextUp(page).getByRole("listitem").first()).toContainText(third);
  await expect(queuePanel(page).getByRole("button", { name: `Move ${second} down` })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(queuePanel(page).getByRole("button", { name: `Move ${second} up` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await player(page)).queue).toEqual(album0);
  // At the top it cannot go up again: focus goes to moving it down.
  await expect(queuePanel(page).getByRole("button", { name: `Move ${second} down` })).toBeFocused();

  // Remove, then queue a played track again with Play next.
  await queuePanel(page)
    .getByRole("button", { name: `Remove ${third} from queue` })
    .click();
  await expect(nextUp(page).getByRole("listitem")).toHaveCount(album0.length - 2);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect.poll(async () => (await player(page)).currentIndex).toBe(1);
  await queuePanel(page)
    .getByRole("button", { name: `Play ${first} next` })
    .click();
  await expect.poll(async () => (await player(page)).queue).toEqual([first, second, first, ...rest]);
  await expect(nextUp(page).getByRole("listitem").first()).toContainText(first);

  // Clear what is queued: the current track plays on.
  await queuePanel(page).getByRole("button", { name: "Clear queue" }).click();
  await expect(queuePanel(page).getByText("Nothing queued.")).toBeVisible();
  expect((await player(page)).queue).toEqual([first, second]);

  // Escape closes the panel and gives focus back to the Queue button.
  await queuePanel(page)
    .getByRole("button", { name: `Play ${first} next` })
    .focus();
  await page.keyboard.press("Escape");
  await expect(queuePanel(page)).toHaveCount(0);
  await expect(queueButton).toBeFocused();

  // Shuffle keeps the current track and shuffles the rest; off restores the album order.
  const firstRow = page.getByRole("row").filter({ hasText: first });
  await firstRow.hover(); // a row's play button shows on hover
  await firstRow.getByRole("button", { name: `Play ${first}` }).click();
  await expect.poll(async () => (await player(page)).queue).toEqual(album0);
  const before = await player(page);
  const shuffle = page.getByRole("button", { name: "Shuffle" });
  await shuffle.click();
  await expect(shuffle).toHaveAttribute("aria-pressed", "true");
  const shuffled = await player(page);
  expect(shuffled).toMatchObject({ shuffled: true, currentIndex: 0, trackId: before.trackId });
  expect([...shuffled.queue].sort()).toEqual([...before.queue].sort());
  await shuffle.click();
  await expect(shuffle).toHaveAttribute("aria-pressed", "false");
  expect((await player(page)).queue).toEqual(before.queue);
});

test("every player control has an accessible name", async ({ page }) => {
  const album = await listenerOnAnAlbum(page);
  await playAlbum(page, album);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Queue", exact: true }).click();
  await expect(queuePanel(page)).toBeVisible();
  // The names Chromium computes for assistive technology.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
    nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[];
  };
  const controls = nodes.filter((n) => !n.ignored && ["button", "slider"].includes(n.role?.value ?? ""));
  const unnamed = controls.filter((n) => !n.name?.value.trim());
  expect(controls.length).toBeGreaterThan(15);
  expect(unnamed).toEqual([]);
  const names = controls.map((n) => n.name?.value);
  for (const name of [
    "Shuffle",
    "Previous",
    "Pause",
    "Next",
    "Queue",
    "Mute",
    "Seek",
    "Volume",
    "Close queue",
  ]) {
    expect(names).toContain(name);
  }
});

test("plain arrow keys scroll, Shift+arrows change the volume", async ({ page }) => {
  const album = await listenerOnAnAlbum(page);
  await playAlbum(page, album);
  await page.evaluate(() => {
    const w = window as unknown as { __arrows: boolean[] };
    w.__arrows = [];
    window.addEventListener("keydown", (e) => w.__arrows.push(e.defaultPrevented));
  });
  const volume = (await player(page)).volume;
  await page.locator("body").press("ArrowDown");
  await page.locator("body").press("ArrowUp");
  expect((await player(page)).volume).toBe(volume);
  expect(await page.evaluate(() => (window as unknown as { __arrows: boolean[] }).__arrows)).toEqual([
    false,
    false,
  ]);
  await page.locator("body").press("Shift+ArrowDown");
  await expect.poll(async () => (await player(page)).volume).toBeCloseTo(volume - 0.1, 5);
});

test("track rows do not render again while the clock ticks", async ({ page }) => {
  const album = await listenerOnAnAlbum(page);
  await playAlbum(page, album);
  await expect.poll(async () => (await player(page)).status).toBe("playing");
  await resetRenderCounts(page);
  const from = (await player(page)).time;
  await expect.poll(async () => (await player(page)).time, { timeout: 10_000 }).toBeGreaterThan(from + 3);
  const ticking = await renderCounts(page);
  console.log(
    `3 s of playback: ${ticking.commits} React commits, progress rendered in ${ticking.progress}, ` +
      `track list in ${ticking.trackList}`,
  );
  expect(ticking.progress).toBeGreaterThanOrEqual(8); // about 4 time updates a second
  expect(ticking.trackList).toBe(0);

  // The counter does see the rows render when what they show changes.
  await page.getByRole("button", { name: "Pause", exact: true }).first().click();
  await expect.poll(async () => (await renderCounts(page)).trackList).toBeGreaterThan(0);
});
