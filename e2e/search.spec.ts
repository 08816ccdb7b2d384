import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { expectPlaying, signInAsListener } from "./listener-fixtures";

// The e2e server's demo catalog: one artist, two albums, one genre (scripts/e2e-constants.ts).
const ARTIST = "Marlow Vane";

const box = (page: Page) => page.getByRole("searchbox", { name: "Search" });
const topResult = (page: Page) => page.getByRole("region", { name: "Top result" });
const songs = (page: Page) => page.getByRole("table", { name: "Songs" });
const recent = (page: Page) => page.getByRole("list", { name: "Recent searches" });

/** Types into the header's box one key at a time, as a listener does. */
async function type(page: Page, text: string) {
  await box(page).pressSequentially(text, { delay: 30 });
}

/** Empties the box and waits for the page with no query. */
async function clearBox(page: Page) {
  await box(page).fill("");
  await expect(page).toHaveURL(/\/search$/);
}

async function clearRecentSearches(page: Page) {
  await page.goto("/search");
  const clear = page.getByRole("button", { name: "Clear recent searches" });
  if (await clear.isVisible()) await clear.click();
  await expect(recent(page)).toHaveCount(0);
}

test("a misspelt artist typed into the header's box comes up as the top result", async ({ page }) => {
  await signInAsListener(page);
  const searches: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("search.search")) searches.push(request.url());
  });

  // "/" from anywhere reaches the box; typing there opens the search page.
  await page.locator("body").press("/");
  await expect(box(page)).toBeFocused();
  await type(page, "marlo vnae");
  await expect(page).toHaveURL(/\/search\?q=marlo\+vnae$/);
  await expect(box(page)).toHaveValue("marlo vnae");
  await expect(box(page)).toBeFocused();

  await expect(topResult(page).getByRole("link", { name: new RegExp(ARTIST) })).toBeVisible();
  await expect(topResult(page)).toContainText("Artist");
  await expect(page.getByText(/^Showing results for/)).toContainText("vane");
  await expect(topResult(page).getByRole("button", { name: `Play ${ARTIST}` })).toBeEnabled();
  // Its albums and songs are there too, each kind on its own shelf.
  await expect(page.getByRole("list", { name: "Albums" }).getByRole("link")).toHaveCount(2);
  await expect(songs(page).getByRole("row")).toHaveCount(6); // heading and five songs
  // Typing was debounced: far fewer searches went out than keys were pressed.
  expect(searches.length).toBeLessThanOrEqual(4);

  // "Show all" of the songs: the whole list, for the same search.
  await page.getByRole("link", { name: "Show all: Songs" }).click();
  await expect(page).toHaveURL(/\/search\/songs\?q=marlo\+vnae$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Songs");
  await expect(page.getByRole("table", { name: /^Songs for / }).getByRole("row")).toHaveCount(7);
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=marlo\+vnae$/);

  // A year chip narrows the search, in the address too; Back takes it off.
  const years = page.getByRole("group", { name: "Release year" });
  await years.getByRole("button", { name: /^2019/ }).click();
  await expect(page).toHaveURL(/year=2019/);
  await expect(years.getByRole("button", { name: /^2019/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("list", { name: "Albums" }).getByRole("link")).toHaveCount(1);
  await expect(page.getByRole("list", { name: "Albums" })).toContainText("Neon Tidewater");

  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=marlo\+vnae$/);
  await expect(box(page)).toHaveValue("marlo vnae");
  await expect(page.getByRole("list", { name: "Albums" }).getByRole("link")).toHaveCount(2);
});

test("an answer to an older text is cancelled and never replaces the newer one", async ({ page }) => {
  await signInAsListener(page);
  // The server is slow to answer "afterglow" and quick for what is typed after it.
  await page.route("**/api/trpc/search.search*", async (route) => {
    if (decodeURIComponent(route.request().url()).includes("afterglow")) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    await route.continue().catch(() => undefined); // aborted meanwhile
  });
  const aborted: string[] = [];
  page.on("requestfailed", (request) => {
    if (request.url().includes("search.search")) aborted.push(decodeURIComponent(request.url()));
  });
  await page.goto("/search");
  await box(page).focus();
  await type(page, "afterglow");
  // Past the debounce: the request for "afterglow" is out, and slow.
  await page.waitForTimeout(400);
  await box(page).fill("neon tidewater");
  await expect(topResult(page)).toContainText("Neon Tidewater");
  // The slow answer's time comes and goes; the page still shows the newer text's results.
  await page.waitForTimeout(1_800);
  await expect(topResult(page)).toContainText("Neon Tidewater");
  await expect(page.getByRole("list", { name: "Albums" })).not.toContainText("Afterglow Drive");
  expect(aborted.some((url) => url.includes("afterglow"))).toBe(true);
});

test("a listener moves to a song with the arrow keys, presses Enter and hears it", async ({ page }) => {
  await signInAsListener(page);
  await box(page).focus();
  await type(page, "overpass romance");
  await expect(topResult(page)).toContainText("Overpass Romance");
  const first = songs(page).getByRole("row").nth(1);
  await expect(first).toContainText("Overpass Romance");

  // ↓ from the box to the top result, ↓ again to the first song, Escape back to the box.
  await box(page).press("ArrowDown");
  await expect(topResult(page).getByRole("link").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(first).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(box(page)).toBeFocused();
  await box(page).press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(first).toBeFocused();

  await page.keyboard.press("Enter");
  await expectPlaying(page, "Overpass Romance");
  await expect(first).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("now-playing-title")).toHaveText("Overpass Romance");
  // Playing a result remembers the search.
  await clearBox(page);
  await expect(recent(page).getByRole("link", { name: "overpass romance" })).toBeVisible();
});

test("recent searches are listed newest first, removed one by one, and cleared", async ({ page }) => {
  await signInAsListener(page);
  await clearRecentSearches(page);

  // Enter remembers a search.
  for (const query of ["neon tidewater", "afterglow"]) {
    await box(page).focus();
    await type(page, query);
    await expect(topResult(page)).toBeVisible();
    await box(page).press("Enter");
    await clearBox(page);
    await expect(recent(page).getByRole("link", { name: query })).toBeVisible();
  }
  await expect(recent(page).getByRole("link")).toHaveText(["afterglow", "neon tidewater"]);

  // One is removed with its own button, and stays removed.
  await page.getByRole("button", { name: "Remove “neon tidewater” from recent searches" }).click();
  await expect(recent(page).getByRole("link")).toHaveText(["afterglow"]);
  await page.reload();
  await expect(recent(page).getByRole("link")).toHaveText(["afterglow"]);

  // A recent search opens its results again, the box showing it.
  await recent(page).getByRole("link", { name: "afterglow" }).click();
  await expect(box(page)).toHaveValue("afterglow");
  await expect(page.getByRole("list", { name: "Albums" })).toContainText("Afterglow Drive");

  // Clear them all.
  await clearBox(page);
  await page.getByRole("button", { name: "Clear recent searches" }).click();
  await expect(recent(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Browse all" })).toBeVisible();
  await expect(recent(page)).toHaveCount(0);
});

test("an empty search offers genres to browse, each leading to its genre", async ({ page }) => {
  await signInAsListener(page);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Search", exact: true })
    .click();
  await expect(page).toHaveURL(/\/search$/);
  const browse = page.getByRole("list", { name: "Browse all" });
  await expect(browse.getByRole("link", { name: /Synthwave/ })).toBeVisible();

  // Typing replaces the genres with results; emptying the box brings them back.
  await box(page).focus();
  await type(page, "vane");
  await expect(topResult(page)).toBeVisible();
  await expect(browse).toHaveCount(0);
  await clearBox(page);
  await expect(browse.getByRole("link", { name: /Synthwave/ })).toBeVisible();

  await browse.getByRole("link", { name: /Synthwave/ }).click();
  await expect(page).toHaveURL(/\/genre\/Synthwave$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Synthwave");
  // Leaving the search page empties the box.
  await expect(box(page)).toHaveValue("");
});

test("odd input gets an answer on the page, never a broken page", async ({ page }) => {
  await signInAsListener(page);
  // Nothing matches.
  await box(page).focus();
  await type(page, "zzqxj wvvkq");
  await expect(page.getByRole("heading", { name: "No results found for “zzqxj wvvkq”" })).toBeVisible();
  // A control character (only an address can carry one) is refused by the server, said inline.
  await page.goto("/search?q=neon%01tide");
  await expect(page.getByRole("alert").filter({ hasText: "This search can’t be run" })).toContainText(
    "Remove control characters",
  );
  await expect(box(page)).toBeVisible();
  // The longest text the box takes, all of it symbols and letters from elsewhere.
  await clearBox(page);
  const long = "ß♪<script>'\"%_\\".repeat(20).slice(0, 200);
  await box(page).fill(long);
  await expect(page.getByRole("status").filter({ hasText: /^(No results|Results) for “ß♪/ })).toHaveCount(1);
  await expect(page.getByRole("alert").filter({ hasText: "can’t be run" })).toHaveCount(0);
});
