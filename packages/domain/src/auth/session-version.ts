import { eq, schema, sql } from "@cadence/db";

import { cached, cacheKey, invalidate } from "../cache";
import type { DomainServices, Role } from "../services";

// The version a token must carry and the role it grants, read together and cached together.
const key = (userId: string) => cacheKey("session", userId);
// Short, so a change that could not reach the cache still takes effect soon.
const TTL_SECONDS = 60;

export interface SessionState {
  version: number;
  role: Role;
  /**
   * Read with the rest, so a request's session check answers this too (one cache read).
   * Missing from entries cached before it was added; those are asked for apart.
   */
  passwordChangeRequired?: boolean;
}

/** The account's session version and role now, or null if it is gone or disabled. */
export function currentSession(services: DomainServices, userId: string): Promise<SessionState | null> {
  return cached(services.cache, key(userId), TTL_SECONDS, async () => {
    const [row] = await services.db
      .select({
        version: schema.user.sessionVersion,
        role: schema.user.role,
        disabledAt: schema.user.disabledAt,
        passwordChangeRequired: schema.user.passwordChangeRequired,
      })
      .from(schema.user)
      .where(eq(schema.user.id, userId));
    return row && !row.disabledAt
      ? { version: row.version, role: row.role, passwordChangeRequired: row.passwordChangeRequired }
      : null;
  });
}

/** The session version a valid token must carry, or null if the account is gone or disabled. */
export async function currentSessionVersion(
  services: DomainServices,
  userId: string,
): Promise<number | null> {
  return (await currentSession(services, userId))?.version ?? null;
}

/**
 * A session token checked on every request: null once revoked (signed out everywhere, password
 * changed, account gone), otherwise what it grants now, so a role change needs no new sign-in.
 */
export async function sessionClaims(
  services: DomainServices,
  token: { sub?: string; sv?: number },
): Promise<{ role: Role; passwordChangeRequired: boolean | undefined } | null> {
  if (!token.sub || token.sv === undefined) return null;
  const current = await currentSession(services, token.sub);
  // An entry cached before the flag joined the state lacks it: undefined, asked for apart.
  return current?.version === token.sv
    ? { role: current.role, passwordChangeRequired: current.passwordChangeRequired }
    : null;
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
