import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accountForOAuth } from "@cadence/domain/oauth";
import type { ProviderIdentity } from "@cadence/domain/oauth";

import { createTestStack, stacks } from "../testing";
import type { TestStack } from "../testing";

const identity = (overrides: Partial<ProviderIdentity> = {}): ProviderIdentity => ({
  provider: "github",
  providerAccountId: randomBytes(6).toString("hex"),
  email: `oauth-${randomBytes(5).toString("hex")}@example.com`,
  emailVerified: true,
  name: "Octo Cat",
  ...overrides,
});

describe.each(stacks)("OAuth sign-in on $name", (stackConfig) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
  });
  afterAll(() => stack.close());

  it("creates an account for a verified email and signs the same identity in to it again", async () => {
    const first = identity();
    const created = await accountForOAuth(stack.db, first);
    expect(created).toEqual({ userId: expect.any(String) as string });
    expect(await accountForOAuth(stack.db, first)).toEqual(created);
    if (!("userId" in created)) return;
    const me = await stack.caller({ user: { id: created.userId, email: "", role: "listener" } }).user.me();
    expect(me).toMatchObject({
      email: first.email,
      hasPassword: false,
      profile: { displayName: "Octo Cat" },
    });
  });

  it("refuses an identity whose email the provider has not verified, and creates nothing", async () => {
    const unverified = identity({ provider: "google", emailVerified: false });
    expect(await accountForOAuth(stack.db, unverified)).toEqual({ refused: "email-unverified" });
    // The same address verified later gets a fresh account: nothing was half-created.
    const verified = await accountForOAuth(stack.db, { ...unverified, emailVerified: true });
    expect("userId" in verified).toBe(true);
  });

  it("refuses an identity without an email", async () => {
    expect(await accountForOAuth(stack.db, identity({ email: null, emailVerified: false }))).toEqual({
      refused: "email-unverified",
    });
  });

  it("never links to an existing account by email, verified or not", async () => {
    const email = `taken-${randomBytes(5).toString("hex")}@example.com`;
    await stack.caller().auth.signUp({ email, password: "correct horse battery staple", displayName: "P" });
    expect(await accountForOAuth(stack.db, identity({ email: email.toUpperCase() }))).toEqual({
      refused: "email-taken",
    });
    expect(await accountForOAuth(stack.db, identity({ email, emailVerified: false }))).toEqual({
      refused: "email-unverified",
    });
  });
});
