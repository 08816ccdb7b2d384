import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { currentSessionVersion, sessionClaims } from "@cadence/domain/auth";
import { demoAccounts } from "@cadence/domain/demo-accounts";
import { seedAccounts } from "@cadence/domain/seed";

import type { Session } from "./context";
import { isPasswordChangeRequired } from "./password-change";
import { createTestStack, stacks } from "./testing";
import type { TestStack } from "./testing";

describe.each(stacks)("an admin with a generated password on $name", (stackConfig) => {
  let stack: TestStack;
  let session: Session;
  let generated: string;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    const [admin] = demoAccounts({ ADMIN_EMAIL: "admin@cadence.test", DEMO_EMAIL: "demo@cadence.test" });
    if (!admin) throw new Error("no admin account");
    generated = admin.password;
    await seedAccounts(stack.db, [admin]);
    const [row] = await stack.db.query.user.findMany({ columns: { id: true } });
    session = { user: { id: row?.id ?? "", email: admin.email, role: "admin" } };
  });
  afterAll(() => stack.close());

  it("can see that a change is due, and nothing else until it is made", async () => {
    const caller = stack.caller(session);
    expect((await caller.user.me()).passwordChangeRequired).toBe(true);
    for (const call of [
      () => caller.catalog.albums({}),
      () => caller.user.updateProfile({ displayName: "Root" }),
      () => caller.user.deleteAccount({ password: generated }),
    ]) {
      const error: unknown = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: "FORBIDDEN" });
      expect((error as TRPCError).message).toMatch(/Change your password/);
      expect(isPasswordChangeRequired(error)).toBe(true);
    }
  });

  it("is known from the request's session check, and refused on it", async () => {
    const sv = await currentSessionVersion(stack, session.user.id);
    const claims = await sessionClaims(stack, { sub: session.user.id, sv: sv ?? 0 });
    expect(claims).toMatchObject({ role: "admin", passwordChangeRequired: true });
    const caller = stack.caller({ ...session, passwordChangeRequired: claims?.passwordChangeRequired });
    await expect(caller.catalog.albums({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("is let through once the password is changed", async () => {
    const caller = stack.caller(session);
    await caller.user.changePassword({ currentPassword: generated, newPassword: "my very own passphrase" });
    // The flag was cached while it was set (above); the change must not wait for it to expire.
    expect((await caller.user.me()).passwordChangeRequired).toBe(false);
    await expect(caller.catalog.albums({})).resolves.toMatchObject({ albums: [] });
  });

  it("never stops a listener who chose a password", async () => {
    const email = "listener@cadence.test";
    const { id } = await stack
      .caller()
      .auth.signUp({ email, password: "a listener's passphrase", displayName: "L" });
    const caller = stack.caller({ user: { id, email, role: "listener" } });
    expect((await caller.user.me()).passwordChangeRequired).toBe(false);
    await expect(caller.catalog.albums({})).resolves.toMatchObject({ albums: [] });
  });
});
