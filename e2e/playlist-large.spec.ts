/**
 * A playlist of 10,000 songs opens about as fast as a small one (the server sends a page, the
 * browser renders a screenful), loads more as the listener scrolls, and plays from a deep row
 * with the rest of the playlist queued behind it.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { expectPlaying } from "./listener-fixtures";
import { playlistWithAlbums, signInAsNewListener } from "./playlist-fixtures";

async function call(page: Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
}

const rows = (page: Page) => page.locator("table tbody tr[data-index]");

/** Median milliseconds from navigation to the first row on screen, over `runs` loads. */
async function openTime(page: Page, id: string, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    await page.goto(`/playlist/${id}`);
    await expect(rows(page).first()).toBeVisible();
    times.push(Date.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

test("10,000 songs: opens like a small playlist, renders a screenful, plays from a deep row", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsNewListener(page);
  const small = await playlistWithAlbums(page, [0]);
  const big = await playlistWithAlbums(page, [0, 1]);
  // Fill it to 10,000 with the demo catalog's songs again and again (500 per call, the cap).
  const first = (await (
    await page.request.get(
      `/api/trpc/playlist.items?input=${encodeURIComponent(JSON.stringify({ json: { id: big.id } }))}`,
    )
  ).json()) as { result: { data: { json: { items: { track: { id: string } }[] } } } };
  const pool = first.result.data.json.items.map((i) => i.track.id);
  const start = pool.length;
  for (let have = start; have < 10_000;) {
    const n = Math.min(500, 10_000 - have);
    await call(page, "playlist.addTracks", {
      id: big.id,
      trackIds: Array.from({ length: n }, (_, i) => pool[(have + i) % pool.length]),
      duplicates: "add",
    });
    have += n;
  }

  const smallMs = await openTime(page, small.id);
  const bigMs = await openTime(page, big.id);
  console.log(
    `first row on screen: 10,000-song playlist ${bigMs} ms, small playlist ${smallMs} ms (median of 3)`,
  );
  expect(bigMs).toBeLessThan(smallMs * 2 + 500);
  await expect(page.getByText("10,000 songs", { exact: false })).toBeVisible();
  await expect(page.locator("table")).toHaveAttribute("aria-rowcount", "10001");
  expect(await rows(page).count()).toBeLessThan(60);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: "test-results/playlist-large.png" });

  // Scroll past the first page: the next pages load, still only a screenful is rendered.
  const deep = page.locator('tbody tr[aria-rowindex="252"]');
  for (let i = 0; i < 30 && !(await deep.isVisible()); i++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(100);
  }
  await deep.scrollIntoViewIfNeeded();
  await expect(deep).toBeVisible();
  expect(await rows(page).count()).toBeLessThan(80);

  // Play row 251: the queue starts there and keeps growing as the rest of the playlist loads.
  await deep.hover();
  const title = (await deep.locator(".track-title").innerText()).trim();
  await deep.getByRole("button", { name: `Play ${title}` }).click();
  await expectPlaying(page, title);
  const queue = () =>
    page.evaluate(() => {
      const player = (
        window as unknown as { cadencePlayer: { queue: { items: unknown[]; currentIndex: number } } }
      ).cadencePlayer;
      return { length: player.queue.items.length, at: player.queue.currentIndex };
    });
  expect((await queue()).at).toBe(250);
  await expect.poll(async () => (await queue()).length, { timeout: 60_000 }).toBeGreaterThan(1000);
});
