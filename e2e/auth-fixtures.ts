import { createDb } from "@cadence/db";
import { createAccount } from "@cadence/domain/account";

import { e2eDatabaseUrl } from "../scripts/e2e-constants";
import { strongPassword } from "./helpers";

/**
 * An account made straight in the e2e database, so specs about sign-in do not spend the
 * address's sign-up allowance that the sign-up specs rely on.
 */
export async function createAccountInDb(
  email: string,
  password = strongPassword,
  displayName = "Listener",
): Promise<string> {
  const handle = createDb({ driver: "postgres", url: e2eDatabaseUrl(), maxConnections: 1 });
  try {
    return (await createAccount(handle.db, { email, password, displayName })).id;
  } finally {
    await handle.close();
  }
}
