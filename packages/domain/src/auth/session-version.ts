import { eq, schema, sql } from "@cadence/db";

import { cached, cacheKey, invalidate } from "../cache";
import { loadAccountState } from "../listener";
import type { AccountState } from "../listener";
import type { DomainServices } from "../services";

/**
 * The version a token must carry, the role it grants, and the rest of the account's state that
 * every request needs (the password-change flag, the listener's rights): read together, cached
 * together, so a request's session check is one cache read and a catalog read needs no query
 * for its listener.
 */
const key = (userId: string) => cacheKey("session", userId);
// Short, so a change that could not reach the cache still takes effect soon.
const TTL_SECONDS = 60;

/** The account's state now (its session version is the listener's), or null if it is gone or disabled. */
export type SessionState = AccountState;

export function currentSession(services: DomainServices, userId: string): Promise<SessionState | null> {
  return cached(services.cache, key(userId), TTL_SECONDS, () => loadAccountState(services.db, userId));
}

/** The session version a valid token must carry, or null if the account is gone or disabled. */
export async function currentSessionVersion(
  services: DomainServices,
  userId: string,
): Promise<number | null> {
  return (await currentSession(services, userId))?.listener.sessionVersion ?? null;
}

/**
 * A session token checked on every request: null once revoked (signed out everywhere, password
 * changed, account gone), otherwise what it grants now, so a role change needs no new sign-in.
 */
export async function sessionClaims(
  services: DomainServices,
  token: { sub?: string; sv?: number },
): Promise<AccountState | null> {
  if (!token.sub || token.sv === undefined) return null;
  const current = await currentSession(services, token.sub);
  if (current?.listener.sessionVersion !== token.sv) return null;
  const { role, passwordChangeRequired, listener } = current;
  return { role, passwordChangeRequired, listener };
}

/** Ends every session of the user: tokens issued before this carry an older version. */
export async function endAllSessions(services: DomainServices, userId: string): Promise<number> {
  const [row] = await services.db
    .update(schema.user)
    .set({ sessionVersion: sql`${schema.user.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(schema.user.id, userId))
    .returning({ version: schema.user.sessionVersion });
  await forgetSessionVersion(services, userId);
  return row?.version ?? 0;
}

/** Forget the cached session state (after a role change, deleting or disabling an account). */
export async function forgetSessionVersion(services: DomainServices, userId: string): Promise<void> {
  await invalidate(services.cache, key(userId));
}
