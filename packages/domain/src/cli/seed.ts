import { connectionFromEnv, createDb } from "@cadence/db";

import { createdAccountLines, demoAccounts } from "../demo-accounts";
import { seedAccounts } from "../seed";

const handle = createDb(connectionFromEnv());
await handle.migrate();
const { created } = await seedAccounts(handle.db, demoAccounts());
await handle.close();
console.log(created.length ? createdAccountLines(created).join("\n") : "accounts already seeded");
