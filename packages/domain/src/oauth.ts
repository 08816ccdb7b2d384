import { and, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { createAccount } from "./account";

export interface ProviderIdentity {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  /** Whether the provider vouches that the identity owns the email (see `verifiedEmailOf`). */
  emailVerified: boolean;
  name: string | null | undefined;
}

export type OAuthOutcome = { userId: string } | { refused: "email-unverified" | "email-taken" };

/**
 * The primary address from GitHub's /user/emails, only if GitHub has verified it. The profile's
 * own `email` is whatever the user made public, verified or not, so it is never trusted.
 */
export function primaryVerifiedEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const primary = (emails as { email?: unknown; primary?: unknown; verified?: unknown }[]).find(
    (e) => e.primary === true,
  );
  return primary?.verified === true && typeof primary.email === "string" ? primary.email : null;
}

/**
 * The email a provider's profile vouches for, or null: Google's `email_verified` claim; for
 * GitHub, the verified primary address the sign-in looked up (`primary_verified_email`).
 */
export function verifiedEmailOf(provider: string, profile: unknown): string | null {
  const p = (profile ?? {}) as {
    email?: unknown;
    email_verified?: unknown;
    primary_verified_email?: unknown;
  };
  if (provider === "google") {
    return p.email_verified === true && typeof p.email === "string" ? p.email : null;
  }
  if (provider === "github") {
    return typeof p.primary_verified_email === "string" ? p.primary_verified_email : null;
  }
  return null;
}

/**
 * The account an OAuth identity signs in to, through oauth_account; the first sign-in creates
 * one, for an email the provider has verified and no account uses yet.
 */
export async function accountForOAuth(db: Db, identity: ProviderIdentity): Promise<OAuthOutcome> {
  const [link] = await db
    .select({ userId: schema.oauthAccount.userId })
    .from(schema.oauthAccount)
    .where(
      and(
        eq(schema.oauthAccount.provider, identity.provider),
        eq(schema.oauthAccount.providerAccountId, identity.providerAccountId),
      ),
    );
  if (link) return { userId: link.userId };
  const email = identity.email?.trim().toLowerCase();
  // An unverified address would let anyone who types it into a provider claim it here.
  if (!email || !identity.emailVerified) return { refused: "email-unverified" };
  const [existing] = await db
    .select({ id: schema.user.id })
    .from(schema.user)
    .where(eq(sql`lower(${schema.user.email})`, email));
  // Linking to an existing account by email alone would let a provider take it over.
  if (existing) return { refused: "email-taken" };
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
  return { userId: created.id };
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
