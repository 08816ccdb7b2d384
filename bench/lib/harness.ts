/**
 * Launching the app and the browser for the playback benchmarks.
 *
 * The app runs with its embedded defaults (PGlite, in-process cache) in a dedicated DATA_DIR that
 * is kept between runs, so the demo catalog is generated and ingested only once. When
 * BENCH_BASE_URL is set (bench/run.ts does this), the already running app is reused.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";

import { chromium } from "@playwright/test";
import type { Browser, BrowserContext, CDPSession, Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/chromium";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export interface AppHandle {
  baseUrl: string;
  /** The start script's pid, leader of the app's process group (null for a reused app). */
  pid: number | null;
  /** Stops the app if this handle started it (a reused BENCH_BASE_URL is left running). */
  stop(): Promise<void>;
}

export interface AppOptions {
  port?: number;
  dataDir?: string;
  demoTracks?: number;
  demoSeconds?: number;
  /** How long the first start (generate + ingest + next build) may take. */
  startTimeoutMs?: number;
  /**
   * Set last, over the embedded defaults: e.g. DATABASE_URL and REDIS_URL to run on real
   * engines, DEMO_CATALOG=off.
   */
  env?: Record<string, string>;
}

export const demoListener = { email: "demo@cadence.local", password: "cadence-demo-2026" };

/** Fixed, bench-only secrets: the data dir is throwaway and the app listens on loopback. */
const BENCH_SECRET = "cadence-bench-secret-not-for-production-0001";

/** Where the bench app keeps its data (reused between runs). */
export function benchDataDir(): string {
  return process.env.BENCH_DATA_DIR ?? path.join(repoRoot, ".data/bench");
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export async function startApp(options: AppOptions = {}): Promise<AppHandle> {
  const reuse = process.env.BENCH_BASE_URL;
  if (reuse) {
    await waitForHealth(reuse, 10_000, null);
    if (!(await staticAssetsServed(reuse))) throw new Error(`${reuse} serves a stale build (chunks 404)`);
    return { baseUrl: reuse, pid: null, stop: () => Promise.resolve() };
  }
  const app = await spawnApp(options);
  if (await staticAssetsServed(app.baseUrl)) return app;
  // apps/web/.next is shared: a `next build` from elsewhere while the app started leaves
  // next-server with a manifest whose chunks are gone. A restart picks up the new build.
  log("the app serves a stale build (its script chunks 404): restarting it once");
  await app.stop();
  const again = await spawnApp(options);
  if (await staticAssetsServed(again.baseUrl)) return again;
  await again.stop();
  throw new Error("the app keeps serving a stale build; is something rebuilding apps/web/.next?");
}

/** Whether the sign-in page's script chunks load (they 404 when .next was rebuilt underneath). */
export async function staticAssetsServed(baseUrl: string): Promise<boolean> {
  const html = await fetch(`${baseUrl}/signin`).then(
    (res) => res.text(),
    () => "",
  );
  const chunks = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]).slice(0, 3);
  if (chunks.length === 0) return false;
  for (const chunk of chunks) {
    const res = await fetch(`${baseUrl}${chunk}`).catch(() => null);
    if (!res?.ok) return false;
    await res.arrayBuffer();
  }
  return true;
}

async function spawnApp(options: AppOptions): Promise<AppHandle> {
  const port = options.port ?? Number(process.env.BENCH_PORT ?? 0);
  const chosenPort = port > 0 ? port : await freePort();
  const dataDir = options.dataDir ?? benchDataDir();
  await mkdir(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "app.log");
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Embedded engines unless options.env names others: the playback benchmarks must not depend
  // on (or measure) external services.
  for (const name of ["DATABASE_URL", "REDIS_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"]) {
    delete env[name];
  }
  Object.assign(env, {
    PORT: String(chosenPort),
    DATA_DIR: dataDir,
    DEMO_TRACKS: String(options.demoTracks ?? 12),
    DEMO_SECONDS: String(options.demoSeconds ?? 60),
    STREAM_SIGNING_SECRET: BENCH_SECRET,
    DEMO_PASSWORD: demoListener.password,
    NEXTAUTH_SECRET: BENCH_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${chosenPort}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  });
  log(`starting the app on port ${chosenPort} (data in ${dataDir}, log in ${logFile})…`);
  const out = createWriteStream(logFile, { flags: "a" });
  const child = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: repoRoot,
    env,
    detached: true, // its own process group, so stop() reaches next-server too
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.once("exit", (code, signal) => {
    if (!stopping) log(`the app exited unexpectedly (${signal ?? code}); see ${logFile}`);
  });
  let stopping = false;
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const baseUrl = `http://127.0.0.1:${chosenPort}`;
  const stop = () => {
    stopping = true;
    return stopGroup(child);
  };
  try {
    const started = performance.now();
    await waitForHealth(baseUrl, options.startTimeoutMs ?? 8 * 60_000, child);
    log(`app ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid ?? null, stop };
}

async function waitForHealth(baseUrl: string, timeoutMs: number, child: ChildProcess | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  signal("SIGKILL"); // anything left in the group (next-server outliving its parent)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A context signed in as the demo listener, through the real sign-in form. */
export async function signedInContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl });
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(); functions
  // passed to page.evaluate carry those calls into the page, so give the page a no-op __name.
  await context.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
  const page = await context.newPage();
  await signIn(page);
  await page.close();
  return context;
}

/** A session cookie (`name=value`), signed in over HTTP the way next-auth's client does it. */
export async function sessionCookie(
  baseUrl: string,
  account: { email: string; password: string } = demoListener,
): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ email: account.email, password: account.password, csrfToken, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return session.split(";")[0] ?? "";
}

export async function signIn(page: Page): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(demoListener.email);
  await page.getByLabel("Password", { exact: true }).fill(demoListener.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("list", { name: "Albums" }).waitFor({ timeout: 30_000 });
}

/**
 * A DevTools session for a page. With cacheDisabled, every play fetches playlists and segments
 * again (replays of a track would otherwise come from the cache: segments are immutable).
 */
export async function devtoolsSession(page: Page, options: { cacheDisabled: boolean }): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: options.cacheDisabled });
  return cdp;
}
