import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { demoListener, signInThroughUi } from "./helpers";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("every page carries a strict CSP whose nonce is new each time and is on all its scripts", async ({
  request,
}) => {
  const nonces: string[] = [];
  for (const path of ["/signin", "/signin", "/signup"]) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const csp = res.headers()["content-security-policy"];
    const nonce = nonceOf(csp);
    expect(nonce, `${path} CSP nonce`).toBeTruthy();
    nonces.push(nonce ?? "");

    const directives = new Map(csp?.split("; ").map((d) => [d.split(" ")[0], d] as const));
    expect(directives.get("script-src")).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(directives.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directives.get("object-src")).toBe("object-src 'none'");
    expect(directives.get("base-uri")).toBe("base-uri 'self'");
    expect(directives.get("connect-src")).toBe("connect-src 'self'");

    const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    expect(res.headers()["permissions-policy"]).toContain("camera=()");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
    // Served over http here: HSTS would lock browsers out of a site without TLS.
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
  }
  expect(new Set(nonces).size).toBe(3);
});

/** CSP violations the page reports, and the console's CSP complaints. */
async function watchViolations(page: Page) {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/content security policy|CSP/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return {
    console,
    reported: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

test("a track plays under the CSP in Chromium with no violation on any page", async ({ page }) => {
  const violations = await watchViolations(page);
  await signInThroughUi(page, demoListener.email, demoListener.password);
  await expect(page.getByRole("list", { name: "Albums" })).toBeVisible();
  await page.getByRole("list", { name: "Albums" }).getByRole("link").first().click();
  await expect(page.getByText(/^(Album|Single)$/)).toBeVisible();
  const albumTitle = await page.getByRole("heading", { level: 1 }).textContent();
  await page.getByRole("button", { name: `Play ${albumTitle}` }).click();
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            (window as unknown as { cadencePlayer?: { currentTime: number } }).cadencePlayer?.currentTime ??
            0,
        ),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(1.5);
  await expect(page.getByRole("button", { name: "Pause", exact: true }).first()).toBeVisible();
  expect(await violations.reported()).toEqual([]);

  // The account page (inline style attributes), reached by link and loaded afresh.
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page.getByLabel("Display name")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Display name")).toBeVisible();
  expect(await violations.reported()).toEqual([]);
  expect(violations.console).toEqual([]);

  // The watch itself works: something the policy forbids is reported.
  await page.evaluate(() => {
    new Image().src = "https://example.invalid/pixel.png";
  });
  await expect.poll(violations.reported).toEqual([expect.stringMatching(/^img-src/)]);
});
