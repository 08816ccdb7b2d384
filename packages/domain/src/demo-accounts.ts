import { randomBytes } from "node:crypto";

import { env } from "./env";
import type { SeedAccount } from "./seed";

type AccountSettings = Pick<typeof env, "ADMIN_EMAIL" | "ADMIN_PASSWORD" | "DEMO_EMAIL" | "DEMO_PASSWORD">;

/** A password nobody knows until it is printed: 144 random bits. */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * The admin and demo listener a fresh install starts with. A password the operator did not set
 * is generated (so no install runs with a published one); a generated admin password must be
 * changed at the first sign-in.
 */
export function demoAccounts(settings: AccountSettings = env): SeedAccount[] {
  return [
    {
      email: settings.ADMIN_EMAIL,
      password: settings.ADMIN_PASSWORD ?? generatePassword(),
      passwordGenerated: settings.ADMIN_PASSWORD === undefined,
      passwordChangeRequired: settings.ADMIN_PASSWORD === undefined,
      displayName: "Admin",
      role: "admin",
    },
    {
      email: settings.DEMO_EMAIL,
      password: settings.DEMO_PASSWORD ?? generatePassword(),
      passwordGenerated: settings.DEMO_PASSWORD === undefined,
      passwordChangeRequired: false,
      displayName: "Demo Listener",
      role: "listener",
    },
  ];
}

/**
 * What to tell the operator about accounts just created. A generated password appears here and
 * nowhere else: it is shown once, when its account is created, and never logged again.
 */
export function createdAccountLines(created: SeedAccount[]): string[] {
  return created.map((account) => {
    const who = `${account.role.padEnd(8)} ${account.email}`;
    if (!account.passwordGenerated) {
      return `${who}  (password from ${account.role === "admin" ? "ADMIN_PASSWORD" : "DEMO_PASSWORD"})`;
    }
    const note = account.passwordChangeRequired ? "to be changed at the first sign-in" : "keep it";
    return `${who}  /  ${account.password}  (generated, shown only this once; ${note})`;
  });
}
