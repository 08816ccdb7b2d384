import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Known to the e2e server and the specs, so a spec can mint an expired stream URL. */
export const E2E_STREAM_SECRET = "e2e-stream-signing-secret-not-for-production-0001";

/** The seeded accounts' passwords: set explicitly, so the start script generates none. */
export const E2E_ADMIN = {
  email: "admin@cadence.local",
  password: "e2e admin passphrase, not for production",
};
/** Tracks of the demo catalog the e2e server ingests: two albums by one artist, one genre. */
export const E2E_DEMO_TRACKS = 6;

export const E2E_DEMO = { email: "demo@cadence.local", password: "e2e demo passphrase, not for production" };

const adminUrl = () => process.env.TEST_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/test";
// Overridable so several checkouts on one machine can run their e2e suites side by side.
export const E2E_DATABASE = process.env.E2E_DATABASE ?? "cadence_e2e";

/** The database the e2e server runs on (or another by name); its server creates it fresh for every run. */
export function e2eDatabaseUrl(database = E2E_DATABASE): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export { adminUrl };

/**
 * The environment an e2e app runs in (scripts/start.ts): the given database, the machine's
 * Redis under a fresh prefix, its own data dir, the known secret and accounts, a small demo catalog.
 */
export function e2eAppEnv(options: { databaseUrl: string; demoTracks: number; demoSeconds: number }) {
  return {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    STREAM_SIGNING_SECRET: E2E_STREAM_SECRET,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    DEMO_EMAIL: E2E_DEMO.email,
    DEMO_PASSWORD: E2E_DEMO.password,
    DEMO_TRACKS: String(options.demoTracks),
    DEMO_SECONDS: String(options.demoSeconds),
    CACHE_PREFIX: `e2e:${randomBytes(6).toString("hex")}:`,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "cadence-e2e-")),
  };
}
