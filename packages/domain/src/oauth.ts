import { and, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { createAccount } from "./account";

export interface ProviderIdentity {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  name: string | null | undefined;
}

/**
 * The account an OAuth identity signs in to, through oauth_account; the first sign-in creates
 * one. Null when the identity cannot be given an account.
 */
export async function accountForOAuth(db: Db, identity: ProviderIdentity): Promise<string | null> {
  const [link] = await db
    .select({ userId: schema.oauthAccount.userId })
    .from(schema.oauthAccount)
    .where(
      and(
        eq(schema.oauthAccount.provider, identity.provider),
        eq(schema.oauthAccount.providerAccountId, identity.providerAccountId),
      ),
    );
  if (link) return link.userId;
  const email = identity.email?.toLowerCase();
  if (!email) return null;
  const [existing] = await db
    .select({ id: schema.user.id })
    .from(schema.user)
    .where(eq(sql`lower(${schema.user.email})`, email));
  // Linking to an existing account by email alone would let a provider take it over.
  if (existing) return null;
  const created = await createAccount(db, {
    email,
    password: "",
    passwordHash: null,
    displayName: identity.name?.slice(0, 60) || email.split("@")[0] || "Listener",
  });
  await db.insert(schema.oauthAccount).values({
    provider: identity.provider,
    providerAccountId: identity.providerAccountId,
    userId: created.id,
  });
  return created.id;
}

/** What a session token carries about its account, read fresh from the database. */
export async function sessionAccount(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: schema.user.id,
      email: schema.user.email,
      role: schema.user.role,
      sv: schema.user.sessionVersion,
    })
    .from(schema.user)
    .where(eq(schema.user.id, userId));
  return row;
}
