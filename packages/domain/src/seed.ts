import { eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { createAccount } from "./account";

export interface SeedAccount {
  email: string;
  password: string;
  displayName: string;
  role: "listener" | "admin";
}

/** The admin and demo listener a fresh install starts with; existing accounts are left alone. */
export async function seedAccounts(db: Db, accounts: SeedAccount[]): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const account of accounts) {
    const [existing] = await db
      .select({ id: schema.user.id })
      .from(schema.user)
      .where(eq(sql`lower(${schema.user.email})`, account.email.toLowerCase()));
    if (existing) continue;
    await createAccount(db, account);
    created.push(account.email);
  }
  return { created };
}
