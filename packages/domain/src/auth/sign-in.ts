import { CacheUnavailableError, RateLimiter } from "@cadence/cache";
import type { RateLimitVerdict } from "@cadence/cache";
import { eq, schema, sql } from "@cadence/db";

import type { DomainServices, SessionUser } from "../services";
import { AppError } from "../errors";
import { verifyDecoy, verifyPassword } from "./password";

// Failed attempts allowed per 15 minutes: per account (guessing one password) and per IP
// (trying many accounts).
const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowSeconds: WINDOW_SECONDS },
  ip: { limit: 30, windowSeconds: WINDOW_SECONDS },
};

function limiters(services: DomainServices) {
  return {
    account: new RateLimiter(services.cache, "signin-account", SIGN_IN_LIMITS.account),
    ip: new RateLimiter(services.cache, "signin-ip", SIGN_IN_LIMITS.ip),
  };
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether a sign-in attempt may proceed. Fails closed: when the cache that holds the
 * counters is down, nobody can be throttled, so nobody signs in with a password.
 */
export async function assertSignInAllowed(
  services: DomainServices,
  attempt: { email: string; ip: string },
): Promise<void> {
  const { account, ip } = limiters(services);
  let verdicts: RateLimitVerdict[];
  try {
    verdicts = await Promise.all([account.check(normaliseEmail(attempt.email)), ip.check(attempt.ip)]);
  } catch (error) {
    if (error instanceof CacheUnavailableError) {
      throw new AppError("UNAVAILABLE", "Sign-in is temporarily unavailable. Try again shortly.");
    }
    throw error;
  }
  const retryAfter = Math.max(0, ...verdicts.map((v) => (v.allowed ? 0 : v.retryAfterSeconds)));
  if (retryAfter > 0) {
    throw new AppError(
      "THROTTLED",
      "Too many sign-in attempts. Wait a moment and try again.",
      undefined,
      retryAfter,
    );
  }
}

/**
 * Checks an email and password. Returns the user, or null with one message for "no such
 * account" and "wrong password" alike. Counts failures for throttling.
 */
export async function verifyCredentials(
  services: DomainServices,
  attempt: { email: string; password: string; ip: string },
): Promise<SessionUser | null> {
  await assertSignInAllowed(services, attempt);
  const email = normaliseEmail(attempt.email);
  const [found] = await services.db
    .select({
      id: schema.user.id,
      email: schema.user.email,
      role: schema.user.role,
      passwordHash: schema.user.passwordHash,
      disabledAt: schema.user.disabledAt,
    })
    .from(schema.user)
    .where(eq(sql`lower(${schema.user.email})`, email));

  const valid = found?.passwordHash
    ? await verifyPassword(found.passwordHash, attempt.password)
    : (await verifyDecoy(attempt.password), false);

  const { account, ip } = limiters(services);
  if (!found || !valid || found.disabledAt) {
    await Promise.all([account.hit(email), ip.hit(attempt.ip)]).catch(() => undefined);
    return null;
  }
  await account.reset(email).catch(() => undefined);
  return { id: found.id, email: found.email, role: found.role };
}
