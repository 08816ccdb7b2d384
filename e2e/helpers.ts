import { randomBytes } from "node:crypto";

import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const uniqueEmail = () => `e2e-${randomBytes(5).toString("hex")}@example.com`;
export const strongPassword = "a tune you can hum 4ever";

export async function signUpThroughUi(
  page: Page,
  email: string,
  password = strongPassword,
  name = "Listener",
) {
  await page.goto("/signup");
  await page.getByLabel("What should we call you?").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
}

/** Picks an item of the avatar's menu in the top bar ("Account", "Your profile", "Sign out"). */
export async function accountMenu(page: Page, item: string) {
  await page.locator("header.topbar").getByRole("button", { name: "Your account" }).click();
  await page.getByRole("menu", { name: "Your account" }).getByRole("menuitem", { name: item }).click();
}

export async function signInThroughUi(page: Page, email: string, password = strongPassword) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in over HTTP the way the browser's next-auth client does; returns the session cookie header. */
export async function signInOverHttp(request: APIRequestContext, email: string, password = strongPassword) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken: csrf.csrfToken, json: "true" },
    maxRedirects: 0,
  });
  return res;
}

export async function trpcQuery(request: APIRequestContext, path: string, cookie?: string) {
  return request.get(`/api/trpc/${path}`, { headers: cookie ? { cookie } : {} });
}

export async function trpcMutation(
  request: APIRequestContext,
  path: string,
  input: unknown,
  cookie?: string,
) {
  return request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
  });
}

export function sessionCookieOf(page: Page) {
  return page
    .context()
    .cookies()
    .then((cookies) => {
      const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
      expect(session, "session cookie").toBeTruthy();
      return `${session?.name}=${session?.value}`;
    });
}

/** The seeded demo listener, with the password the e2e server gives it. */
export { E2E_DEMO as demoListener } from "../scripts/e2e-constants";

export { trpcGet } from "../test/trpc-http";
