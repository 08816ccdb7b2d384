import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { SIGN_IN_LIMITS } from "@cadence/domain/auth";

import { forgedAddressHeaders, fromAddress, signInFrom, signUpBody } from "./edge-http";
import { strongPassword } from "./helpers";

// Each test is its own "machine" (a loopback address of its own); runs start with fresh counters.
const email = () => `edge-${randomBytes(5).toString("hex")}@example.com`;
const signUpPath = "/api/trpc/auth.signUp";
const json = { "content-type": "application/json" };

test("sign-ups with made-up X-Forwarded-For are still counted against the machine that sent them", async ({
  baseURL,
}) => {
  const machine = fromAddress("127.0.0.31", baseURL);
  const statuses: number[] = [];
  // Every request claims another address, the way the reported abuse did after its first 429.
  for (let i = 1; i <= 14; i++) {
    const res = await machine.post(signUpPath, signUpBody(email(), strongPassword), {
      ...json,
      ...forgedAddressHeaders(i),
    });
    statuses.push(res.status);
  }
  // 10 sign-ups an hour per address (packages/domain/src/account.ts), then 429 whatever is claimed.
  expect(statuses).toEqual([...Array<number>(10).fill(200), ...Array<number>(4).fill(429)]);

  // The limit is this machine's, not everyone's: another address still signs up.
  const neighbour = fromAddress("127.0.0.32", baseURL);
  const res = await neighbour.post(signUpPath, signUpBody(email(), strongPassword), json);
  expect(res.status).toBe(200);
});

test("failed sign-ins with made-up X-Forwarded-For are still throttled by the sending machine", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const machine = fromAddress("127.0.0.33", baseURL);
  const perAddress = SIGN_IN_LIMITS.ip.limit;
  // A different account each time, so only the per-address limit can stop the guessing.
  for (let i = 1; i <= perAddress; i++) {
    const res = await signInFrom(machine, email(), `guess number ${i}`, forgedAddressHeaders(i));
    expect(res.status, `attempt ${i}`).toBe(401);
  }
  const throttled = await signInFrom(machine, email(), "one more guess", forgedAddressHeaders(999));
  expect(throttled.status).toBe(429);
  expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);

  const neighbour = fromAddress("127.0.0.34", baseURL);
  expect((await signInFrom(neighbour, email(), "an honest mistake")).status).toBe(401);
});
