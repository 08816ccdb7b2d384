import { eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { createAccount } from "./account";

export interface SeedAccount {
  email: string;
  password: string;
  /** Made up by the start script rather than set by the operator: print it once, on creation. */
  passwordGenerated: boolean;
  /** The first sign-in must change the password before anything else. */
  passwordChangeRequired: boolean;
  displayName: string;
  role: "listener" | "admin";
}

/**
 * The accounts a fresh install starts with; existing accounts are left alone (a later start
 * never resets a password). Returns the accounts it created.
 */
export async function seedAccounts(db: Db, accounts: SeedAccount[]): Promise<{ created: SeedAccount[] }> {
  const created: SeedAccount[] = [];
  for (const account of accounts) {
    const [existing] = await db
      .select({ id: schema.user.id })
      .from(schema.user)
      .where(eq(sql`lower(${schema.user.email})`, account.email.toLowerCase()));
    if (existing) continue;
    const { id } = await createAccount(db, account);
    if (account.passwordChangeRequired) {
      await db.update(schema.user).set({ passwordChangeRequired: true }).where(eq(schema.user.id, id));
    }
    created.push(account);
  }
  return { created };
}
