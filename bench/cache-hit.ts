/**
 * What a cache hit costs through the redis-http bridge against a direct Redis client:
 *   npx tsx bench/cache-hit.ts
 *
 * One run, one Redis (BENCH_REDIS_URL, default the machine's 127.0.0.1:6379), one ~2 KB JSON
 * value. The bridge runs as its own process, as `npm start` used to run it beside the app, with
 * UpstashCache (@upstash/redis over HTTP) in front of it; the direct client is IoredisCache (ioredis
 * on Redis's own protocol), the engine the app now uses for REDIS_URL. Both parse the JSON.
 * BENCH_CACHE_HITS sequential GETs per client (default 5000, after 500 to warm up), the clients
 * taking turns hit by hit so that load from elsewhere on the machine falls on both alike. Then
 * throughput: hits per second with BENCH_CACHE_CONCURRENCY requests in flight (default 16),
 * in alternating 1 s bursts, 6 per client.
 * Keys live under a fresh prefix and are deleted at the end; nothing else in Redis is touched.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

import { IoredisCache, UpstashCache } from "@cadence/cache";

import { freePort, log, repoRoot } from "./lib/harness";
import { writeResult } from "./lib/results";
import { median, summarize, table } from "./lib/stats";
import type { Summary } from "./lib/stats";

const HITS = Math.max(100, Number(process.env.BENCH_CACHE_HITS ?? 5000));
const WARMUP = 500;
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_CACHE_CONCURRENCY ?? 16));
const BURSTS = 6;
const BURST_MS = 1000;
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface CacheHitResult {
  date: string;
  hits: number;
  valueBytes: number;
  clients: Record<string, Summary>;
  /** Bridge minus direct, in milliseconds. */
  bridgeAdds: { median: number; p95: number; medianUnderLoad: number };
  concurrency: number;
  /** Median over the bursts. */
  hitsPerSecond: Record<string, number>;
  /** Each hit's time during the bursts. */
  underLoad: Record<string, Summary>;
}

/** Hits per second with `concurrency` GETs in flight for `ms`; each hit's time goes to `times`. */
async function burst(
  get: () => Promise<unknown>,
  concurrency: number,
  ms: number,
  times: number[],
): Promise<number> {
  const deadline = performance.now() + ms;
  let hits = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await get();
      times.push(performance.now() - started);
      hits++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (hits * 1000) / (performance.now() - started);
}

/** An album page's worth of JSON: about 2 KB. */
function albumValue() {
  const tracks = Array.from({ length: 12 }, (_, i) => ({
    id: `0b5e${String(i).padStart(4, "0")}-7d1c-4f7e-9a55-${randomBytes(6).toString("hex")}`,
    title: `Track ${i + 1} of the benchmark album`,
    durationMs: 180_000 + i * 1000,
    trackNumber: i + 1,
    explicit: false,
  }));
  return {
    id: "4f1d2c3b-0a9e-4c6d-8b7a-112233445566",
    title: "A benchmark album",
    artist: { id: "9e8d7c6b-5a4f-4e3d-2c1b-abcdefabcdef", name: "The Benchmarks" },
    releaseDate: "2026-11-29",
    coverUrl: "/api/covers/4f1d2c3b-0a9e-4c6d-8b7a-112233445566",
    tracks,
  };
}

async function startBridge(token: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    path.join(repoRoot, "node_modules/.bin/tsx"),
    [path.join(repoRoot, "packages/cache/src/cli/redis-http.ts")],
    {
      cwd: repoRoot,
      env: { ...process.env, REDIS_URL: redisUrl, REDIS_HTTP_TOKEN: token, REDIS_HTTP_PORT: String(port) },
      detached: true, // its own group: tsx runs the script in a grandchild
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bridge exited with ${code}`)));
    child.stdout?.on("data", (data: Buffer) => {
      if (data.toString().includes("redis-http bridge on")) resolve();
    });
  }).catch((error: unknown) => {
    stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, stop };
}

const prefix = `bench:${randomBytes(6).toString("hex")}:`;
const value = albumValue();
const valueBytes = Buffer.byteLength(JSON.stringify({ v: value }));
const token = randomBytes(24).toString("base64url");
const bridge = await startBridge(token);
const viaBridge = new UpstashCache({ url: bridge.url, token, prefix });
const direct = new IoredisCache({ url: redisUrl, prefix });

type Client = { name: string; get: () => Promise<unknown> };
const clients: Client[] = [
  { name: "UpstashCache -> bridge -> Redis", get: () => viaBridge.get("album") },
  { name: "IoredisCache -> Redis (direct)", get: () => direct.get("album") },
];

try {
  // The shape cached() stores: the value wrapped, so a cached null differs from a miss.
  await viaBridge.set("album", { v: value }, 600);
  log(`cache hit: ${HITS} GETs of ${valueBytes} bytes per client, ${redisUrl}`);
  const samples = clients.map(() => [] as number[]);
  for (let i = 0; i < WARMUP + HITS; i++) {
    for (const [index, client] of clients.entries()) {
      const started = performance.now();
      const hit = await client.get();
      const elapsed = performance.now() - started;
      if (hit === null) throw new Error(`${client.name} missed`);
      if (i >= WARMUP) samples[index]?.push(elapsed);
    }
  }
  const rates = clients.map(() => [] as number[]);
  const loaded = clients.map(() => [] as number[]);
  for (let round = 0; round < BURSTS; round++) {
    for (const [index, client] of clients.entries()) {
      rates[index]?.push(await burst(client.get, CONCURRENCY, BURST_MS, loaded[index] ?? []));
    }
  }
  const summaries = Object.fromEntries(clients.map((c, i) => [c.name, summarize(samples[i] ?? [])]));
  const [bridged, plain] = clients.map((c) => summaries[c.name] as Summary);
  const result: CacheHitResult = {
    date: new Date().toISOString(),
    hits: HITS,
    valueBytes,
    clients: summaries,
    bridgeAdds: {
      median: (bridged?.median ?? NaN) - (plain?.median ?? NaN),
      p95: (bridged?.p95 ?? NaN) - (plain?.p95 ?? NaN),
      medianUnderLoad: median(loaded[0] ?? []) - median(loaded[1] ?? []),
    },
    concurrency: CONCURRENCY,
    hitsPerSecond: Object.fromEntries(clients.map((c, i) => [c.name, median(rates[i] ?? [])])),
    underLoad: Object.fromEntries(clients.map((c, i) => [c.name, summarize(loaded[i] ?? [])])),
  };
  const f = (ms: number) => `${ms.toFixed(3)} ms`;
  process.stdout.write(
    `${table([
      ["client", "n", "median", "p95", "min", "max", `at ${CONCURRENCY}: hits/s`, "median", "p95"],
      ...clients.map((c) => {
        const s = summaries[c.name] as Summary;
        const l = result.underLoad[c.name] as Summary;
        const rate = result.hitsPerSecond[c.name] ?? NaN;
        return [
          c.name,
          String(s.n),
          f(s.median),
          f(s.p95),
          f(s.min),
          f(s.max),
          rate.toFixed(0),
          f(l.median),
          f(l.p95),
        ];
      }),
    ])}\n` +
      `the bridge adds ${f(result.bridgeAdds.median)} at the median, ${f(result.bridgeAdds.p95)} at p95, ` +
      `${f(result.bridgeAdds.medianUnderLoad)} at the median with ${CONCURRENCY} in flight\n`,
  );
  await writeResult("cache-hit", result);
} finally {
  await viaBridge.del("album").catch(() => undefined);
  await direct.close();
  bridge.stop();
}
