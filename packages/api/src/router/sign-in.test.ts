import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@cadence/domain";
import { SIGN_IN_LIMITS, verifyCredentials } from "@cadence/domain/auth";

import { createTestStack, stacks } from "../testing";
import type { TestStack } from "../testing";

const password = "correct horse battery staple";
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

type Outcome = "signed-in" | "refused" | "throttled";

async function outcome(attempt: Promise<unknown>): Promise<Outcome> {
  try {
    return (await attempt) ? "signed-in" : "refused";
  } catch (error) {
    if (error instanceof AppError && error.code === "THROTTLED") return "throttled";
    throw error;
  }
}

const tally = (outcomes: Outcome[]) => ({
  checked: outcomes.filter((o) => o !== "throttled").length,
  throttled: outcomes.filter((o) => o === "throttled").length,
});

describe.each(stacks)("password sign-in limits on $name", (stackConfig) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
  });
  afterAll(() => stack.close());

  async function account(): Promise<{ id: string; email: string }> {
    const email = `owner-${randomBytes(5).toString("hex")}@example.com`;
    const { id } = await stack.caller().auth.signUp({ email, password, displayName: "Owner" });
    return { id, email };
  }

  const attempt = (email: string, pass: string, ip: string, deviceUserId?: string) =>
    outcome(verifyCredentials(stack, { email, password: pass, ip, deviceUserId }));

  it("checks no more passwords than the limit in a burst of 30 parallel attempts", async () => {
    const { email } = await account();
    const ip = address();
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 17 ? password : `wrong guess ${i}`));
    const results = tally(await Promise.all(guesses.map((guess) => attempt(email, guess, ip))));
    expect(results.checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.pair.limit);
    expect(results.throttled).toBeGreaterThanOrEqual(30 - SIGN_IN_LIMITS.pair.limit);
  });

  it("throttles a burst across many accounts from one address at the address limit", async () => {
    const ip = address();
    const emails = Array.from({ length: 40 }, (_, i) => `nobody-${i}-${randomBytes(3).toString("hex")}@x.io`);
    const results = tally(await Promise.all(emails.map((email) => attempt(email, "wrong guess", ip))));
    expect(results.checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.ip.limit);
    expect(results.throttled).toBeGreaterThanOrEqual(40 - SIGN_IN_LIMITS.ip.limit);
  });

  it("does not lock the owner out when an attacker's address fails repeatedly", async () => {
    const { id, email } = await account();
    const attacker = address();
    for (let i = 0; i < SIGN_IN_LIMITS.pair.limit + 3; i++) await attempt(email, `guess ${i}`, attacker);
    expect(await attempt(email, password, attacker)).toBe("throttled");
    // The owner, from their own address, is not affected.
    const owner = await verifyCredentials(stack, { email, password, ip: "192.0.2.10" });
    expect(owner).toMatchObject({ id, email });
  });

  it("a distributed attack hits the account ceiling, which a known device passes with the right password", async () => {
    const { id, email } = await account();
    const { limit } = SIGN_IN_LIMITS.account;
    const perAddress = SIGN_IN_LIMITS.pair.limit;
    // Wrong guesses spread over enough addresses that no single one is throttled.
    const guesses = Array.from({ length: limit }, (_, i) => ({ ip: `10.9.${Math.floor(i / perAddress)}.1` }));
    for (const { ip } of guesses) expect(await attempt(email, "distributed guess", ip)).toBe("refused");

    // A fresh address is now refused without its password being checked, even the right one...
    expect(await attempt(email, password, "192.0.2.77")).toBe("throttled");
    // ...but the owner's known device still signs in with the right password,
    expect(await attempt(email, password, "192.0.2.78", id)).toBe("signed-in");
    // and a device known for another account does not count.
    expect(await attempt(email, password, "192.0.2.79", "00000000-0000-4000-8000-000000000000")).toBe(
      "throttled",
    );
  });

  it("successful sign-ins do not use up an address's allowance", async () => {
    const { email } = await account();
    const ip = address();
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit + 5; i++) {
      expect(await attempt(email, password, ip)).toBe("signed-in");
    }
  });

  it("answers an address that is not an email like an unknown account, without a database error", async () => {
    const ip = address();
    for (const email of ["a\u0000b@x.com", "not an email", "x".repeat(5000)]) {
      expect(await attempt(email, password, ip)).toBe("refused");
    }
  });
});
