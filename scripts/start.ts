/**
 * `npm start`: migrate, seed, build when sources changed, and serve on PORT (default 3000).
 * Embedded defaults need nothing running; DATABASE_URL and REDIS_URL switch to real engines.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { startRedisHttpBridge } from "@cadence/cache/redis-http";
import { connectionFromEnv, createDb, dataDir } from "@cadence/db";
import { demoAccounts } from "@cadence/domain/demo-accounts";
import { generateDemoCatalog } from "@cadence/demo";
import { ingestFolder } from "@cadence/media/ingest";
import type { IngestSummary } from "@cadence/media/ingest";
import { storageFromEnv } from "@cadence/media/storage-env";
import { seedAccounts } from "@cadence/domain/seed";

const root = path.resolve(import.meta.dirname, "..");
const webDir = path.join(root, "apps/web");
const port = Number(process.env.PORT ?? 3000);
// The workspace's own Next binary, so the script needs no pnpm on PATH.
const nextBin = path.join(webDir, "node_modules/.bin/next");

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

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

mkdirSync(dataDir, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: String(port),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistentSecret("nextauth-secret"),
  STREAM_SIGNING_SECRET: process.env.STREAM_SIGNING_SECRET ?? persistentSecret("stream-secret"),
  NEXT_TELEMETRY_DISABLED: "1",
};

// Redis speaks TCP, the cache client HTTP: put the bridge in front of REDIS_URL.
let closeBridge: (() => Promise<void>) | undefined;
if (process.env.REDIS_URL && !process.env.UPSTASH_REDIS_REST_URL) {
  const token = randomBytes(24).toString("base64url");
  const bridge = await startRedisHttpBridge({
    redisUrl: process.env.REDIS_URL,
    token,
    port: Number(process.env.REDIS_HTTP_PORT ?? 0),
  });
  closeBridge = () => bridge.close();
  env.UPSTASH_REDIS_REST_URL = bridge.url;
  env.UPSTASH_REDIS_REST_TOKEN = token;
  log(`cache: Redis at ${process.env.REDIS_URL.replace(/\/\/[^@]*@/, "//***@")} through ${bridge.url}`);
} else {
  log(
    process.env.UPSTASH_REDIS_REST_URL
      ? "cache: Upstash REST"
      : "cache: in-process (set REDIS_URL for Redis)",
  );
}

const connection = connectionFromEnv();
log(
  connection.driver === "postgres"
    ? "database: Postgres (DATABASE_URL)"
    : `database: PGlite in ${connection.dataDir}`,
);
const handle = createDb(connection);
await handle.migrate();
const accounts = demoAccounts();
const { created } = await seedAccounts(handle.db, accounts);
if (created.length) log(`seeded ${created.join(", ")}`);

function reportIngest(label: string, summary: IngestSummary): void {
  log(
    `${label}: ${summary.added} added, ${summary.updated} updated, ${summary.skipped} unchanged, ` +
      `${summary.retired} retired, ${summary.failed.length} failed (${(summary.wallMs / 1000).toFixed(1)} s)`,
  );
  for (const failure of summary.failed) log(`  skipped ${failure.path}: ${failure.reason}`);
}

// The demo catalog goes through the same ingest path as real music; re-runs skip what is unchanged.
const storage = storageFromEnv(env);
if (process.env.DEMO_CATALOG !== "off") {
  const folder = process.env.DEMO_MUSIC_DIR ?? path.join(dataDir, "demo-music");
  const demo = await generateDemoCatalog({
    outDir: folder,
    // A smaller, shorter catalog for tests and quick trials.
    ...(process.env.DEMO_TRACKS ? { limit: Number(process.env.DEMO_TRACKS) } : {}),
    ...(process.env.DEMO_SECONDS ? { durationSeconds: Number(process.env.DEMO_SECONDS) } : {}),
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
if (process.env.MUSIC_DIR) {
  reportIngest(
    `music in ${process.env.MUSIC_DIR}`,
    await ingestFolder({ db: handle.db, storage, folder: process.env.MUSIC_DIR }),
  );
}
await handle.close();

const buildId = path.join(webDir, ".next/BUILD_ID");
const sources = Math.max(
  newestSourceMtime(path.join(root, "apps/web/src")),
  newestSourceMtime(path.join(root, "packages")),
);
if (process.env.SKIP_BUILD !== "1" && (!existsSync(buildId) || statSync(buildId).mtimeMs < sources)) {
  log("building the web app…");
  await run(nextBin, ["build"], webDir, env);
}

const server = spawn(nextBin, ["start", "-p", String(port)], {
  cwd: webDir,
  env,
  stdio: "inherit",
});
const shutdown = (signal: NodeJS.Signals) => {
  server.kill(signal);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
server.on("exit", (code) => {
  void (closeBridge?.() ?? Promise.resolve()).then(() => process.exit(code ?? 0));
});

// Tell the person at the terminal where to go and how to get in, once the app answers.
for (let i = 0; i < 120; i++) {
  const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) {
    log(`ready on http://localhost:${port}`);
    for (const a of accounts) log(`  ${a.role.padEnd(8)} ${a.email}  /  ${a.password}`);
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
