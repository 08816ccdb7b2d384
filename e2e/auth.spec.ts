import { expect, test } from "@playwright/test";

import {
  accountMenu,
  sessionCookieOf,
  signInOverHttp,
  signInThroughUi,
  signUpThroughUi,
  strongPassword,
  trpcMutation,
  trpcQuery,
  uniqueEmail,
} from "./helpers";
import { createAccountInDb } from "./auth-fixtures";

test("a listener signs up, signs out and signs back in", async ({ page }) => {
  const email = uniqueEmail();
  await signUpThroughUi(page, email, strongPassword, "Nina");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Good (morning|afternoon|evening)/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  await accountMenu(page, "Sign out");
  await expect(page).toHaveURL(/\/signin/);

  await signInThroughUi(page, email);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page.getByLabel("Display name")).toHaveValue("Nina");
});

test("sign-up explains a duplicate email and a weak password next to the field", async ({ page }) => {
  const email = uniqueEmail();
  await signUpThroughUi(page, email);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await page.context().clearCookies();

  await signUpThroughUi(page, email.toUpperCase());
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await signUpThroughUi(page, uniqueEmail(), "password123");
  await expect(page.getByRole("alert").filter({ hasText: "too common" })).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("a 100-character password works, and is not truncated", async ({ page, request }) => {
  const email = uniqueEmail();
  const long = "My favourite record spins at 33 and a third; ".repeat(3).slice(0, 100);
  expect(long).toHaveLength(100);
  await signUpThroughUi(page, email, long);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  const truncated = await signInOverHttp(request, email, long.slice(0, 72));
  expect(truncated.status()).toBe(401);
  const full = await signInOverHttp(request, email, long);
  expect(full.status()).toBe(200);
});

test("repeated wrong passwords are throttled with 429 and Retry-After", async ({ page, request }) => {
  const email = uniqueEmail();
  await signUpThroughUi(page, email);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  for (let i = 0; i < 5; i++) {
    expect((await signInOverHttp(request, email, `wrong password ${i}`)).status()).toBe(401);
  }
  const throttled = await signInOverHttp(request, email, strongPassword);
  expect(throttled.status()).toBe(429);
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);

  // The form says so too: the limit is per account and address, so the browser makes its own
  // wrong guesses (at another account, as the browser may reach the app from another address).
  const other = uniqueEmail();
  await createAccountInDb(other);
  await page.context().clearCookies();
  for (let i = 0; i < 5; i++) {
    await signInThroughUi(page, other, `wrong in the browser ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  }
  await signInThroughUi(page, other);
  await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in attempts" })).toBeVisible();
});

test("another listener's session cannot read or change my profile", async ({ browser, request }) => {
  const alice = await browser.newPage();
  const aliceEmail = uniqueEmail();
  await signUpThroughUi(alice, aliceEmail, strongPassword, "Alice");
  await expect(alice.getByText(`Signed in as ${aliceEmail}`)).toBeVisible();
  const bob = await browser.newPage();
  const bobEmail = uniqueEmail();
  await signUpThroughUi(bob, bobEmail, strongPassword, "Bob");
  await expect(bob.getByText(`Signed in as ${bobEmail}`)).toBeVisible();
  const bobCookie = await sessionCookieOf(bob);
  const aliceCookie = await sessionCookieOf(alice);

  const me = await trpcQuery(request, "user.me", bobCookie);
  const meBody = (await me.json()) as { result: { data: { json: { id: string; email: string } } } };
  expect(meBody.result.data.json.email).toBe(bobEmail);

  const aliceMe = (await (await trpcQuery(request, "user.me", aliceCookie)).json()) as typeof meBody;
  const aliceId = aliceMe.result.data.json.id;
  const attempt = await trpcMutation(
    request,
    "user.updateProfile",
    { userId: aliceId, displayName: "Hacked" },
    bobCookie,
  );
  expect(attempt.status()).toBe(400);
  const after = (await (await trpcQuery(request, "user.me", aliceCookie)).json()) as {
    result: { data: { json: { profile: { displayName: string } } } };
  };
  expect(after.result.data.json.profile.displayName).toBe("Alice");
  expect((await trpcQuery(request, "user.me")).status()).toBe(401);
});

test("an old session cookie is rejected after sign-out", async ({ page, request }) => {
  const email = uniqueEmail();
  await signUpThroughUi(page, email);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  const cookie = await sessionCookieOf(page);
  expect((await trpcQuery(request, "user.me", cookie)).status()).toBe(200);

  await accountMenu(page, "Sign out");
  await expect(page).toHaveURL(/\/signin/);
  expect((await trpcQuery(request, "user.me", cookie)).status()).toBe(401);
});

test("changing the password ends other sessions and keeps this one", async ({ browser, request }) => {
  const email = uniqueEmail();
  const laptop = await browser.newPage();
  await signUpThroughUi(laptop, email);
  await expect(laptop.getByText(`Signed in as ${email}`)).toBeVisible();
  const laptopCookie = await sessionCookieOf(laptop);

  const phone = await (await browser.newContext()).newPage();
  await signInThroughUi(phone, email);
  await expect(phone.getByText(`Signed in as ${email}`)).toBeVisible();
  await phone.goto("/account");
  await phone.getByLabel("Current password").fill(strongPassword);
  await phone.getByLabel("New password").fill("an entirely new refrain");
  await phone.getByRole("button", { name: "Change password" }).click();
  await expect(phone.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  expect((await trpcQuery(request, "user.me", laptopCookie)).status()).toBe(401);
  await laptop.reload();
  await expect(laptop).toHaveURL(/\/signin/);
  await phone.reload();
  await expect(phone.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
});

test("malformed and oversized requests get 4xx, never 5xx", async ({ request }) => {
  const email = uniqueEmail();
  const signUp = await trpcMutation(request, "auth.signUp", {
    email,
    password: strongPassword,
    displayName: "M",
  });
  expect(signUp.status()).toBe(200);
  const login = await signInOverHttp(request, email);
  expect(login.status()).toBe(200);

  const cases = [
    request.post("/api/trpc/auth.signUp", {
      data: "{not json",
      headers: { "content-type": "application/json" },
    }),
    request.post("/api/trpc/auth.signUp", {
      data: { json: "a string" },
      headers: { "content-type": "application/json" },
    }),
    request.post("/api/trpc/auth.signUp", {
      data: { json: { email: 42 } },
      headers: { "content-type": "application/json" },
    }),
    request.get("/api/trpc/auth.signUp?input=%7Bbroken"),
    request.get("/api/trpc/no.such.procedure"),
    request.post("/api/trpc/user.me", { data: {} }),
    request.post("/api/trpc/auth.signUp", {
      data: { json: { email: "x@example.com", password: "p".repeat(3_000_000), displayName: "big" } },
      headers: { "content-type": "application/json" },
    }),
    request.get(`/api/trpc/${Array.from({ length: 50 }, () => "user.me").join(",")}?batch=1`),
    request.post("/api/auth/callback/credentials", { form: { nonsense: "1" } }),
  ];
  for (const res of await Promise.all(cases)) {
    expect(res.status(), `${res.url()} -> ${res.status()}`).toBeGreaterThanOrEqual(400);
    expect(res.status(), `${res.url()} -> ${res.status()}`).toBeLessThan(500);
  }
  const oversized = await cases[6];
  expect(oversized?.status()).toBe(413);
});
