/** The library benchmark's results: rows, goals, the printed tables and the JSON. */
import os from "node:os";

import type { Delta } from "./db-probes";
import type { SeedReport } from "./library-seed";
import { SEED } from "./library-seed";
import type { Burst } from "./load";
import type { GroupMemory } from "./proc-group";
import { summarize, table } from "./stats";
import type { Summary } from "./stats";

export const GOAL_P95_MS = 20;
export const GOAL_RATIO = 0.25;

export interface Throughput {
  app: Burst;
  bare: Burst;
  appRps: number;
  bareRps: number;
  ratio: number;
  /** CPU time per answered request: the app's process group, the bare server's process. */
  appCpuMs: number;
  bareCpuMs: number;
}

export interface LibraryRow {
  name: string;
  procedure: string;
  status: number;
  bytes: number;
  warm: Summary;
  cold: Summary;
  /** Cache keys the cold reads deleted, in all (0 for fresh objects: nothing cached yet). */
  coldKeysDeleted: number;
  perRequest: { warm: Delta; cold: Delta } | null;
  throughput: Throughput | null;
}

export interface Settings {
  rounds: number;
  coldRounds: number;
  seconds: number;
  concurrency: number;
  burstSeconds: number;
  counted: { warm: number; cold: number };
}

export function mergeBursts(bursts: Burst[]): Burst {
  return {
    requests: bursts.reduce((sum, b) => sum + b.requests, 0),
    failed: bursts.reduce((sum, b) => sum + b.failed, 0),
    seconds: bursts.reduce((sum, b) => sum + b.seconds, 0),
    latenciesMs: bursts.flatMap((b) => b.latenciesMs),
  };
}

export function throughputOf(
  app: { runs: Burst[]; cpuMs: number },
  bare: { runs: Burst[]; cpuMs: number },
): Throughput {
  const [a, b] = [mergeBursts(app.runs), mergeBursts(bare.runs)];
  const appRps = a.requests / a.seconds;
  const bareRps = b.requests / b.seconds;
  return {
    app: a,
    bare: b,
    appRps,
    bareRps,
    ratio: appRps / bareRps,
    appCpuMs: app.cpuMs / Math.max(1, a.requests),
    bareCpuMs: bare.cpuMs / Math.max(1, b.requests),
  };
}

export function goalsOf(rows: LibraryRow[]) {
  const measured = rows.filter((r) => r.status === 200);
  const find = (prefix: string) => rows.find((r) => r.name.startsWith(prefix));
  const big = find("playlist.items, 10,000");
  const small = find("playlist.items, 10-track");
  const bigAt10 = find("playlist.items limit 10");
  return {
    p95WarmUnder20ms: measured.map((r) => ({ name: r.name, p95: r.warm.p95, met: r.warm.p95 < GOAL_P95_MS })),
    bigFirstPageNoSlower: {
      warm: { big: big?.warm.median ?? NaN, small: small?.warm.median ?? NaN },
      cold: { big: big?.cold.median ?? NaN, small: small?.cold.median ?? NaN },
      sameLimit: {
        warm: { big: bigAt10?.warm.median ?? NaN, small: small?.warm.median ?? NaN },
        cold: { big: bigAt10?.cold.median ?? NaN, small: small?.cold.median ?? NaN },
      },
      met: (big?.warm.median ?? Infinity) <= (small?.warm.median ?? 0),
    },
    throughputQuarterOfBare: measured
      .filter((r) => r.throughput)
      .map((r) => ({
        name: r.name,
        ratio: r.throughput?.ratio ?? 0,
        met: (r.throughput?.ratio ?? 0) >= GOAL_RATIO,
      })),
  };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const pair = (d: { warm: Delta; cold: Delta } | null, pick: (x: Delta) => number, digits: number) =>
  d ? `${pick(d.warm).toFixed(digits)} / ${pick(d.cold).toFixed(digits)}` : "";

export function reportText(
  rows: LibraryRow[],
  seed: SeedReport,
  settings: Settings,
  memory: GroupMemory | null,
): string {
  const goals = goalsOf(rows);
  const mark = (met: boolean) => (met ? "met" : "MISSED");
  const latency = [
    [
      "read",
      "bytes",
      "warm median",
      "warm p95",
      "cold median",
      "cold p95",
      "xacts w/c",
      "rows w/c",
      "buffers w/c",
      "CPU ms w/c",
    ],
    ...rows.map((r) => [
      r.name,
      String(r.bytes),
      ms(r.warm.median),
      ms(r.warm.p95),
      ms(r.cold.median),
      ms(r.cold.p95),
      pair(r.perRequest, (d) => d.transactions, 1),
      pair(r.perRequest, (d) => d.rows, 0),
      pair(r.perRequest, (d) => d.buffers, 0),
      pair(r.perRequest, (d) => d.cpuMs, 1),
    ]),
  ];
  const rps = [
    [
      "read",
      "app req/s",
      "bare req/s",
      "app/bare",
      "app median",
      "app p95",
      "CPU ms app",
      "CPU ms bare",
      "failed",
    ],
    ...rows.flatMap((r) => {
      const t = r.throughput;
      if (!t) return [];
      const under = summarize(t.app.latenciesMs);
      const failed = t.app.failed + t.bare.failed;
      return [
        [
          r.name,
          t.appRps.toFixed(0),
          t.bareRps.toFixed(0),
          t.ratio.toFixed(3),
          ms(under.median),
          ms(under.p95),
          t.appCpuMs.toFixed(2),
          t.bareCpuMs.toFixed(2),
          String(failed),
        ],
      ];
    }),
  ];
  const server = memory?.processes[0];
  const g = goals.bigFirstPageNoSlower;
  return [
    "",
    `Library reads (${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end)`,
    `Seeded ${SEED.albums * SEED.tracksPerAlbum} tracks, ${SEED.albums} albums, ${SEED.artists} artists, ` +
      `${seed.rows.user} users, ${SEED.playlists} playlists (${seed.rows.playlist_item} items), ` +
      `${seed.rows.track_like} likes, ${seed.rows.artist_follow} artist follows, ${seed.rows.listening_event} plays ` +
      `in ${seed.seconds.toFixed(1)} s (of which vacuum analyze ${seed.analyzeSeconds.toFixed(1)} s); ` +
      `pg_database_size ${mb(seed.sizeBytes)}`,
    "",
    `Sequential, one keep-alive connection: ${settings.rounds} warm rounds (the same object again), ` +
      `${settings.coldRounds} cold rounds (a fresh album or artist each time; for the playlists and the largest ` +
      "artist, every cache key naming the object deleted first). Per request, warm / cold, over " +
      `${settings.counted.warm} / ${settings.counted.cold} requests: Postgres transactions (one per statement, ` +
      "plus one per parallel worker), rows and buffers (pg_stat_database) and the app's CPU time",
    table(latency),
    "",
    `Throughput, cache warm: ${settings.concurrency} connections, ${settings.seconds} s per server and read ` +
      `in alternating ${settings.burstSeconds} s bursts; bare = node:http answering the same bytes; ` +
      "CPU ms per request of the server's processes",
    table(rps),
    "",
    `App peak RSS: ${server ? `${mb(server.peakRssBytes)} (${server.command})` : "n/a"}; ` +
      `process group (start script + Redis bridge + server) ${memory ? mb(memory.peakGroupRssBytes) : "n/a"}`,
    "",
    "Goals:",
    ...goals.p95WarmUnder20ms.map(
      (x) => `  p95 warm < ${GOAL_P95_MS} ms, ${x.name}: ${ms(x.p95)} ${mark(x.met)}`,
    ),
    `  10,000-track first page no slower than the 10-track one's (warm medians): ${ms(g.warm.big)} vs ` +
      `${ms(g.warm.small)} ${mark(g.met)}; cold ${ms(g.cold.big)} vs ${ms(g.cold.small)}; ` +
      `at the same page size (10) warm ${ms(g.sameLimit.warm.big)} vs ${ms(g.sameLimit.warm.small)}, ` +
      `cold ${ms(g.sameLimit.cold.big)} vs ${ms(g.sameLimit.cold.small)}`,
    ...goals.throughputQuarterOfBare.map(
      (x) => `  app/bare >= ${GOAL_RATIO}, ${x.name}: ${x.ratio.toFixed(3)} ${mark(x.met)}`,
    ),
    "",
  ].join("\n");
}

/** The JSON result: latency samples summarised, not listed. */
export function resultJson(
  rows: LibraryRow[],
  seed: SeedReport,
  settings: Settings,
  memory: GroupMemory | null,
  extra: Record<string, unknown>,
) {
  const shrink = (b: Burst) => ({ ...b, latenciesMs: summarize(b.latenciesMs) });
  return {
    date: new Date().toISOString(),
    cores: os.cpus().length,
    loadAverage: os.loadavg(),
    settings,
    seed,
    ...extra,
    rows: rows.map((r) => ({
      ...r,
      throughput: r.throughput && {
        ...r.throughput,
        app: shrink(r.throughput.app),
        bare: shrink(r.throughput.bare),
      },
    })),
    memory,
    goals: goalsOf(rows),
  };
}

export type LibraryResult = ReturnType<typeof resultJson>;

/** A few lines for bench/run.ts's summary. */
export function librarySummary(result: LibraryResult): string[] {
  const { goals, memory } = result;
  const worst = [...goals.p95WarmUnder20ms].sort((a, b) => b.p95 - a.p95)[0];
  const lowest = [...goals.throughputQuarterOfBare].sort((a, b) => a.ratio - b.ratio)[0];
  const page = goals.bigFirstPageNoSlower;
  return [
    `library: worst warm p95 ${worst ? `${ms(worst.p95)} (${worst.name})` : "n/a"}, goal < ${GOAL_P95_MS} ms`,
    `library: first page warm, 10,000 tracks ${ms(page.warm.big)} vs 10 tracks ${ms(page.warm.small)}`,
    `library: lowest app/bare throughput ${lowest ? `${lowest.ratio.toFixed(3)} (${lowest.name})` : "n/a"}, goal >= ${GOAL_RATIO}`,
    `library: app peak RSS ${memory?.processes[0] ? mb(memory.processes[0].peakRssBytes) : "n/a"}`,
  ];
}
