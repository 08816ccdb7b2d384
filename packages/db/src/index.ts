export { createDb } from "./client";
export type { Db, DbConnection, DbHandle, Schema } from "./client";
export { connectionFromEnv } from "./connection";
export { prepareDataDir } from "./data-dir";
export { dataDir } from "./env";
export * as schema from "./schema";
export * from "drizzle-orm/sql";
export { preparedFor } from "./prepared";
export { rowsOf, uuidArray } from "./rows";
