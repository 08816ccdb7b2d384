/**
 * The app as the end-to-end tests see it: `scripts/start.ts` against a freshly created
 * Postgres database and the machine's Redis, with its own data dir and cache prefix.
 */
import { spawn } from "node:child_process";
import path from "node:path";

import postgres from "postgres";

import { adminUrl, E2E_DATABASE, E2E_DEMO_TRACKS, e2eAppEnv, e2eDatabaseUrl } from "./e2e-constants";

const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
await admin.unsafe(`drop database if exists ${E2E_DATABASE} with (force)`);
await admin.unsafe(`create database ${E2E_DATABASE}`);
await admin.end();

const child = spawn("tsx", [path.join(import.meta.dirname, "start.ts")], {
  stdio: "inherit",
  // Two albums of 45 s tracks: enough to play, seek, skip and throttle, quick to ingest.
  env: e2eAppEnv({ databaseUrl: e2eDatabaseUrl(), demoTracks: E2E_DEMO_TRACKS, demoSeconds: 45 }),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
