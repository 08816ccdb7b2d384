import { cached } from "@cadence/cache";
import { eq, schema, sql } from "@cadence/db";

import type { DomainServices } from "../services";

const key = (userId: string) => `session-version:${userId}`;
// Short, so a bump that could not reach the cache still takes effect soon.
const TTL_SECONDS = 60;

/** The session version a valid token must carry, or null if the account is gone or disabled. */
export function currentSessionVersion(services: DomainServices, userId: string): Promise<number | null> {
  return cached(services.cache, key(userId), TTL_SECONDS, async () => {
    const [row] = await services.db
      .select({ version: schema.user.sessionVersion, disabledAt: schema.user.disabledAt })
      .from(schema.user)
      .where(eq(schema.user.id, userId));
    return row && !row.disabledAt ? row.version : null;
  });
}

/** Ends every session of the user: tokens issued before this carry an older version. */
export async function endAllSessions(services: DomainServices, userId: string): Promise<number> {
  const [row] = await services.db
    .update(schema.user)
    .set({ sessionVersion: sql`${schema.user.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(schema.user.id, userId))
    .returning({ version: schema.user.sessionVersion });
  await services.cache.del(key(userId)).catch(() => undefined);
  return row?.version ?? 0;
}

/** Forget the cached version (after deleting or disabling an account). */
export async function forgetSessionVersion(services: DomainServices, userId: string): Promise<void> {
  await services.cache.del(key(userId)).catch(() => undefined);
}
