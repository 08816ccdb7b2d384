import { eq, schema } from "@cadence/db";

import { cached, cacheKey, invalidate } from "./cache";
import type { DomainServices } from "./services";

const key = (userId: string) => cacheKey("password-change", userId);
// Short, like the session version's: the flag only ever goes from set to cleared.
const TTL_SECONDS = 60;

/** Whether the account must change its (generated) password before doing anything else. */
export function passwordChangeRequired(services: DomainServices, userId: string): Promise<boolean> {
  return cached(services.cache, key(userId), TTL_SECONDS, async () => {
    const [row] = await services.db
      .select({ required: schema.user.passwordChangeRequired })
      .from(schema.user)
      .where(eq(schema.user.id, userId));
    return row?.required ?? false;
  });
}

/** Drop the cached flag once the password has been changed (changePassword clears the column). */
export async function forgetPasswordChangeRequired(services: DomainServices, userId: string): Promise<void> {
  await invalidate(services.cache, key(userId));
}
