/**
 * The app as the end-to-end tests see it: `scripts/start.ts` against a freshly created
 * Postgres database and the machine's Redis, with its own data dir and cache prefix.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";

import {
  adminUrl,
  E2E_ADMIN,
  E2E_DATABASE,
  E2E_DEMO,
  E2E_DEMO_TRACKS,
  E2E_STREAM_SECRET,
  e2eDatabaseUrl,
} from "./e2e-constants";

const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
await admin.unsafe(`drop database if exists ${E2E_DATABASE} with (force)`);
await admin.unsafe(`create database ${E2E_DATABASE}`);
await admin.end();

const child = spawn("tsx", [path.join(import.meta.dirname, "start.ts")], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: e2eDatabaseUrl(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    STREAM_SIGNING_SECRET: E2E_STREAM_SECRET,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    DEMO_EMAIL: E2E_DEMO.email,
    DEMO_PASSWORD: E2E_DEMO.password,
    // Two albums of 45 s tracks: enough to play, seek, skip and throttle, quick to ingest.
    DEMO_TRACKS: String(E2E_DEMO_TRACKS),
    DEMO_SECONDS: "45",
    CACHE_PREFIX: `e2e:${randomBytes(6).toString("hex")}:`,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "cadence-e2e-")),
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
