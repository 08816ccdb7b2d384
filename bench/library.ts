/**
 * Library reads at scale:  npx tsx bench/library.ts   (or: pnpm bench library)
 *
 * Seeds a fresh Postgres database (BENCH_LIBRARY_DATABASE) with 100,000 tracks, 10,000 albums,
 * 2,000 artists, 5,000 listeners and 1,000 playlists (one of 10,000 tracks, one of 10), likes,
 * follows and half a million plays; serves the built app on it (scripts/start.ts, so the
 * production server and the Redis bridge) with Redis as its cache under a CACHE_PREFIX of its
 * own; signs in as a listener and reads albums, artists and playlists through tRPC over HTTP:
 *  - sequential latency, warm (the same object again) and cold (a fresh album or artist each
 *    time; for the playlists, every cache key naming them deleted first);
 *  - Postgres transactions (about one per statement), rows and buffers (pg_stat_database) and app CPU time per request;
 *  - requests per second at BENCH_LIBRARY_CONCURRENCY connections, alternating 2 s bursts
 *    between the app and a bare node:http server answering the same bytes;
 *  - the app's peak RSS over the whole run.
 * Needs Postgres (TEST_DATABASE_URL's server) and Redis (TEST_REDIS_URL), as the tests do.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";

import { testRedisUrl } from "@cadence/cache/testing";
import { adminUrl } from "../scripts/e2e-constants";
import { startBareServer } from "./lib/bare-server";
import type { BareServer, CapturedAnswer } from "./lib/bare-server";
import { cacheKeys, DbCounterProbe } from "./lib/db-probes";
import type { CacheKeys, Delta } from "./lib/db-probes";
import { log, repoRoot, sessionCookie, startApp } from "./lib/harness";
import { readCases, roundOrder, trpcPath } from "./lib/library-cases";
import type { ReadCase } from "./lib/library-cases";
import { reportText, resultJson, throughputOf } from "./lib/library-report";
import type { LibraryRow, Settings, Throughput } from "./lib/library-report";
import { benchListener, databaseUrl, seedLibrary } from "./lib/library-seed";
import { burst, HttpClient } from "./lib/load";
import type { Burst } from "./lib/load";
import { cpuMsOf, groupCpuMs, watchGroupMemory } from "./lib/proc-group";
import { writeResult } from "./lib/results";
import { summarize } from "./lib/stats";

const settings: Settings = {
  rounds: Math.max(1, Number(process.env.BENCH_LIBRARY_ROUNDS ?? 200)),
  coldRounds: Math.max(1, Number(process.env.BENCH_LIBRARY_COLD_ROUNDS ?? 40)),
  seconds: Math.max(2, Number(process.env.BENCH_LIBRARY_SECONDS ?? 10)),
  concurrency: Math.max(1, Number(process.env.BENCH_LIBRARY_CONCURRENCY ?? 16)),
  burstSeconds: 2,
  counted: { warm: 40, cold: 20 },
};
const DATABASE = process.env.BENCH_LIBRARY_DATABASE ?? "cadence_bench_library";

const seed = await seedLibrary(adminUrl(), DATABASE, log);
log(`seeded ${DATABASE} in ${seed.seconds.toFixed(1)} s, ${(seed.sizeBytes / 2 ** 20).toFixed(0)} MB`);
const url = databaseUrl(adminUrl(), DATABASE);
const fresh = settings.coldRounds + settings.counted.cold + 2;
const { cases, picked } = await readCases(url, seed, fresh);

const prefix = `bench:library:${randomBytes(4).toString("hex")}:`;
const app = await startApp({
  port: Number(process.env.BENCH_PORT ?? 3316),
  dataDir: path.join(repoRoot, ".data/bench-library"),
  startTimeoutMs: 20 * 60_000, // a first `next build` on a busy machine
  // Reads are rate-limited per listener and address: limits far above what the run makes, so
  // every request still pays for its counting but none is refused.
  env: {
    DATABASE_URL: url,
    REDIS_URL: testRedisUrl,
    CACHE_PREFIX: prefix,
    DEMO_CATALOG: "off",
    RATE_LIMIT_READS_PER_USER: "1000000000",
    RATE_LIMIT_READS_PER_IP: "1000000000",
  },
});
const appPid = app.pid;
const memory = appPid === null ? null : watchGroupMemory(appPid);
const cpuMs = () => (appPid === null ? 0 : groupCpuMs(appPid));
const keys = await cacheKeys(testRedisUrl, prefix);
const probe = new DbCounterProbe(adminUrl(), DATABASE);
const client = new HttpClient(settings.concurrency);
let bare: BareServer | null = null;
const rows: LibraryRow[] = [];
let memoryReport: ReturnType<NonNullable<typeof memory>["stop"]> | null;
try {
  const cookie = await sessionCookie(app.baseUrl, benchListener);
  const headersOf = (c: ReadCase): Record<string, string> => (c.anonymous ? {} : { cookie });
  const statusOf = (c: ReadCase) => (c.anonymous ? 401 : 200);
  const read = async (c: ReadCase, input = c.input): Promise<number> => {
    const answer = await client.get(app.baseUrl + trpcPath(c.procedure, input), headersOf(c));
    if (answer.status !== statusOf(c)) {
      throw new Error(`${c.name} answered ${answer.status}: ${answer.body.toString().slice(0, 300)}`);
    }
    return answer.ms;
  };
  const coldKeysDeleted = new Map<ReadCase, number>(cases.map((c) => [c, 0]));
  const coldRead = async (c: ReadCase, forgetter: CacheKeys): Promise<number> => {
    const { input, objectId } = c.cold();
    coldKeysDeleted.set(c, (coldKeysDeleted.get(c) ?? 0) + (await forgetter.forget(objectId)));
    return read(c, input);
  };

  const bodies = new Map<string, CapturedAnswer>();
  for (const c of cases) {
    const urlPath = trpcPath(c.procedure, c.input);
    if (bodies.has(urlPath)) throw new Error(`two reads ask for ${urlPath}`);
    const answer = await client.get(app.baseUrl + urlPath, headersOf(c));
    if (answer.status !== statusOf(c)) throw new Error(`${c.name} answered ${answer.status}`);
    bodies.set(urlPath, { status: answer.status, contentType: answer.contentType, body: answer.body });
  }

  log(`sequential: ${settings.rounds} warm and ${settings.coldRounds} cold rounds of ${cases.length} reads…`);
  const warm = new Map<ReadCase, number[]>(cases.map((c) => [c, []]));
  const cold = new Map<ReadCase, number[]>(cases.map((c) => [c, []]));
  // Every read each round, so that load from elsewhere on the machine falls on all alike.
  for (let round = 0; round < settings.rounds; round++) {
    for (const c of roundOrder(cases, round)) warm.get(c)?.push(await read(c));
  }
  for (let round = 0; round < settings.coldRounds; round++) {
    for (const c of roundOrder(cases, round)) cold.get(c)?.push(await coldRead(c, keys));
  }

  log("per-request transactions, rows, buffers and CPU (about 11 s of settling per measurement)…");
  const perRequest = new Map<ReadCase, { warm: Delta; cold: Delta }>();
  for (const c of cases) {
    await read(c); // the cache warm
    const { warm: nWarm, cold: nCold } = settings.counted;
    const warmDelta = await probe.perRequest(
      nWarm,
      async () => {
        for (let i = 0; i < nWarm; i++) await read(c);
      },
      cpuMs,
    );
    const coldDelta = await probe.perRequest(
      nCold,
      async () => {
        for (let i = 0; i < nCold; i++) await coldRead(c, keys);
      },
      cpuMs,
    );
    perRequest.set(c, { warm: warmDelta, cold: coldDelta });
  }

  bare = await startBareServer(bodies);
  const bareUrl = bare.baseUrl;
  const barePid = bare.pid;
  log(`throughput: ${settings.seconds} s per server and read at ${settings.concurrency} connections…`);
  const throughput = new Map<ReadCase, Throughput>();
  for (const c of cases.filter((c) => c.throughput)) {
    const urlPath = trpcPath(c.procedure, c.input);
    const servers = {
      app: { url: app.baseUrl, cpu: cpuMs, runs: [] as Burst[], cpuMs: 0 },
      bare: {
        url: bareUrl,
        cpu: () => (barePid === null ? 0 : cpuMsOf([barePid])),
        runs: [] as Burst[],
        cpuMs: 0,
      },
    };
    await read(c); // the cache warm
    for (let b = 0; b < Math.ceil(settings.seconds / settings.burstSeconds); b++) {
      for (const name of b % 2 ? (["app", "bare"] as const) : (["bare", "app"] as const)) {
        const server = servers[name];
        const options = {
          seconds: settings.burstSeconds,
          concurrency: settings.concurrency,
          status: statusOf(c),
        };
        const cpuBefore = server.cpu();
        server.runs.push(await burst(client, server.url + urlPath, headersOf(c), options));
        server.cpuMs += server.cpu() - cpuBefore;
      }
    }
    const result = throughputOf(servers.app, servers.bare);
    throughput.set(c, result);
    log(`${c.name}: app ${result.appRps.toFixed(0)}/s, bare ${result.bareRps.toFixed(0)}/s`);
  }

  for (const c of cases) {
    const urlPath = trpcPath(c.procedure, c.input);
    rows.push({
      name: c.name,
      procedure: c.procedure,
      status: statusOf(c),
      bytes: bodies.get(urlPath)?.body.length ?? 0,
      warm: summarize(warm.get(c) ?? []),
      cold: summarize(cold.get(c) ?? []),
      coldKeysDeleted: coldKeysDeleted.get(c) ?? 0,
      perRequest: perRequest.get(c) ?? null,
      throughput: throughput.get(c) ?? null,
    });
  }
} finally {
  memoryReport = memory?.stop() ?? null;
  bare?.stop();
  client.close();
  await probe.close();
  await keys.close();
  await app.stop();
}

process.stdout.write(reportText(rows, seed, settings, memoryReport));
const file = await writeResult("library", resultJson(rows, seed, settings, memoryReport, { picked }));
log(`wrote ${file}`);
