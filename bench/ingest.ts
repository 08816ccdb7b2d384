/**
 * Ingest benchmark: how fast the full HLS ladder (decode once, AAC at 64/128/256 kb/s, fMP4
 * segmenting, AES-128 encryption, EBU R128 loudness, upload, database writes) runs compared with
 * a plain single-bitrate AAC encode of the same files, and how much memory it takes.
 *
 *   npx tsx bench/ingest.ts [tracks=8] [--seconds=60]
 *
 * Speeds are "x real time per core": seconds of audio per second of wall time for one file on
 * one worker (ffmpeg's audio path is single-threaded, so one worker ≈ one core).
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";

import { createTestDb } from "@cadence/db/testing";
import { generateDemoCatalog } from "@cadence/demo";
import { ingestFolder, LADDER_KBPS, LocalStorage, locateFfmpeg, readTags, runFfmpeg } from "@cadence/media";
import type { IngestDurations } from "@cadence/media";
import { tempDir } from "@cadence/media/testing";

import { median } from "./lib/stats";

const args = process.argv.slice(2);
const trackCount = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 8);
const fixedSeconds =
  Number(args.find((arg) => arg.startsWith("--seconds="))?.split("=")[1] ?? 0) || undefined;

const memory = startMemorySampler();
const work = await tempDir("cadence-bench-");
try {
  const music = path.join(work.path, "music");
  process.stderr.write(`generating ${trackCount} demo tracks…\n`);
  const catalog = await generateDemoCatalog({
    outDir: music,
    limit: trackCount,
    durationSeconds: fixedSeconds,
  });
  const files = catalog.tracks.map((track) => track.path);
  const seconds = new Map<string, number>();
  for (const file of files) seconds.set(file, (await readTags(file)).durationMs / 1000);
  const audioTotal = [...seconds.values()].reduce((sum, value) => sum + value, 0);

  // Baseline: one plain 128 kb/s AAC encode per file, one at a time.
  process.stderr.write("baseline: single-bitrate AAC…\n");
  memory.reset();
  const baseline: number[] = [];
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    await runFfmpeg([
      "-y",
      "-i",
      file,
      "-map",
      "0:a:0",
      "-c:a",
      "aac",
      "-b:a",
      "128k",
      "-f",
      "mp4",
      path.join(work.path, `baseline-${index}.m4a`),
    ]);
    baseline.push((seconds.get(file) ?? 0) / ((performance.now() - started) / 1000));
  }
  const baselineMemory = memory.peak();

  // The yardstick: ffmpeg alone making the same three AAC renditions from the same file
  // in one process (decoded once, split three ways), nothing else: no loudness, segmenting,
  // encryption, upload or database. Our time over this one is the ladder's overhead.
  process.stderr.write(`ffmpeg alone: the same ${LADDER_KBPS.length} encodes…\n`);
  const threeEncodes: number[] = [];
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    const labels = LADDER_KBPS.map((_, i) => `[a${i}]`);
    await runFfmpeg([
      "-y",
      "-i",
      file,
      "-filter_complex",
      `[0:a:0]asplit=${LADDER_KBPS.length}${labels.join("")}`,
      ...LADDER_KBPS.flatMap((kbps, i) => [
        "-map",
        labels[i] ?? "",
        "-c:a",
        "aac",
        // The ladder's encoder settings (hls.ts), so the encodes are the same.
        "-aac_coder",
        "fast",
        "-b:a",
        `${kbps}k`,
        "-f",
        "mp4",
        path.join(work.path, `three-${index}-${kbps}.m4a`),
      ]),
    ]);
    threeEncodes.push((seconds.get(file) ?? 0) / ((performance.now() - started) / 1000));
  }

  // The real thing, one worker: per-file times from consecutive progress events.
  process.stderr.write("ladder: full ingest, 1 worker…\n");
  memory.reset();
  const single = await timedIngest(path.join(work.path, "one"), music, 1, seconds);
  const ladderMemory = memory.peak();

  // And with every core busy, for machine throughput.
  const cores = availableParallelism();
  process.stderr.write(`ladder: full ingest, ${cores} workers…\n`);
  memory.reset();
  const parallel = await timedIngest(path.join(work.path, "all"), music, cores, seconds);
  const parallelMemory = memory.peak();

  const ladderBytes = await directoryBytes(path.join(work.path, "one", "objects", "tracks"));
  const ffmpeg = locateFfmpeg();
  const result = {
    date: new Date().toISOString(),
    ffmpeg: `${ffmpeg.path} (${ffmpeg.source})`,
    cores,
    tracks: files.length,
    audioSeconds: Math.round(audioTotal),
    baseline: { medianX: median(baseline), p95X: p95Slowest(baseline), peakRssMb: baselineMemory },
    ffmpegAlone: { medianX: median(threeEncodes), p95X: p95Slowest(threeEncodes) },
    ladder: {
      medianX: median(single.speeds),
      p95X: p95Slowest(single.speeds),
      wallSeconds: single.wallSeconds,
      phasesMs: Object.fromEntries(
        (Object.keys(single.durations) as (keyof IngestDurations)[]).map((phase) => [
          phase,
          Math.round(single.durations[phase]),
        ]),
      ),
      peakRssMb: ladderMemory,
      publishedMbPerAudioHour: (ladderBytes / 1e6) * (3600 / audioTotal),
    },
    parallel: {
      workers: cores,
      machineX: audioTotal / parallel.wallSeconds,
      perCoreX: audioTotal / parallel.wallSeconds / cores,
      wallSeconds: parallel.wallSeconds,
      peakRssMb: parallelMemory,
    },
    ladderCostVsBaseline: median(baseline) / median(single.speeds),
    /** The figure: our time over ffmpeg's for the same three encodes (goal: 1.2 or less). */
    ladderVsFfmpegAlone: median(threeEncodes) / median(single.speeds),
  };

  const line = (label: string, value: string) => `${label.padEnd(44)} ${value}`;
  const x = (value: number) => `${value.toFixed(1)}x`;
  const rss = (peak: { nodeMb: number; ffmpegMb: number; totalMb: number }) =>
    `node ${peak.nodeMb.toFixed(0)} MB, largest ffmpeg ${peak.ffmpegMb.toFixed(0)} MB, all ${peak.totalMb.toFixed(0)} MB`;
  process.stdout.write(
    [
      `ingest benchmark: ${result.tracks} tracks, ${result.audioSeconds} s of audio, ${cores} cores, ${result.ffmpeg}`,
      line(
        "baseline AAC 128k, x real time per core",
        `median ${x(result.baseline.medianX)}, p95 ${x(result.baseline.p95X)}`,
      ),
      line(
        "full ladder ingest, x real time per core",
        `median ${x(result.ladder.medianX)}, p95 ${x(result.ladder.p95X)}`,
      ),
      line(
        `ffmpeg alone, the same ${LADDER_KBPS.length} encodes, x real time`,
        `median ${x(result.ffmpegAlone.medianX)}, p95 ${x(result.ffmpegAlone.p95X)}`,
      ),
      line("ladder time / ffmpeg alone (median; goal ≤ 1.2)", `${result.ladderVsFfmpegAlone.toFixed(2)}`),
      line("ladder cost vs baseline (median)", `${result.ladderCostVsBaseline.toFixed(2)}x the time`),
      line("ladder time by phase, 1 worker (ms)", JSON.stringify(result.ladder.phasesMs)),
      line(
        `${cores} workers, machine throughput`,
        `${x(result.parallel.machineX)} real time (${x(result.parallel.perCoreX)} per core)`,
      ),
      line(
        "published size (3 renditions)",
        `${result.ladder.publishedMbPerAudioHour.toFixed(0)} MB per audio hour`,
      ),
      line("peak RSS baseline", rss(result.baseline.peakRssMb)),
      line("peak RSS ladder, 1 worker", rss(result.ladder.peakRssMb)),
      line(`peak RSS ladder, ${cores} workers`, rss(result.parallel.peakRssMb)),
      "",
    ].join("\n"),
  );
  const resultsDir = path.join(import.meta.dirname, "results");
  await mkdir(resultsDir, { recursive: true });
  await writeFile(path.join(resultsDir, "ingest.json"), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  memory.stop();
  await work.remove();
}

interface TimedIngest {
  speeds: number[];
  wallSeconds: number;
  durations: IngestDurations;
}

async function timedIngest(
  root: string,
  music: string,
  workers: number,
  seconds: Map<string, number>,
): Promise<TimedIngest> {
  const handle = await createTestDb("pglite");
  try {
    const speeds: number[] = [];
    let last = performance.now();
    const started = last;
    const summary = await ingestFolder({
      db: handle.db,
      storage: new LocalStorage(path.join(root, "objects")),
      folder: music,
      concurrency: workers,
      workDir: root,
      onProgress: (event) => {
        const now = performance.now();
        if (event.type === "file" && workers === 1) {
          speeds.push((seconds.get(event.path) ?? 0) / ((now - last) / 1000));
        }
        last = now;
      },
    });
    if (summary.failed.length > 0) throw new Error(`ingest failed: ${JSON.stringify(summary.failed)}`);
    return { speeds, wallSeconds: (performance.now() - started) / 1000, durations: summary.durations };
  } finally {
    await handle.close();
  }
}

/** The speed 95% of files beat: the slow tail, so the low end of the sorted list. */
function p95Slowest(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.05)] ?? 0;
}

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await readFile(path.join(entry.parentPath, entry.name))).length;
  }
  return total;
}

/**
 * Peak resident memory of this process and its ffmpeg children, sampled from /proc every 25 ms
 * (Node's own maxRSS does not cover child processes).
 */
function startMemorySampler() {
  let peak = { nodeMb: 0, ffmpegMb: 0, totalMb: 0 };
  const rssMb = async (pid: number | string): Promise<number> => {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    return kb / 1024;
  };
  const children = async (): Promise<number[]> => {
    const pids: number[] = [];
    for (const entry of await readdir("/proc").catch(() => [] as string[])) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === process.pid) pids.push(Number(entry));
    }
    return pids;
  };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const node = await rssMb("self");
      const sizes = await Promise.all((await children()).map((pid) => rssMb(pid)));
      peak = {
        nodeMb: Math.max(peak.nodeMb, node),
        ffmpegMb: Math.max(peak.ffmpegMb, ...sizes),
        totalMb: Math.max(peak.totalMb, node + sizes.reduce((sum, size) => sum + size, 0)),
      };
    })().finally(() => {
      busy = false;
    });
  }, 25);
  return {
    reset: () => {
      peak = { nodeMb: 0, ffmpegMb: 0, totalMb: 0 };
    },
    peak: () => ({ ...peak }),
    stop: () => clearInterval(timer),
  };
}
