import { randomBytes } from "node:crypto";

import postgres from "postgres";

import { createDb } from "./client";
import type { DbHandle } from "./client";

export type TestDriver = "pglite" | "postgres";

// The machine's Postgres (trust auth); tests create and drop their own database in it.
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/test";

/** A freshly migrated, empty database on the given driver; `close` removes it. */
export async function createTestDb(driver: TestDriver): Promise<DbHandle> {
  if (driver === "pglite") {
    const handle = createDb({ driver: "pglite" });
    await handle.migrate();
    return handle;
  }
  const name = `cadence_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ driver: "postgres", url: url.toString(), maxConnections: 5 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
