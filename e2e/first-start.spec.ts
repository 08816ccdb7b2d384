/**
 * A newcomer's first `npm start`: the embedded defaults (PGlite, in-process cache) in a fresh
 * DATA_DIR, the demo catalog imported in the background. The app must answer (health, sign-up,
 * the home page with the import's progress) before the import ends, and the albums must appear
 * on the home page as they are published, without a reload. The output is not a terminal here,
 * so the progress must come as plain lines. Runs its own start script beside the suite's server,
 * on the build that server made.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { signUpThroughUi, uniqueEmail } from "./helpers";

const port = Number(process.env.E2E_PORT ?? 3210) + 1;
const origin = `http://localhost:${port}`;
// Enough music that its import outlasts the first minute of use on any machine we know.
const TRACKS = 12;

let server: ChildProcess;
let dataDir: string;
let output = "";
/** Lines of output with the time each arrived. */
const lines: { at: number; text: string }[] = [];
let partial = "";
function collect(chunk: Buffer): void {
  output += chunk.toString();
  const parts = (partial + chunk.toString()).split("\n");
  partial = parts.pop() ?? "";
  for (const text of parts) lines.push({ at: Date.now(), text });
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "cadence-first-start-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SKIP_BUILD: "1" };
  env.DEMO_TRACKS = String(TRACKS);
  env.DEMO_SECONDS = "30";
  for (const name of [
    "DATABASE_URL",
    "REDIS_URL",
    "UPSTASH_REDIS_REST_URL",
    "NEXTAUTH_URL",
    "DEMO_MUSIC_DIR",
  ]) {
    delete env[name];
  }
  server = spawn("tsx", [path.join(import.meta.dirname, "../scripts/start.ts")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout?.on("data", collect);
  server.stderr?.on("data", collect);
  await expect.poll(() => output, { timeout: 120_000 }).toMatch(/ready on http:\/\/localhost/);
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

test.use({ baseURL: origin });

test("the app answers while the demo catalog imports, and its albums appear as they are ready", async ({
  page,
  request,
}) => {
  test.setTimeout(480_000);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(output, "the import was still running when the app answered").not.toMatch(/tracks imported/);

  // A newcomer signs up and lands on the home page, which says how far the import has got.
  await signUpThroughUi(page, uniqueEmail(), undefined, "Newcomer");
  await expect(page).toHaveURL(`${origin}/`);
  await expect(page.getByRole("status").filter({ hasText: /Importing music: \d+ of 12/ })).toBeVisible();
  expect(output).not.toMatch(/tracks imported/);

  // Albums show up on the page as they are published, without a reload; the notice goes at the end.
  const albums = page.getByRole("region", { name: "All albums" }).getByRole("link");
  await expect(albums.first()).toBeVisible({ timeout: 300_000 });
  await expect(page.getByText(/Importing music/)).toHaveCount(0, { timeout: 300_000 });
  expect(output).toMatch(/demo catalog: 12 tracks imported: 12 added/);
  await expect(albums).not.toHaveCount(0);

  // Without a terminal, progress came as plain lines: at first, then every 5 s, and at the end.
  const progress = lines.filter((line) => /^demo catalog: imported \d+\/12, /.test(line.text));
  expect(progress[0]?.text).toBe("demo catalog: imported 0/12, 0/s");
  expect(progress.at(-1)?.text).toMatch(/^demo catalog: imported 12\/12, .* \(done\)$/);
  const gaps = progress.slice(1).map((line, index) => line.at - (progress[index]?.at ?? line.at));
  // 5 s apart, give or take a busy machine's timer delay.
  expect(Math.max(...gaps)).toBeLessThan(6500);
});
