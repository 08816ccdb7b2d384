import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

import { createAccountInDb } from "./auth-fixtures";
import { signInThroughUi, uniqueEmail } from "./helpers";

/** A fresh account (made in the database, sparing the sign-up allowance), signed in, on home. */
export async function signInAsNewListener(page: Page, displayName = "Listener"): Promise<void> {
  const email = uniqueEmail();
  await createAccountInDb(email, undefined, displayName);
  await signInThroughUi(page, email);
  await expect(page.getByRole("list", { name: "Albums" })).toBeVisible();
}

/** The sidebar's "Create playlist": lands on the new playlist's page. */
export async function createPlaylistFromSidebar(page: Page): Promise<{ id: string; name: string }> {
  await page.getByRole("button", { name: "Create playlist" }).click();
  await page.waitForURL(/\/playlist\/[0-9a-f-]{36}$/);
  const name = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  return { id: page.url().split("/").at(-1) ?? "", name };
}

/** Opens the `n`th album of the home page; returns its title and its tracks' titles in order. */
export async function openAlbum(page: Page, n: number): Promise<{ title: string; tracks: string[] }> {
  await page.goto("/");
  await page.getByRole("list", { name: "Albums" }).getByRole("link").nth(n).click();
  const table = page.getByRole("table", { name: /^Tracks of / });
  await expect(table).toBeVisible();
  const title = ((await table.getAttribute("aria-label")) ?? "").replace(/^Tracks of /, "");
  return { title, tracks: await trackTitles(table) };
}

export const playlistTable = (page: Page, name: string) =>
  page.getByRole("table", { name: `Tracks of ${name}` });

export const trackTitles = (table: Locator) => table.locator("tbody .track-title").allInnerTexts();

/** A row of a track list, by its track's title. */
export const rowOf = (table: Locator, title: string) =>
  table.locator("tbody tr").filter({ has: table.page().locator(".track-title", { hasText: title }) });

/** Opens a track row's "More options" menu and picks an item. */
export async function rowMenu(page: Page, title: string, item: string): Promise<void> {
  await page.getByRole("button", { name: `More options for ${title}` }).click();
  await page
    .getByRole("menu", { name: `More options for ${title}` })
    .getByRole("menuitem", { name: item })
    .click();
}

/** Makes a playlist and fills it over the API (the spec is about something else). */
export async function playlistWithAlbums(
  page: Page,
  albums: number[],
): Promise<{ id: string; name: string }> {
  const call = async (path: string, input: unknown) => {
    const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
    expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
    return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
  };
  const get = async (path: string, input: unknown) => {
    const res = await page.request.get(
      `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    );
    expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
    return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
  };
  const created = (await call("playlist.create", {})) as { id: string; name: string };
  const { albums: all } = (await get("catalog.albums", { limit: 48 })) as { albums: { id: string }[] };
  for (const n of albums) {
    const album = (await get("catalog.album", { id: all[n]?.id })) as { tracks: { id: string }[] };
    await call("playlist.addTracks", { id: created.id, trackIds: album.tracks.map((t) => t.id) });
  }
  return created;
}
