/**
 * What the app reads from its environment, completed before any of the app's modules load: the
 * app's server runs in the start script's process and its env module (apps/web/src/env.ts) reads
 * process.env once, when first imported. So `start.ts` imports this module first. It fills in
 * the port's public URL and the secrets generated once per install in DATA_DIR (kept there, so
 * sessions and stream URLs survive restarts).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { dataDir, prepareDataDir } from "@cadence/db";

import { env } from "./env";
import { log } from "./log";
import { dataDirProblem } from "./preflight";

const dirProblem = dataDirProblem(dataDir);
if (dirProblem) {
  log(dirProblem);
  process.exit(1);
}
// Owner-only: it holds the database files (password hashes, track keys) and generated secrets.
prepareDataDir(dataDir);

function persistentSecret(name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Whether the operator set both secrets (several app servers need the same ones). */
export const secretsFromOperator = Boolean(env.NEXTAUTH_SECRET && env.STREAM_SIGNING_SECRET);

Object.assign(process.env, {
  DATA_DIR: dataDir,
  PORT: String(env.PORT),
  NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? persistentSecret("nextauth-secret"),
  STREAM_SIGNING_SECRET: env.STREAM_SIGNING_SECRET ?? persistentSecret("stream-secret"),
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
});
