/**
 * `npm start`: migrate, seed, build when sources changed, and serve on PORT (default 3000)
 * through the app's own server (apps/web/server.ts). Embedded defaults need nothing running;
 * DATABASE_URL and REDIS_URL switch to real engines.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { env as cacheEnv } from "@cadence/cache/env";
import { connectionFromEnv, createDb, dataDir, prepareDataDir } from "@cadence/db";
import { createdAccountLines, demoAccounts } from "@cadence/domain/demo-accounts";
import { generateDemoCatalog } from "@cadence/demo";
import { describeFfmpeg } from "@cadence/media";
import { ingestFolder } from "@cadence/media/ingest";
import type { IngestSummary } from "@cadence/media/ingest";
import { storageFromEnv } from "@cadence/media/storage-env";
import { seedAccounts } from "@cadence/domain/seed";
import { indexIsMissing, rebuildIndex, rebuildReporter } from "@cadence/search";

import { env as webEnv } from "../apps/web/src/env";
import { env } from "./env";

const root = path.resolve(import.meta.dirname, "..");
const webDir = path.join(root, "apps/web");
const port = webEnv.PORT;
// The workspace's own binaries, so the script needs no pnpm on PATH.
const nextBin = path.join(webDir, "node_modules/.bin/next");
const tsxBin = path.join(root, "node_modules/.bin/tsx");

function log(message: string): void {
  console.log(`\x1b[35m[cadence]\x1b[0m ${message}`);
}

/** A secret generated once per install and kept beside the data, so sessions survive restarts. */
function persistentSecret(name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[], cwd: string, childEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

// Owner-only: it holds the database files (password hashes, track keys) and generated secrets.
prepareDataDir(dataDir);
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: String(port),
  NEXTAUTH_URL: webEnv.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: webEnv.NEXTAUTH_SECRET ?? persistentSecret("nextauth-secret"),
  STREAM_SIGNING_SECRET: webEnv.STREAM_SIGNING_SECRET ?? persistentSecret("stream-secret"),
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
};
if (connectionFromEnv().driver === "postgres" && !(webEnv.NEXTAUTH_SECRET && webEnv.STREAM_SIGNING_SECRET)) {
  // A shared database suggests several app servers; secrets generated per DATA_DIR would differ.
  log("NEXTAUTH_SECRET / STREAM_SIGNING_SECRET not set: using ones generated in DATA_DIR (set them");
  log("  on every app server when running several; see the README's scaling section)");
}

log(
  cacheEnv.UPSTASH_REDIS_REST_URL
    ? "cache: Upstash REST (UPSTASH_REDIS_REST_URL)"
    : cacheEnv.REDIS_URL
      ? `cache: Redis at ${cacheEnv.REDIS_URL.replace(/\/\/[^@]*@/, "//***@")}`
      : "cache: in-process (set REDIS_URL for Redis)",
);

for (const line of await describeFfmpeg()) log(line);

const connection = connectionFromEnv();
log(
  connection.driver === "postgres"
    ? "database: Postgres (DATABASE_URL)"
    : `database: PGlite in ${connection.dataDir}`,
);
const handle = createDb(connection);
await handle.migrate();
// A database from before search (or an index lost) is indexed once, with progress.
if (await indexIsMissing(handle.db)) {
  log("building the search index…");
  await rebuildIndex(handle.db, rebuildReporter());
  if (process.stdout.isTTY) process.stdout.write("\n");
}
const { created } = await seedAccounts(handle.db, demoAccounts());

function reportIngest(label: string, summary: IngestSummary): void {
  log(
    `${label}: ${summary.added} added, ${summary.updated} updated, ${summary.skipped} unchanged, ` +
      `${summary.retired} retired, ${summary.failed.length} failed (${(summary.wallMs / 1000).toFixed(1)} s)`,
  );
  for (const failure of summary.failed) log(`  skipped ${failure.path}: ${failure.reason}`);
}

// The demo catalog goes through the same ingest path as real music; re-runs skip what is unchanged.
const storage = storageFromEnv();
if (env.DEMO_CATALOG === "on") {
  const folder = env.DEMO_MUSIC_DIR ?? path.join(dataDir, "demo-music");
  const demo = await generateDemoCatalog({
    outDir: folder,
    // A smaller, shorter catalog for tests and quick trials.
    ...(env.DEMO_TRACKS ? { limit: env.DEMO_TRACKS } : {}),
    ...(env.DEMO_SECONDS ? { durationSeconds: env.DEMO_SECONDS } : {}),
  });
  const summary = await ingestFolder({
    db: handle.db,
    storage,
    folder,
    onProgress: (event) => {
      if (event.type === "file" && event.outcome !== "skipped" && process.stdout.isTTY) {
        process.stdout.write(`\r\x1b[2K  ingesting demo catalog ${event.done}/${event.total}`);
      }
    },
  });
  if (process.stdout.isTTY) process.stdout.write("\r\x1b[2K");
  reportIngest(`demo catalog (${demo.tracks.length} tracks)`, summary);
}
// MUSIC_DIR is scanned and watched by the app server (apps/web/src/server/music-folder.ts).
await handle.close();

const buildId = path.join(webDir, ".next/BUILD_ID");
const sources = Math.max(
  newestSourceMtime(path.join(root, "apps/web/src")),
  newestSourceMtime(path.join(root, "packages")),
  statSync(path.join(webDir, "next.config.ts")).mtimeMs,
);
if (env.SKIP_BUILD !== "1" && (!existsSync(buildId) || statSync(buildId).mtimeMs < sources)) {
  log("building the web app…");
  await run(nextBin, ["build"], webDir, childEnv);
}

const server = spawn(tsxBin, [path.join(webDir, "server.ts")], {
  cwd: webDir,
  env: childEnv,
  stdio: "inherit",
});
const shutdown = (signal: NodeJS.Signals) => {
  server.kill(signal);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
server.on("exit", (code) => process.exit(code ?? 0));

// Tell the person at the terminal where to go and, on the first start, how to get in.
let ready = false;
for (let i = 0; i < 120 && !ready; i++) {
  ready = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (!ready) await new Promise((r) => setTimeout(r, 500));
}
log(ready ? `ready on http://localhost:${port}` : `not answering on port ${port} yet; see the log above`);
// Generated passwords are shown here, once, even if the app is slow to answer: never again.
if (created.length) log("accounts created:");
for (const line of createdAccountLines(created)) log(`  ${line}`);
