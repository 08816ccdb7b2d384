import { expect, test } from "@playwright/test";

import { createAccountInDb } from "./auth-fixtures";
import { signInOverHttp, signInThroughUi, strongPassword, uniqueEmail } from "./helpers";

// Tampered or broken next-auth cookies (http names: the e2e server runs on http://localhost).
const malformed: [string, Record<string, string>][] = [
  ["a callback-url that does not parse", { "next-auth.callback-url": "http://x:y/" }],
  ["an off-site callback-url", { "next-auth.callback-url": "https://evil.example/" }],
  ["a javascript: callback-url", { "next-auth.callback-url": "javascript:alert(1)" }],
  ["a huge callback-url", { "next-auth.callback-url": `/${"a".repeat(3800)}` }],
  ["a csrf-token without its hash", { "next-auth.csrf-token": "garbage" }],
  ["a csrf-token with extra parts", { "next-auth.csrf-token": "a|b|c|d" }],
  ["a session-token that is not a JWT", { "next-auth.session-token": "not.a.jwt" }],
  ["a huge session-token", { "next-auth.session-token": "x".repeat(3800) }],
  [
    "chunked session-token garbage",
    { "next-auth.session-token.0": "eyJhbGciOi".repeat(300), "next-auth.session-token.1": "%%%" },
  ],
];

for (const [name, cookies] of malformed) {
  test(`${name} is ignored, never a 500`, async ({ browser, baseURL }) => {
    const email = uniqueEmail();
    await createAccountInDb(email);
    const context = await browser.newContext();
    try {
      await context.addCookies(
        Object.entries(cookies).map(([cookie, value]) => ({ name: cookie, value, url: baseURL ?? "" })),
      );
      const page = await context.newPage();
      for (const path of [
        "/",
        "/signin",
        "/account",
        "/api/auth/session",
        "/api/auth/csrf",
        "/api/auth/providers",
      ]) {
        const res = await context.request.get(path);
        expect(res.status(), `${path} with ${name}`).toBeLessThan(500);
      }
      // The app still works with the cookie there: sign in, and land on the home page.
      expect((await signInOverHttp(context.request, email)).status()).toBe(200);
      await context.clearCookies();
      await context.addCookies(
        Object.entries(cookies).map(([cookie, value]) => ({ name: cookie, value, url: baseURL ?? "" })),
      );
      await signInThroughUi(page, email);
      await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    } finally {
      await context.close();
    }
  });
}

test("a callbackUrl parameter that does not parse is ignored, never a 500", async ({ request }) => {
  for (const value of ["http://x:y/", "javascript:alert(1)", "//evil.example"]) {
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin"]) {
      const res = await request.get(`${path}?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
      expect(res.status(), `${path} with callbackUrl=${value}`).toBeLessThan(500);
    }
  }
});

test("a callback URL that would leave the site sends the listener home after signing in", async ({
  browser,
  baseURL,
}) => {
  const email = uniqueEmail();
  await createAccountInDb(email);
  const origin = new URL(baseURL ?? "").origin;
  for (const callbackUrl of [
    "/\\evil.example",
    "/%09/evil.example",
    "//evil.example",
    "https://evil.example/",
  ]) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(strongPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
      expect(new URL(page.url()).origin, callbackUrl).toBe(origin);
      expect(new URL(page.url()).pathname, callbackUrl).toBe("/");
    } finally {
      await context.close();
    }
  }
  // A same-site callback is still honoured.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/account?tab=1")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(strongPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\?tab=1$/);
  await context.close();
});
