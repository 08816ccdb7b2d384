import { createHash } from "node:crypto";

import { CacheUnavailableError, RateLimiter } from "@cadence/cache";
import type { RateLimitVerdict } from "@cadence/cache";

import type { DomainServices } from "../services";
import { AppError } from "../errors";

/**
 * Password attempts allowed per window. Per account and address, a short lock stops guessing
 * from one place without locking the owner out elsewhere; per address, spraying many accounts
 * is capped; per account across all addresses, a ceiling only a distributed attack reaches,
 * which the owner's known device still passes with the right password.
 */
export const SIGN_IN_LIMITS = {
  pair: { limit: 5, windowSeconds: 5 * 60 },
  ip: { limit: 30, windowSeconds: 15 * 60 },
  account: { limit: 50, windowSeconds: 15 * 60 },
};

export interface PasswordAttempt {
  /** The account tried, as typed (normalised email), whether or not it exists. */
  account: string;
  /** The account it resolves to, when it exists. */
  userId: string | null;
  ip: string;
  /** The account a signed device cookie or a live session vouches for. */
  deviceUserId?: string | null;
  /** The form field an account confirmation blames; sign-in blames none. */
  field?: string;
}

export interface AdmittedAttempt {
  /** The password was right: the attempt stops counting against the address and account. */
  succeeded(): Promise<void>;
}

// Subjects are hashed: keys stay short whatever a caller sends, and hold no email addresses.
const subject = (...parts: string[]) =>
  createHash("sha256").update(parts.join("\n")).digest("base64url").slice(0, 24);

function limiters(services: DomainServices) {
  return {
    pair: new RateLimiter(services.cache, "pw-pair", SIGN_IN_LIMITS.pair),
    ip: new RateLimiter(services.cache, "pw-ip", SIGN_IN_LIMITS.ip),
    account: new RateLimiter(services.cache, "pw-account", SIGN_IN_LIMITS.account),
  };
}

function throttled(attempt: PasswordAttempt, verdict: RateLimitVerdict): AppError {
  return new AppError(
    "THROTTLED",
    attempt.field
      ? "Too many password attempts. Wait a moment and try again."
      : "Too many sign-in attempts. Wait a moment and try again.",
    attempt.field,
    verdict.allowed ? undefined : verdict.retryAfterSeconds,
  );
}

/**
 * Counts a password attempt before the password is checked, one atomic hit per limit, and
 * refuses it unchecked once over a limit, so a burst of parallel attempts cannot outrun the
 * counters. Fails closed: without the cache nobody can be throttled, so no password is checked.
 */
export async function admitPasswordAttempt(
  services: DomainServices,
  attempt: PasswordAttempt,
): Promise<AdmittedAttempt> {
  const { pair, ip, account } = limiters(services);
  const keys = {
    pair: subject(attempt.account, attempt.ip),
    ip: subject(attempt.ip),
    account: subject(attempt.account),
  };
  try {
    // Each limit counts only attempts the one before let through, so a refused burst at one
    // account does not use up its address's allowance for other accounts.
    const byPair = await pair.hit(keys.pair);
    if (!byPair.allowed) throw throttled(attempt, byPair);
    const byIp = await ip.hit(keys.ip);
    if (!byIp.allowed) throw throttled(attempt, byIp);
    const byAccount = await account.hit(keys.account);
    const knownDevice = attempt.userId !== null && attempt.deviceUserId === attempt.userId;
    if (!byAccount.allowed && !knownDevice) throw throttled(attempt, byAccount);
  } catch (error) {
    if (error instanceof CacheUnavailableError) {
      throw new AppError(
        "UNAVAILABLE",
        attempt.field
          ? "Password checks are temporarily unavailable. Try again shortly."
          : "Sign-in is temporarily unavailable. Try again shortly.",
        attempt.field,
      );
    }
    throw error;
  }
  return {
    succeeded: async () => {
      await Promise.all([pair.reset(keys.pair), ip.release(keys.ip), account.release(keys.account)]).catch(
        () => undefined,
      );
    },
  };
}
