/**
 * `npm start`: check what a newcomer can get wrong, migrate, seed, build when sources changed,
 * then serve on PORT (default 3000) through the app's own server (apps/web/server.ts), in this
 * process, while the demo catalog is synthesised and ingested in the background (MUSIC_DIR is
 * scanned and watched by the app server):
 * the app answers at once and tracks appear as each is published. Embedded defaults need
 * nothing running; DATABASE_URL and REDIS_URL switch to real engines.
 */
// First: it completes the environment the app reads when its modules load (see app-env.ts).
import { secretsFromOperator } from "./app-env";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { env as cacheEnv } from "@cadence/cache/env";
import { connectionFromEnv, dataDir } from "@cadence/db";
import { createdAccountLines, demoAccounts } from "@cadence/domain/demo-accounts";
import { describeFfmpeg } from "@cadence/media";
import { storageFromEnv } from "@cadence/media/storage-env";
import { seedAccounts } from "@cadence/domain/seed";
import { indexIsMissing, rebuildIndex, rebuildReporter } from "@cadence/search";

import { engines } from "../apps/web/src/server/engines";
import { env as webEnv } from "../apps/web/src/env";
import { env } from "./env";
import { importInBackground, startDemoSynthesis } from "./background-import";
import { log } from "./log";
import { preflight } from "./preflight";

const root = path.resolve(import.meta.dirname, "..");
const webDir = path.join(root, "apps/web");
const port = webEnv.PORT;
// The workspace's own binary, so the script needs no pnpm on PATH.
const nextBin = path.join(webDir, "node_modules/.bin/next");

await preflight({ dataDir, port, needsFfmpeg: env.DEMO_CATALOG === "on" || Boolean(webEnv.MUSIC_DIR) });

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: process.env, stdio: "inherit" });
    process.on("exit", () => child.kill());
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

// Until the app's server takes over SIGINT/SIGTERM, stopping ends this process at once; its exit
// handlers stop the build and the synthesis, which would otherwise outlive it.
const stopEarly = () => process.exit(130);
process.once("SIGINT", stopEarly);
process.once("SIGTERM", stopEarly);

if (connectionFromEnv().driver === "postgres" && !secretsFromOperator) {
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

// The demo music is made from the start, beside the build, at a lower priority than it.
const synthesis =
  env.DEMO_CATALOG === "on"
    ? startDemoSynthesis(path.resolve(env.DEMO_MUSIC_DIR ?? path.join(dataDir, "demo-music")), {
        // A smaller, shorter catalog for tests and quick trials.
        ...(env.DEMO_TRACKS ? { tracks: env.DEMO_TRACKS } : {}),
        ...(env.DEMO_SECONDS ? { seconds: env.DEMO_SECONDS } : {}),
      })
    : null;

// The build needs nothing of the database: it runs while the database is migrated and seeded.
const buildId = path.join(webDir, ".next/BUILD_ID");
const sources = Math.max(
  newestSourceMtime(path.join(root, "apps/web/src")),
  newestSourceMtime(path.join(root, "packages")),
  statSync(path.join(webDir, "next.config.ts")).mtimeMs,
);
const built =
  env.SKIP_BUILD !== "1" && (!existsSync(buildId) || statSync(buildId).mtimeMs < sources)
    ? build()
    : Promise.resolve();
// Awaited once the database is ready; a failure meanwhile must wait for that, not crash first.
built.catch(() => undefined);

async function build(): Promise<void> {
  const started = Date.now();
  log("building the web app (the first start, or sources changed)…");
  await run(nextBin, ["build"], webDir);
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// The app's database and cache, opened here first: the import below and the app share them (one
// PGlite owner per process, and the in-process cache the app reads is the one the import writes).
const services = { ...engines(), storage: storageFromEnv() };
await services.handle.migrate();
// A database from before search (or an index lost) is indexed once, with progress.
if (await indexIsMissing(services.db)) {
  log("building the search index…");
  await rebuildIndex(services.db, rebuildReporter());
}
const { created } = await seedAccounts(services.db, demoAccounts());

await built;

// MUSIC_DIR is scanned and watched by the app server (apps/web/src/server/music-folder.ts).
const imported = importInBackground(services, { demo: synthesis });

// Next.js finds its build and config from the working directory.
process.chdir(webDir);
const { startServer } = await import("../apps/web/server");
try {
  await startServer();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  log(
    code === "EADDRINUSE"
      ? `Port ${port} was taken while building: stop what uses it, or start with PORT=<another port>.`
      : `cannot serve: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
process.off("SIGINT", stopEarly);
process.off("SIGTERM", stopEarly);
log(`ready on http://localhost:${port}`);
// Generated passwords are shown here, once: never again.
if (created.length) log("accounts created:");
for (const line of createdAccountLines(created)) log(`  ${line}`);
await imported;
// The e2e server waits for this line: the app serves and the catalog is whole (or failed, above).
if (synthesis) log(`import finished; serving on http://localhost:${port}`);
