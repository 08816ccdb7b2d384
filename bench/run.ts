/**
 * All benchmarks, one command:  npx tsx bench/run.ts [name…]   (or `pnpm bench [name…]`)
 *
 * Runs the ingest and cache-hit benchmarks, then starts the app once and runs the playback start
 * and stalls benchmarks against it, then the library benchmark (which starts its own app on
 * Postgres and Redis), each as its own process. Every benchmark writes its JSON to
 * bench/results/; this writes bench/results/run.json with a summary of them.
 *
 * Names on the command line (or BENCH_ONLY, comma-separated) pick a subset of ingest,
 * cache-hit, playback-start, stalls, library: `pnpm bench library`. Knobs (environment):
 * BENCH_INGEST_TRACKS (default 6), BENCH_INGEST_SECONDS (default 60), BENCH_START_ROUNDS
 * (default 36), BENCH_STALL_SECONDS (default 240), BENCH_CACHE_HITS (default 5000), and the
 * library's BENCH_LIBRARY_*.
 */
import { spawn } from "node:child_process";
import path from "node:path";

import { log, repoRoot, startApp } from "./lib/harness";
import type { AppHandle } from "./lib/harness";
import { librarySummary } from "./lib/library-report";
import type { LibraryResult } from "./lib/library-report";
import { readResult, writeResult } from "./lib/results";
import { ms, ratio } from "./lib/stats";
import type { CacheHitResult } from "./cache-hit";
import type { PlaybackStartResult } from "./playback-start";
import type { StallsResult } from "./stalls";

interface IngestResult {
  date: string;
  baseline: { medianX: number };
  ladder: { medianX: number; p95X: number };
  parallel: { machineX: number };
  ladderCostVsBaseline: number;
}

interface Step {
  name: "ingest" | "cache-hit" | "playback-start" | "stalls" | "library" | "search";
  args: string[];
  needsApp: boolean;
}

const STEPS: Step[] = [
  {
    name: "ingest",
    args: [
      "bench/ingest.ts",
      process.env.BENCH_INGEST_TRACKS ?? "6",
      `--seconds=${process.env.BENCH_INGEST_SECONDS ?? "60"}`,
    ],
    needsApp: false,
  },
  { name: "cache-hit", args: ["bench/cache-hit.ts"], needsApp: false },
  { name: "playback-start", args: ["bench/playback-start.ts"], needsApp: true },
  { name: "stalls", args: ["bench/stalls.ts"], needsApp: true },
  { name: "library", args: ["bench/library.ts"], needsApp: false },
  { name: "search", args: ["bench/search.ts"], needsApp: false },
];

const named = process.argv.slice(2);
const only = named.length > 0 ? named : process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const unknown = only?.filter((name) => !STEPS.some((step) => step.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`no benchmark named ${unknown.join(", ")}`);
const steps = STEPS.filter((step) => !only || only.includes(step.name));
const runStarted = new Date();
const outcomes: { name: string; ok: boolean; seconds: number }[] = [];
let app: AppHandle | null = null;
try {
  for (const step of steps) {
    if (step.needsApp && !app) app = await startApp();
    log(`── ${step.name} ──`);
    const started = performance.now();
    const code = await runChild(step.args, app && step.needsApp ? { BENCH_BASE_URL: app.baseUrl } : {});
    const seconds = (performance.now() - started) / 1000;
    outcomes.push({ name: step.name, ok: code === 0, seconds });
    if (code !== 0) log(`${step.name} failed (exit ${code}); going on with the others`);
  }
} finally {
  await app?.stop();
}

const summary = {
  date: runStarted.toISOString(),
  steps: outcomes,
  ingest: await fresh<IngestResult>("ingest"),
  cacheHit: await fresh<CacheHitResult>("cache-hit"),
  playbackStart: await fresh<PlaybackStartResult>("playback-start"),
  stalls: await fresh<StallsResult>("stalls"),
  library: await fresh<LibraryResult>("library"),
};
await writeResult("run", {
  ...summary,
  playbackStart: summary.playbackStart && { ...summary.playbackStart, plays: undefined },
  library: summary.library && { goals: summary.library.goals, memory: summary.library.memory },
});
process.stdout.write(summaryText(summary));
process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;

function runChild(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    child.once("exit", (code) => resolve(code ?? 1));
    child.once("error", () => resolve(1));
  });
}

/** A result written during this run (an older file from a failed step is ignored). */
async function fresh<T extends { date: string }>(name: string): Promise<T | null> {
  const result = (await readResult(name).catch(() => null)) as T | null;
  return result && new Date(result.date) >= runStarted ? result : null;
}

function summaryText(s: typeof summary): string {
  const lines = ["", "══ summary ══"];
  for (const o of s.steps) lines.push(`${o.name}: ${o.ok ? "ok" : "FAILED"} in ${o.seconds.toFixed(0)} s`);
  if (s.ingest) {
    lines.push(
      `ingest: ladder ${s.ingest.ladder.medianX.toFixed(1)}x real time per core (p95 ${s.ingest.ladder.p95X.toFixed(1)}x), ` +
        `baseline AAC ${s.ingest.baseline.medianX.toFixed(1)}x, ladder costs ${s.ingest.ladderCostVsBaseline.toFixed(2)}x the time`,
    );
  }
  if (s.cacheHit) {
    for (const [client, hit] of Object.entries(s.cacheHit.clients)) {
      lines.push(
        `cache hit ${client}: median ${hit.median.toFixed(3)} ms, p95 ${hit.p95.toFixed(3)} ms, ` +
          `${(s.cacheHit.hitsPerSecond[client] ?? NaN).toFixed(0)} hits/s at ${s.cacheHit.concurrency}`,
      );
    }
  }
  const start = s.playbackStart;
  if (start) {
    for (const [variant, summaryOf] of Object.entries(start.summaries)) {
      const r = start.ratiosVsHlsDefault[variant as keyof typeof start.ratiosVsHlsDefault] ?? NaN;
      lines.push(
        `start ${variant.padEnd(14)} median ${ms(summaryOf.median)}, p95 ${ms(summaryOf.p95)} ` +
          `(n=${summaryOf.n}, failed ${summaryOf.failed}), ${ratio(r)} hls.js default`,
      );
    }
  }
  for (const p of s.stalls?.profiles ?? []) {
    lines.push(
      `stalls ${p.profile.name}: ${p.stallsPerHour.toFixed(1)}/h, ratio ${(100 * p.stallRatio).toFixed(2)}% ` +
        `over ${p.totals.playedSec.toFixed(0)} s played`,
    );
  }
  if (s.library) lines.push(...librarySummary(s.library));
  lines.push(`results in bench/results/ (run.json and one file per benchmark)`, "");
  return lines.join("\n");
}
