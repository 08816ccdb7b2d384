import { connectionFromEnv, createDb } from "@cadence/db";

import { demoAccounts } from "../demo-accounts";
import { seedAccounts } from "../seed";

const handle = createDb(connectionFromEnv());
await handle.migrate();
const { created } = await seedAccounts(handle.db, demoAccounts());
await handle.close();
console.log(created.length ? `seeded ${created.join(", ")}` : "accounts already seeded");
