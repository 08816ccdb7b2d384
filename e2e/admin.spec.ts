import { expect, test } from "@playwright/test";

import { E2E_ADMIN, E2E_DEMO } from "../scripts/e2e-constants";
import { signInThroughUi } from "./helpers";

// The e2e app runs without MUSIC_DIR: the console says so and offers no rescan.
test("the admin reaches the console from the top bar; it shows the music folder's status", async ({
  page,
}) => {
  await signInThroughUi(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Music folder" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Music folder" }).getByRole("status")).toHaveText(
    "Not configured",
  );
  await expect(page.getByText("No music folder is set")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rescan music folder" })).toBeDisabled();
  await page.screenshot({ path: "test-results/admin-console.png", fullPage: true });
});

test("a listener has no way in: no link, and /admin does not exist", async ({ page }) => {
  await signInThroughUi(page, E2E_DEMO.email, E2E_DEMO.password);
  await expect(page.getByRole("button", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
});
