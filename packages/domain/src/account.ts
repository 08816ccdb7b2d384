import { RateLimiter } from "@cadence/cache";
import { eq, schema } from "@cadence/db";
import type { Db } from "@cadence/db";
import { reindex, unindex } from "@cadence/search";

import type { DomainServices, Role } from "./services";
import { licenseCountryFor } from "./catalog/territory";
import { env } from "./env";
import { AppError } from "./errors";
import { hashPassword, verifyPassword } from "./auth/password";
import { admitPasswordAttempt } from "./auth/password-attempts";
import { endAllSessions, forgetSessionVersion } from "./auth/session-version";
import { newUsername } from "./username";

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
}

const signUpLimit = { limit: 10, windowSeconds: 60 * 60 };

/** A unique violation of the email index (a username clash, 1 in 16 million, is not one). */
function isEmailTaken(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    // postgres.js names the constraint `constraint_name`, PGlite `constraint`.
    const { code, constraint_name, constraint } = e as unknown as Record<string, unknown>;
    const name = constraint_name ?? constraint;
    if (code === "23505") return !(typeof name === "string" && name.includes("username"));
  }
  return false;
}

/** Creates a listener on the free plan with default profile and preferences. */
export async function createAccount(
  db: Db,
  input: SignUpInput & {
    role?: "listener" | "admin";
    passwordHash?: string | null;
    /** Decided by the server (see licenseCountryFor); the operator's default otherwise. */
    licenseCountry?: string;
  },
): Promise<{ id: string }> {
  const passwordHash =
    input.passwordHash === undefined ? await hashPassword(input.password) : input.passwordHash;
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(schema.user)
        .values({
          email: input.email,
          passwordHash,
          role: input.role ?? "listener",
          licenseCountry: input.licenseCountry ?? env.DEFAULT_COUNTRY,
        })
        .returning({ id: schema.user.id });
      if (!created) throw new Error("insert returned no row");
      await tx.insert(schema.profile).values({
        userId: created.id,
        username: newUsername(input.displayName, input.email),
        displayName: input.displayName,
      });
      await tx.insert(schema.preference).values({ userId: created.id });
      await tx.insert(schema.subscription).values({ userId: created.id, planCode: "free" });
      await reindex(tx, "profile", [created.id]);
      return created;
    });
  } catch (error) {
    if (isEmailTaken(error)) {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", "email");
    }
    throw error;
  }
}

export async function signUp(
  services: DomainServices,
  input: SignUpInput & { ip: string },
): Promise<{ id: string }> {
  const verdict = await new RateLimiter(services.cache, "signup-ip", signUpLimit)
    .hit(input.ip)
    .catch(() => ({ allowed: true as const }));
  if (!verdict.allowed) {
    throw new AppError(
      "THROTTLED",
      "Too many sign-ups from here. Try again later.",
      undefined,
      verdict.retryAfterSeconds,
    );
  }
  return createAccount(services.db, { ...input, licenseCountry: licenseCountryFor(input.ip) });
}

export async function getAccount(db: Db, userId: string) {
  const found = await db.query.user.findFirst({
    where: eq(schema.user.id, userId),
    columns: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      passwordHash: true,
      // Shown, never editable: the server decides which country's licences apply.
      licenseCountry: true,
      passwordChangeRequired: true,
    },
  });
  if (!found) throw new AppError("NOT_FOUND", "Account not found");
  const [profile, preferences, subscription] = await Promise.all([
    db.query.profile.findFirst({ where: eq(schema.profile.userId, userId) }),
    db.query.preference.findFirst({ where: eq(schema.preference.userId, userId) }),
    db.query.subscription.findFirst({
      where: eq(schema.subscription.userId, userId),
      orderBy: (s, { desc }) => [desc(s.startedAt)],
      with: { plan: true },
    }),
  ]);
  if (!profile || !preferences) throw new AppError("NOT_FOUND", "Account not found");
  const { passwordHash, ...account } = found;
  return {
    ...account,
    hasPassword: passwordHash !== null,
    profile: {
      username: profile.username,
      displayName: profile.displayName,
      avatarUrl: profile.avatarUrl,
      country: profile.country,
      language: profile.language,
    },
    preferences: {
      streamingQuality: preferences.streamingQuality,
      downloadQuality: preferences.downloadQuality,
      normalisation: preferences.normalisation,
      crossfadeSeconds: preferences.crossfadeSeconds,
      gapless: preferences.gapless,
      explicitContent: preferences.explicitContent,
    },
    plan: subscription?.plan ?? null,
  };
}

export type ProfilePatch = Partial<{
  displayName: string;
  avatarUrl: string | null;
  country: string;
  language: string;
}>;

export async function updateProfile(db: Db, userId: string, patch: ProfilePatch): Promise<void> {
  await db
    .update(schema.profile)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(schema.profile.userId, userId));
  await reindex(db, "profile", [userId]);
}

export type PreferencesPatch = Partial<
  Pick<
    typeof schema.preference.$inferInsert,
    | "streamingQuality"
    | "downloadQuality"
    | "normalisation"
    | "crossfadeSeconds"
    | "gapless"
    | "explicitContent"
  >
>;

/** Saves preferences; the quality and explicit settings are part of the cached session state. */
export async function updatePreferences(
  services: DomainServices,
  userId: string,
  patch: PreferencesPatch,
): Promise<void> {
  await services.db
    .update(schema.preference)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(schema.preference.userId, userId));
  await forgetSessionVersion(services, userId);
}

/**
 * Confirms the account's password under the same limits as sign-in, counted against its email
 * and the caller's address. The live session counts as a known device for the account ceiling.
 */
async function assertPassword(
  services: DomainServices,
  userId: string,
  attempt: { password: string; ip: string },
  field: string,
): Promise<void> {
  const [row] = await services.db
    .select({ email: schema.user.email, passwordHash: schema.user.passwordHash })
    .from(schema.user)
    .where(eq(schema.user.id, userId));
  if (!row) throw new AppError("NOT_FOUND", "Account not found");
  const admitted = await admitPasswordAttempt(services, {
    account: row.email.toLowerCase(),
    userId,
    ip: attempt.ip,
    deviceUserId: userId,
    field,
  });
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, attempt.password))) {
    throw new AppError("INVALID", "Your current password is not correct", field);
  }
  await admitted.succeeded();
}

/** Changes the password and ends every session; the caller signs in again with the new one. */
export async function changePassword(
  services: DomainServices,
  userId: string,
  input: { currentPassword: string; newPassword: string; ip: string },
): Promise<void> {
  await assertPassword(
    services,
    userId,
    { password: input.currentPassword, ip: input.ip },
    "currentPassword",
  );
  // A forced change (generated password) must not keep the password it replaces.
  if (input.newPassword === input.currentPassword) {
    throw new AppError("INVALID", "Choose a password different from your current one", "newPassword");
  }
  await services.db
    .update(schema.user)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      passwordChangeRequired: false,
      updatedAt: new Date(),
    })
    .where(eq(schema.user.id, userId));
  await endAllSessions(services, userId);
}

/** Grants or withdraws admin; the account's sessions see the new role on their next request. */
export async function setRole(services: DomainServices, userId: string, role: Role): Promise<void> {
  await services.db
    .update(schema.user)
    .set({ role, updatedAt: new Date() })
    .where(eq(schema.user.id, userId));
  await forgetSessionVersion(services, userId);
}

/** Deletes the account and everything personal (cascades); password accounts confirm first. */
export async function deleteAccount(
  services: DomainServices,
  userId: string,
  input: { password?: string; ip: string },
): Promise<void> {
  const [row] = await services.db
    .select({ passwordHash: schema.user.passwordHash })
    .from(schema.user)
    .where(eq(schema.user.id, userId));
  if (row?.passwordHash) {
    await assertPassword(services, userId, { password: input.password ?? "", ip: input.ip }, "password");
  }
  const playlists = await services.db
    .select({ id: schema.playlist.id })
    .from(schema.playlist)
    .where(eq(schema.playlist.ownerId, userId));
  await services.db.delete(schema.user).where(eq(schema.user.id, userId));
  // The cascade took their profile and playlists; search forgets them too.
  await unindex(services.db, "profile", [userId]);
  await unindex(
    services.db,
    "playlist",
    playlists.map((p) => p.id),
  );
  await forgetSessionVersion(services, userId);
}
