import type { Locator, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import postgres from "postgres";

import { e2eDatabaseUrl } from "../scripts/e2e-constants";
import { forgetCachedCatalog, forgetCachedSessions } from "./catalog-cache";
import { demoListener } from "./helpers";
import { expectPlaying, playerState, signInAsListener } from "./listener-fixtures";

// The e2e catalog's first album, Neon Tidewater: four tracks by Marlow Vane.
const ALBUM = "Neon Tidewater";
const REGION_LOCKED = "Chrome Gulls";
const EXPLICIT = "Tidewater Drive";

const db = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => undefined });

/** The demo listener's licensing country: the server sets it (GeoIP at sign-up), not the listener. */
async function setLicenseCountry(country: string) {
  await db`update "user" set license_country = ${country} where email = ${demoListener.email}`;
  forgetCachedSessions();
}

test.beforeAll(async () => {
  // Rights as a label would send them: one track licensed for the US only, one marked explicit.
  await db`update track set territories = ${["US"]} where title = ${REGION_LOCKED}`;
  await db`update track set explicit = true where title = ${EXPLICIT}`;
  forgetCachedCatalog();
});
test.afterAll(async () => {
  await db`update track set territories = null where title = ${REGION_LOCKED}`;
  await db`update track set explicit = false where title = ${EXPLICIT}`;
  forgetCachedCatalog();
  // Put the shared demo listener back as the other specs expect it.
  await setLicenseCountry("US");
  await db`update preference set explicit_content = true
    where user_id = (select id from "user" where email = ${demoListener.email})`;
  forgetCachedSessions();
  await db.end();
});

async function allowExplicit(page: Page, allow: boolean) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Account", exact: true })
    .click();
  await page.getByLabel("Allow explicit content").setChecked(allow);
  await page.getByRole("button", { name: "Save playback settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
}

async function openAlbum(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Home", exact: true })
    .click();
  await page
    .getByRole("list", { name: "Albums" })
    .getByRole("link", { name: new RegExp(ALBUM) })
    .click();
  const list = page.getByRole("table", { name: `Tracks of ${ALBUM}` });
  await expect(list).toBeVisible();
  return list;
}

const row = (list: Locator, title: string) => list.getByRole("row").filter({ hasText: title });

test("a region-locked track says why in its row, to the eye and to a screen reader, and won't play", async ({
  page,
}) => {
  await setLicenseCountry("DE");
  await signInAsListener(page);
  const list = await openAlbum(page);

  const locked = row(list, REGION_LOCKED);
  await expect(locked).toContainText("This track is not available in your country");
  await expect(locked).toHaveAttribute("aria-disabled", "true");
  // The reason is part of what a screen reader reads for the row.
  await expect(
    list.getByRole("row", { name: new RegExp(`${REGION_LOCKED}.*not available in your country`) }),
  ).toBeVisible();
  // Its play button, there for a screen reader, is disabled and says why.
  const button = locked.getByRole("button", { name: `Play ${REGION_LOCKED}` });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription("This track is not available in your country");
  await expect(button).toHaveCSS("opacity", "0");

  // Neither Enter on the row nor a double click plays it.
  await locked.focus();
  await page.keyboard.press("Enter");
  // Forced: Playwright will not click an aria-disabled row, but a listener's mouse will.
  await locked.dblclick({ force: true });
  await page.waitForTimeout(500);
  expect((await playerState(page)).status).toBe("idle");

  // Playing the album skips it.
  await page.getByRole("button", { name: `Play ${ALBUM}` }).click();
  const first = (await list.getByRole("row").nth(1).locator(".track-title").textContent()) ?? "";
  await expectPlaying(page, first);
  const queue = (await playerState(page)).queue;
  expect(queue).toHaveLength(3);
  expect(queue).not.toContain(REGION_LOCKED);

  // Where the track is licensed, it plays.
  await page.getByRole("button", { name: "Pause", exact: true }).first().click();
  await setLicenseCountry("US");
  const again = await openAlbum(page);
  await expect(row(again, REGION_LOCKED)).not.toContainText("not available");
  await row(again, REGION_LOCKED).dblclick();
  await expectPlaying(page, REGION_LOCKED);
});

test("with explicit content off, explicit tracks are greyed out with the reason; on, they play", async ({
  page,
}) => {
  await signInAsListener(page);
  await allowExplicit(page, false);
  const list = await openAlbum(page);

  const explicit = row(list, EXPLICIT);
  await expect(explicit).toContainText("Explicit content is off in your settings");
  await expect(explicit).toHaveAttribute("aria-disabled", "true");
  await expect(explicit.getByText("(explicit)")).toBeAttached();
  await explicit.focus();
  await page.keyboard.press("Enter");
  await page.waitForTimeout(500);
  expect((await playerState(page)).status).toBe("idle");

  await allowExplicit(page, true);
  const again = await openAlbum(page);
  await expect(row(again, EXPLICIT)).not.toContainText("Explicit content is off");
  await row(again, EXPLICIT).focus();
  await page.keyboard.press("Enter");
  await expectPlaying(page, EXPLICIT);
});
