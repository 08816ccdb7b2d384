import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, schema } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { createTestDb } from "@cadence/db/testing";

import { verifyPassword } from "./auth/password";
import { createdAccountLines, demoAccounts } from "./demo-accounts";
import { seedAccounts } from "./seed";

const PUBLISHED = ["cadence-admin-2026", "cadence-demo-2026"];

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb("pglite");
});
afterAll(() => handle.close());

async function userRow(email: string) {
  const [row] = await handle.db
    .select({
      passwordHash: schema.user.passwordHash,
      passwordChangeRequired: schema.user.passwordChangeRequired,
    })
    .from(schema.user)
    .where(eq(schema.user.email, email));
  return row;
}

describe("the accounts a fresh install starts with", () => {
  it("get generated passwords when none is configured, and the admin must change it", async () => {
    const accounts = demoAccounts({ ADMIN_EMAIL: "admin@one.test", DEMO_EMAIL: "demo@one.test" });
    const passwords = accounts.map((a) => a.password);
    expect(new Set(passwords).size).toBe(2);
    for (const password of passwords) {
      expect(password.length).toBeGreaterThanOrEqual(24);
      expect(PUBLISHED).not.toContain(password);
    }
    // Another start makes up other ones: nothing about them is fixed.
    expect(demoAccounts({ ADMIN_EMAIL: "a@x.test", DEMO_EMAIL: "d@x.test" })[0]?.password).not.toBe(
      passwords[0],
    );

    const { created } = await seedAccounts(handle.db, accounts);
    expect(created.map((a) => a.email)).toEqual(["admin@one.test", "demo@one.test"]);
    const admin = await userRow("admin@one.test");
    const demo = await userRow("demo@one.test");
    expect(admin?.passwordChangeRequired).toBe(true);
    expect(demo?.passwordChangeRequired).toBe(false);
    expect(await verifyPassword(admin?.passwordHash ?? "", passwords[0] ?? "")).toBe(true);

    // Shown once, on creation, with the password...
    const lines = createdAccountLines(created);
    expect(lines[0]).toContain(passwords[0]);
    expect(lines[0]).toMatch(/changed at the first sign-in/);
    expect(lines[1]).toContain(passwords[1]);
    // ...and never again: a second start creates nothing and so prints nothing.
    const again = await seedAccounts(
      handle.db,
      demoAccounts({ ADMIN_EMAIL: "admin@one.test", DEMO_EMAIL: "demo@one.test" }),
    );
    expect(again.created).toEqual([]);
    // The password set at creation still works: a later start never resets it.
    const later = await userRow("admin@one.test");
    expect(await verifyPassword(later?.passwordHash ?? "", passwords[0] ?? "")).toBe(true);
  });

  it("use the configured passwords as they are, and never print them", async () => {
    const accounts = demoAccounts({
      ADMIN_EMAIL: "admin@two.test",
      ADMIN_PASSWORD: "an admin's own passphrase",
      DEMO_EMAIL: "demo@two.test",
      DEMO_PASSWORD: "a listener's own passphrase",
    });
    const { created } = await seedAccounts(handle.db, accounts);
    expect(created).toHaveLength(2);
    const admin = await userRow("admin@two.test");
    expect(admin?.passwordChangeRequired).toBe(false);
    expect(await verifyPassword(admin?.passwordHash ?? "", "an admin's own passphrase")).toBe(true);
    const lines = createdAccountLines(created).join("\n");
    expect(lines).not.toContain("passphrase");
    expect(lines).toContain("(password from ADMIN_PASSWORD)");
    expect(lines).toContain("(password from DEMO_PASSWORD)");
  });
});
