import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { expectPlaying, gotoFirstAlbum, playerState, signInAsListener } from "./listener-fixtures";

/** Presses Tab until a track row has focus; returns how many presses it took. */
async function tabToTrackList(page: Page): Promise<number> {
  for (let presses = 1; presses <= 25; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.tagName === "TR")) return presses;
  }
  throw new Error("Tab never reached a track row");
}

test("a listener plays a chosen track with the keyboard alone", async ({ page }) => {
  await signInAsListener(page);
  await gotoFirstAlbum(page);
  const list = page.getByRole("table", { name: /^Tracks of / });
  const rows = list.getByRole("row");
  await expect(rows.nth(2)).toBeVisible();

  // The whole list is one tab stop; Tab lands on its first row.
  await tabToTrackList(page);
  await expect(rows.nth(1)).toBeFocused();
  const secondTitle = (await rows.nth(2).locator(".track-title").textContent()) ?? "";
  const volume = page.getByRole("slider", { name: "Volume" });
  const volumeBefore = await volume.inputValue();

  // ↓ moves to the next row (and leaves the volume shortcut alone); its play button shows.
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(2)).toBeFocused();
  await expect(volume).toHaveValue(volumeBefore);
  await expect(rows.nth(2).getByRole("button", { name: `Play ${secondTitle}` })).toHaveCSS("opacity", "1");
  await expect(rows.nth(3).getByRole("button", { name: /^Play / })).toHaveCSS("opacity", "0");
  // So does its heart, which stays hidden in other rows until they are liked.
  await expect(rows.nth(2).getByRole("button", { name: "Save to Liked Songs" })).toHaveCSS("opacity", "1");
  await expect(rows.nth(3).getByRole("button", { name: "Save to Liked Songs" })).toHaveCSS("opacity", "0");

  await page.keyboard.press("Enter");
  await expectPlaying(page, secondTitle);
  await expect(rows.nth(2)).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("now-playing-title")).toHaveText(secondTitle);

  // Tab goes into the focused row: its button now pauses.
  await page.keyboard.press("Tab");
  await expect(rows.nth(2).getByRole("button", { name: `Pause ${secondTitle}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await playerState(page)).status).toBe("paused");

  // Back on the row, Enter resumes the same track.
  await page.keyboard.press("Shift+Tab");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await playerState(page)).status).toBe("playing");
  expect((await playerState(page)).title).toBe(secondTitle);

  // Home and End reach the ends of the list.
  await page.keyboard.press("End");
  await expect(rows.last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(rows.nth(1)).toBeFocused();
});

test("every control on the shell and an album page has a visible focus ring and a name", async ({ page }) => {
  await signInAsListener(page);
  await gotoFirstAlbum(page);
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el.dataset.visited) return null;
      el.dataset.visited = "yes";
      const style = getComputedStyle(el);
      const ring =
        (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none";
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      const name =
        el.getAttribute("aria-label") ??
        (el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : el.textContent)?.trim() ??
        "";
      return { tag: el.tagName, name, ring, onTop: Boolean(hit && (el.contains(hit) || hit.contains(el))) };
    });
    if (!stop) break;
    seen.push(`${stop.tag} ${stop.name}`);
    expect(stop.name, `${stop.tag} has no name`).not.toBe("");
    expect(stop.ring, `${stop.tag} "${stop.name}" shows no focus ring`).toBe(true);
    expect(stop.onTop, `${stop.tag} "${stop.name}" is covered while focused`).toBe(true);
  }
  // Skip link, shell, header, play button, then the list as one stop and the player.
  expect(seen.slice(0, 10)).toEqual([
    "A Skip to content",
    "A Cadence home",
    "A Home",
    "A Search",
    "A Your Library",
    "A Account",
    "BUTTON Create playlist",
    "A Liked SongsPlaylist",
    "INPUT Search",
    "BUTTON Your account",
  ]);
  expect(seen.filter((s) => s.startsWith("TR"))).toHaveLength(1);
  expect(seen).toContain("INPUT Volume");
});
