import http from "node:http";

import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, request as playwrightRequest, test } from "@playwright/test";

import { createAccountInDb } from "./auth-fixtures";
import { signInOverHttp, strongPassword, uniqueEmail } from "./helpers";

const PAIR_LIMIT = 5;

/** The app at another loopback address: IPv6 ::1 is a different client address from 127.0.0.1. */
function otherAddress(baseURL: string | undefined): string {
  const url = new URL(baseURL ?? "http://localhost:3210");
  url.hostname = "[::1]";
  return url.origin;
}
function ipv4(baseURL: string | undefined): string {
  const url = new URL(baseURL ?? "http://localhost:3210");
  url.hostname = "127.0.0.1";
  return url.origin;
}

async function signInWith(request: APIRequestContext, csrfToken: string, email: string, password: string) {
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    maxRedirects: 0,
  });
}

test("30 parallel sign-in attempts check no more passwords than the limit", async ({ request }) => {
  const email = uniqueEmail();
  await createAccountInDb(email);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const guesses = Array.from({ length: 30 }, (_, i) => (i === 20 ? strongPassword : `wrong guess ${i}`));
  const responses = await Promise.all(guesses.map((g) => signInWith(request, csrfToken, email, g)));
  const statuses = responses.map((r) => r.status());
  const checked = statuses.filter((s) => s === 200 || s === 401).length;
  console.log(
    `30 parallel attempts: ${checked} passwords checked, statuses ${JSON.stringify(count(statuses))}`,
  );
  expect(checked).toBeLessThanOrEqual(PAIR_LIMIT);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - PAIR_LIMIT);
  const throttled = responses.find((r) => r.status() === 429) as APIResponse;
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await throttled.json()) as { error: string }).error).toMatch(/Too many sign-in attempts/);
});

test("an attacker's address failing repeatedly does not lock the owner out", async ({ baseURL }) => {
  const email = uniqueEmail();
  await createAccountInDb(email);
  const attacker = await playwrightRequest.newContext({ baseURL: ipv4(baseURL) });
  const owner = await playwrightRequest.newContext({ baseURL: otherAddress(baseURL) });
  try {
    for (let i = 0; i < PAIR_LIMIT; i++) {
      expect((await signInOverHttp(attacker, email, `attacker guess ${i}`)).status()).toBe(401);
    }
    expect((await signInOverHttp(attacker, email, strongPassword)).status()).toBe(429);

    const signedIn = await signInOverHttp(owner, email, strongPassword);
    expect(signedIn.status()).toBe(200);
    // The owner's browser is now a known device: a signed, HttpOnly cookie for the auth routes.
    const device = (await owner.storageState()).cookies.find((c) => c.name.endsWith("cadence.device"));
    expect(device).toMatchObject({ httpOnly: true, path: "/api/auth", sameSite: "Lax" });
    expect(device?.value).toMatch(/^[0-9a-f-]{36}\.\d+\.[\w-]+$/);
    const session = (await (await owner.get("/api/auth/session")).json()) as { user?: { email?: string } };
    expect(session.user?.email).toBe(email);
  } finally {
    await attacker.dispose();
    await owner.dispose();
  }
});

test("an email that is not one (a NUL byte) is a plain failed sign-in, with nothing internal in the answer", async ({
  request,
}) => {
  const res = await signInOverHttp(request, "a\u0000b@x.com", strongPassword);
  expect(res.status()).toBe(401);
  const body = await res.text();
  expect(body).toContain("error=CredentialsSignin");
  expect(body.toLowerCase()).not.toMatch(/select|insert|"user"|postgres|sql/);
});

/** Posts `bytes` of body in chunks with no Content-Length, and returns the status the server answers. */
function postStreamed(origin: string, path: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

test("auth routes refuse oversized bodies with 413 before reading them", async ({ request, baseURL }) => {
  for (const size of [20, 60]) {
    const body = "email=a%40b.c&password=" + "p".repeat(size * 1024 * 1024);
    for (const path of ["/api/auth/callback/credentials", "/api/auth/signout"]) {
      const res = await request.post(path, {
        data: body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(res.status(), `${size} MB to ${path}`).toBe(413);
    }
  }
  // Without a declared length, the stream is cut off once past the cap.
  expect(await postStreamed(ipv4(baseURL), "/api/auth/callback/credentials", 20 * 1024 * 1024)).toBe(413);
  // Bodies under the cap still work, and a malformed JSON body is a 400, not a 500.
  const broken = await request.post("/api/auth/callback/credentials", {
    data: "{not json",
    headers: { "content-type": "application/json" },
  });
  expect(broken.status()).toBe(400);
});

function count(values: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
