import { createDb } from "../client";
import { connectionFromEnv } from "../connection";

const connection = connectionFromEnv();
const handle = createDb(connection);
const started = Date.now();
await handle.migrate();
await handle.close();
console.log(`migrated ${connection.driver} database in ${Date.now() - started} ms`);
