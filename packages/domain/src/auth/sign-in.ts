import { eq, schema, sql } from "@cadence/db";

import type { DomainServices, SessionUser } from "../services";
import { verifyDecoy, verifyPassword } from "./password";
import { admitPasswordAttempt } from "./password-attempts";
import { emailSchema } from "./password-policy";

/**
 * Checks an email and password. Returns the user, or null with one answer for "no such
 * account" and "wrong password" alike (the same argon2 work either way). Throws THROTTLED
 * past the limits and UNAVAILABLE when they cannot be counted.
 */
export async function verifyCredentials(
  services: DomainServices,
  attempt: { email: string; password: string; ip: string; deviceUserId?: string | null },
): Promise<SessionUser | null> {
  const email = attempt.email.trim().toLowerCase();
  // Something that is not an email address names no account; it never reaches the database.
  const found = emailSchema.safeParse(email).success
    ? (
        await services.db
          .select({
            id: schema.user.id,
            email: schema.user.email,
            role: schema.user.role,
            passwordHash: schema.user.passwordHash,
            disabledAt: schema.user.disabledAt,
          })
          .from(schema.user)
          .where(eq(sql`lower(${schema.user.email})`, email))
      )[0]
    : undefined;

  const admitted = await admitPasswordAttempt(services, {
    account: email,
    userId: found?.id ?? null,
    ip: attempt.ip,
    deviceUserId: attempt.deviceUserId,
  });
  const valid = found?.passwordHash
    ? await verifyPassword(found.passwordHash, attempt.password)
    : (await verifyDecoy(attempt.password), false);
  if (!found || !valid || found.disabledAt) return null;
  await admitted.succeeded();
  return { id: found.id, email: found.email, role: found.role };
}
