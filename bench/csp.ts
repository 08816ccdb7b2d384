/**
 * What the CSP nonce costs a page render:  npx tsx bench/csp.ts
 *
 * Two servers side by side, with the embedded defaults: apps/web as it is (src/proxy.ts gives each
 * page a fresh nonce and CSP header, and Next.js puts the nonce on every script) and a copy of it
 * without the proxy, built on its own. Both render every page dynamically (the root layout says
 * so), so what differs is the proxy and the nonce. Each serves its own copy of the bench data dir.
 *
 * Requests alternate between the two so that load from elsewhere on the machine hits both alike:
 * BENCH_CSP_PAIRS sequential pairs per page (default 300, the order flipping every pair), then
 * BENCH_CSP_BURSTS bursts of 2 s per server (default 10) at BENCH_CSP_CONCURRENCY (default 8).
 * Pages: /signin (anonymous) and / (the home page, signed in). The load generator runs here too.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { benchDataDir, log, repoRoot, sessionCookie, startApp } from "./lib/harness";
import { writeResult } from "./lib/results";
import { median, table } from "./lib/stats";

const PAIRS = Math.max(1, Number(process.env.BENCH_CSP_PAIRS ?? 300));
const BURSTS = Math.max(1, Number(process.env.BENCH_CSP_BURSTS ?? 10));
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_CSP_CONCURRENCY ?? 8));
const BURST_MS = 2000;
const SECRET = "cadence-bench-secret-not-for-production-0001";

const webDir = path.join(repoRoot, "apps/web");
// A sibling of apps/web, so the relative symlinks of its node_modules resolve the same; the dot
// keeps it out of the pnpm workspace.
const noProxyDir = path.join(repoRoot, "apps/.bench-web-noproxy");
const tsxBin = path.join(repoRoot, "node_modules/.bin/tsx");

interface Server {
  name: "CSP nonce" | "no proxy";
  url: string;
  child: ChildProcess;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

async function serve(name: Server["name"], dir: string, dataDir: string, port: number): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(tsxBin, [path.join(dir, "server.ts")], {
    cwd: dir,
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATA_DIR: dataDir,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: SECRET,
      STREAM_SIGNING_SECRET: SECRET,
    },
  });
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { name, url, child };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not start on ${url}`);
}

function stop(server: Server): void {
  try {
    if (server.child.pid) process.kill(-server.child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

async function burst(url: string, headers: Record<string, string>): Promise<number> {
  let done = 0;
  const deadline = performance.now() + BURST_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await timedGet(url, headers);
        done++;
      }
    }),
  );
  return done / (BURST_MS / 1000);
}

interface PageResult {
  latencyMs: Record<Server["name"], number>;
  requestsPerSecond: Record<Server["name"], number>;
  bursts: Record<Server["name"], number[]>;
}

async function compare(servers: [Server, Server], page: string, headers: Record<string, string>) {
  const latencies: Record<string, number[]> = { [servers[0].name]: [], [servers[1].name]: [] };
  const rates: Record<string, number[]> = { [servers[0].name]: [], [servers[1].name]: [] };
  for (const server of servers) for (let i = 0; i < 20; i++) await timedGet(server.url + page, headers);
  for (let i = 0; i < PAIRS; i++) {
    for (const server of i % 2 ? servers : [servers[1], servers[0]]) {
      latencies[server.name]?.push(await timedGet(server.url + page, headers));
    }
  }
  for (let i = 0; i < BURSTS; i++) {
    for (const server of i % 2 ? servers : [servers[1], servers[0]]) {
      rates[server.name]?.push(await burst(server.url + page, headers));
    }
  }
  const result = { latencyMs: {}, requestsPerSecond: {}, bursts: rates } as PageResult;
  for (const server of servers) {
    result.latencyMs[server.name] = median(latencies[server.name] ?? []);
    result.requestsPerSecond[server.name] = median(rates[server.name] ?? []);
  }
  return result;
}

// The bench data dir with its catalog and demo listener, and a current build of apps/web.
await (await startApp({ demoTracks: 12, demoSeconds: 60 })).stop();

const scratch = mkdtempSync(path.join(os.tmpdir(), "cadence-bench-csp-"));
const servers: Server[] = [];
try {
  log("building a copy of apps/web without src/proxy.ts…");
  rmSync(noProxyDir, { recursive: true, force: true });
  cpSync(webDir, noProxyDir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !path.relative(webDir, source).startsWith(".next"),
  });
  rmSync(path.join(noProxyDir, "src/proxy.ts"));
  await run(
    process.execPath,
    [path.join(noProxyDir, "node_modules/next/dist/bin/next"), "build"],
    noProxyDir,
  );

  for (const name of ["a", "b"]) cpSync(benchDataDir(), path.join(scratch, name), { recursive: true });
  const withCsp = await serve("CSP nonce", webDir, path.join(scratch, "a"), 3261);
  servers.push(withCsp);
  const withoutProxy = await serve("no proxy", noProxyDir, path.join(scratch, "b"), 3262);
  servers.push(withoutProxy);
  const csp = await fetch(`${withCsp.url}/signin`).then((r) => r.headers.get("content-security-policy"));
  const none = await fetch(`${withoutProxy.url}/signin`).then((r) =>
    r.headers.get("content-security-policy"),
  );
  if (!csp?.includes("'nonce-") || none !== null) throw new Error("the two builds do not differ by the CSP");

  const cookie = await sessionCookie(withCsp.url);
  const results: Record<string, PageResult> = {};
  const pair: [Server, Server] = [withCsp, withoutProxy];
  results["/signin"] = await compare(pair, "/signin", {});
  log("/signin done");
  results["/ (signed in)"] = await compare(pair, "/", { cookie });

  const rows = [["page", "no proxy", "CSP nonce", "change", "no proxy", "CSP nonce", "change"]];
  rows.push(["", "req/s", "req/s", "", "latency", "latency", ""]);
  for (const [page, r] of Object.entries(results)) {
    const [rpsA, rpsB] = [r.requestsPerSecond["no proxy"], r.requestsPerSecond["CSP nonce"]];
    const [latA, latB] = [r.latencyMs["no proxy"], r.latencyMs["CSP nonce"]];
    rows.push([
      page,
      rpsA.toFixed(1),
      rpsB.toFixed(1),
      `${(((rpsB - rpsA) / rpsA) * 100).toFixed(1)}%`,
      `${latA.toFixed(1)} ms`,
      `${latB.toFixed(1)} ms`,
      `+${(latB - latA).toFixed(1)} ms`,
    ]);
  }
  console.log(
    `\nCSP nonce cost (medians; ${PAIRS} sequential pairs, ${BURSTS} bursts of ${BURST_MS / 1000} s per server ` +
      `at concurrency ${CONCURRENCY}; load average ${os.loadavg()[0]?.toFixed(1)})\n${table(rows)}`,
  );
  const file = await writeResult("csp", {
    date: new Date().toISOString(),
    pairs: PAIRS,
    bursts: BURSTS,
    concurrency: CONCURRENCY,
    loadAverage: os.loadavg(),
    results,
  });
  log(`wrote ${file}`);
} finally {
  servers.forEach(stop);
  rmSync(noProxyDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}
