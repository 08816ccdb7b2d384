import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";
import postgres from "postgres";

import { e2eDatabaseUrl } from "../scripts/e2e-constants";
import { fromAddress, signUpBody } from "./edge-http";
import { signInThroughUi, strongPassword, trpcGet } from "./helpers";

const db = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => undefined });
test.afterAll(() => db.end());

test("an account with a generated password is sent to change it, and is locked out of the rest until then", async ({
  page,
  baseURL,
}) => {
  // The state the start script leaves a generated admin password in; signed up from an address
  // of its own so the sign-up limit of the other specs' machine is not spent.
  const email = `edge-${randomBytes(5).toString("hex")}@example.com`;
  const signUp = await fromAddress("127.0.0.41", baseURL).post(
    "/api/trpc/auth.signUp",
    signUpBody(email, strongPassword),
    { "content-type": "application/json" },
  );
  expect(signUp.status).toBe(200);
  await db`update "user" set password_change_required = true where email = ${email}`;

  await signInThroughUi(page, email);
  await expect(page).toHaveURL(/\/account$/);
  const banner = page.getByRole("alert").filter({ hasText: "Change your password to continue" });
  await expect(banner).toBeVisible();
  // The sidebar does not call the refusal a failure to load: it shows Liked Songs alone.
  await expect(page.locator("aside").getByRole("link", { name: /^Liked Songs/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.locator("aside").getByText("could not be loaded")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("password-change-banner.png"), fullPage: true });

  // The server refuses the rest, with a message that says what to do; user.me tells the UI why.
  const me = await trpcGet<{ passwordChangeRequired: boolean }>(page.request, "user.me", undefined);
  expect(me.passwordChangeRequired).toBe(true);
  const albums = await page.request.get("/api/trpc/catalog.albums?input=%7B%22json%22%3A%7B%7D%7D");
  expect(albums.status()).toBe(403);
  expect(await albums.text()).toContain("Change your password to continue");
  // Going elsewhere lands on the account page again.
  await page.goto("/");
  await expect(page).toHaveURL(/\/account$/);

  await page.getByLabel("Current password").fill(strongPassword);
  await page.getByLabel("New password").fill("a passphrase of my very own");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(banner).toBeHidden();

  await page.getByRole("link", { name: "Home", exact: true }).click();
  await expect(page.getByRole("list", { name: "Albums" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Albums" })).toBeVisible();
  await expect(banner).toBeHidden();
  const after = await trpcGet<{ passwordChangeRequired: boolean }>(page.request, "user.me", undefined);
  expect(after.passwordChangeRequired).toBe(false);
});
