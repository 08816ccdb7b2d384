/**
 * Ingest benchmark: how fast the full HLS ladder (decode once, AAC at 64/128/256 kb/s, fMP4
 * segmenting, AES-128 encryption, EBU R128 loudness, upload, database writes) runs compared with
 * a plain single-bitrate AAC encode of the same files, and how much memory it takes.
 *
 *   npx tsx bench/ingest.ts [tracks=8] [--seconds=60] [--rounds=3]
 *
 * Speeds are "x real time per core": seconds of audio per second of wall time for one file on
 * one worker (ffmpeg's audio path is single-threaded, so one worker ≈ one core).
 */
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";

import { createTestDb } from "@cadence/db/testing";
import { generateDemoCatalog } from "@cadence/demo";
import {
  aacRungArgs,
  ingestFolder,
  LADDER_KBPS,
  LocalStorage,
  locateFfmpeg,
  readTags,
  runFfmpeg,
} from "@cadence/media";
import type { IngestDurations } from "@cadence/media";
import { tempDir } from "@cadence/media/testing";

import { median, percentile } from "./lib/stats";

const args = process.argv.slice(2);
const trackCount = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 8);
const flag = (name: string) => Number(args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? 0);
const fixedSeconds = flag("seconds") || undefined;
const rounds = flag("rounds") || 3;

const memory = memorySampler();
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

  // Baseline: one plain 128 kb/s AAC encode per file, one at a time; then once more, untimed, with
  // the memory sampler on.
  process.stderr.write("baseline: single-bitrate AAC…\n");
  const baselineArgs = (file: string, index: number) =>
    ["-y", "-i", file, "-map", "0:a:0", "-c:a", "aac", "-b:a", "128k", "-f", "mp4"].concat(
      path.join(work.path, `baseline-${index}.m4a`),
    );
  const baseline: number[] = [];
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    await runFfmpeg(baselineArgs(file, index));
    baseline.push((seconds.get(file) ?? 0) / ((performance.now() - started) / 1000));
  }
  memory.start();
  await runFfmpeg(baselineArgs(files[0] ?? "", 0));
  const baselineMemory = memory.stop();

  // The yardstick: ffmpeg alone making the same three AAC renditions from the same file
  // in one process (decoded once, split three ways), nothing else: no loudness, segmenting,
  // encryption, upload or database. Our time over this one is the ladder's overhead. The two
  // alternate in rounds (ABBA), each file's two times are paired, and CPU time is counted too, so
  // a machine that speeds up or slows down between passes does not decide the ratio.
  const aloneSeconds = new Map<string, number[]>();
  const ladderSeconds = new Map<string, number[]>();
  // CPU seconds, split into this process (Node, PGlite) and its ffmpeg/ffprobe children.
  const cpu = { alone: 0, ladder: 0, ladderNode: 0 };
  let single: TimedIngest | undefined;
  for (let round = 0; round < rounds; round++) {
    const passes = round % 2 === 0 ? (["alone", "ladder"] as const) : (["ladder", "alone"] as const);
    for (const pass of passes) {
      if (pass === "alone") {
        const cpuBefore = cpuTotal();
        process.stderr.write(
          `round ${round + 1}/${rounds}: ffmpeg alone, the same ${LADDER_KBPS.length} encodes…\n`,
        );
        for (const [index, file] of files.entries()) {
          const started = performance.now();
          await runFfmpeg(threeEncodesArgs(file, path.join(work.path, `three-${index}`)));
          push(aloneSeconds, file, (performance.now() - started) / 1000);
        }
        cpu.alone += cpuTotal() - cpuBefore;
      } else {
        process.stderr.write(`round ${round + 1}/${rounds}: full ladder ingest, 1 worker…\n`);
        single = await timedIngest(path.join(work.path, `one-${round}`), music, 1);
        for (const [file, taken] of single.secondsByFile) push(ladderSeconds, file, taken);
        cpu.ladder += single.cpu.self + single.cpu.children;
        cpu.ladderNode += single.cpu.self;
      }
    }
  }
  if (!single) throw new Error("no ladder round ran");
  const speedsOf = (byFile: Map<string, number[]>) =>
    [...byFile].flatMap(([file, times]) => times.map((taken) => (seconds.get(file) ?? 0) / taken));
  const threeEncodes = speedsOf(aloneSeconds);
  const ladderSpeeds = speedsOf(ladderSeconds);
  const pairedRatios = [...ladderSeconds].flatMap(([file, times]) =>
    times.map((taken, round) => taken / (aloneSeconds.get(file)?.[round] ?? Number.NaN)),
  );

  // Memory, untimed: one worker with the sampler on.
  process.stderr.write("ladder: full ingest, 1 worker, for memory…\n");
  memory.start();
  await timedIngest(path.join(work.path, "one-memory"), music, 1);
  const ladderMemory = memory.stop();

  // And with every core busy, for machine throughput (and memory: the sampler is cheap next to two
  // workers).
  const cores = availableParallelism();
  process.stderr.write(`ladder: full ingest, ${cores} workers…\n`);
  memory.start();
  const parallel = await timedIngest(path.join(work.path, "all"), music, cores);
  const parallelMemory = memory.stop();

  const ladderBytes = await directoryBytes(path.join(work.path, "one-0", "objects", "tracks"));
  const ffmpeg = locateFfmpeg();
  const result = {
    date: new Date().toISOString(),
    ffmpeg: `${ffmpeg.path} (${ffmpeg.source})`,
    cores,
    tracks: files.length,
    audioSeconds: Math.round(audioTotal),
    rounds,
    baseline: { medianX: median(baseline), p95X: p95Slowest(baseline), peakRssMb: baselineMemory },
    ffmpegAlone: { medianX: median(threeEncodes), p95X: p95Slowest(threeEncodes) },
    ladder: {
      medianX: median(ladderSpeeds),
      p95X: p95Slowest(ladderSpeeds),
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
    ladderCostVsBaseline: median(baseline) / median(ladderSpeeds),
    /** The figure: our time over ffmpeg's for the same three encodes (goal: 1.2 or less). */
    ladderVsFfmpegAlone: median(pairedRatios),
    ladderVsFfmpegAloneP95: percentile(pairedRatios, 95),
    /** The same in CPU time (this process and its children, all rounds). */
    ladderVsFfmpegAloneCpu: cpu.ladder / cpu.alone,
    /** The ladder's CPU in this process (segmenting, encryption, files, PGlite) over ffmpeg alone's. */
    ladderNodeCpuShare: cpu.ladderNode / cpu.alone,
  };

  const line = (label: string, value: string) => `${label.padEnd(46)} ${value}`;
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
      line(
        "ladder time / ffmpeg alone's (goal ≤ 1.2)",
        `median ${result.ladderVsFfmpegAlone.toFixed(2)}, p95 ${result.ladderVsFfmpegAloneP95.toFixed(2)} (${pairedRatios.length} pairs: file × round)`,
      ),
      line(
        "ladder CPU time / ffmpeg alone's",
        `${result.ladderVsFfmpegAloneCpu.toFixed(2)} (of which this process: ${result.ladderNodeCpuShare.toFixed(2)})`,
      ),
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
  /** Wall time of each file, from one progress event to the next (one worker only). */
  secondsByFile: Map<string, number>;
  wallSeconds: number;
  /** CPU seconds of the ingest itself (not of setting up its database). */
  cpu: { self: number; children: number };
  durations: IngestDurations;
}

async function timedIngest(root: string, music: string, workers: number): Promise<TimedIngest> {
  const handle = await createTestDb("pglite");
  try {
    const secondsByFile = new Map<string, number>();
    const cpuBefore = cpuSeconds();
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
        if (event.type === "file" && workers === 1) secondsByFile.set(event.path, (now - last) / 1000);
        last = now;
      },
    });
    if (summary.failed.length > 0) throw new Error(`ingest failed: ${JSON.stringify(summary.failed)}`);
    const wallSeconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds();
    const cpu = { self: cpuAfter.self - cpuBefore.self, children: cpuAfter.children - cpuBefore.children };
    return { secondsByFile, wallSeconds, cpu, durations: summary.durations };
  } finally {
    await handle.close();
  }
}

/** ffmpeg alone: the ladder's three AAC encodes of one file, decoded once and split three ways. */
function threeEncodesArgs(file: string, outPrefix: string): string[] {
  const labels = LADDER_KBPS.map((_, i) => `[a${i}]`);
  return [
    "-y",
    "-i",
    file,
    "-filter_complex",
    `[0:a:0]asplit=${LADDER_KBPS.length}${labels.join("")}`,
    ...LADDER_KBPS.flatMap((kbps, i) => [
      "-map",
      labels[i] ?? "",
      // The ladder's encoder settings, so the encodes are the same.
      ...aacRungArgs(kbps),
      "-f",
      "mp4",
      `${outPrefix}-${kbps}.m4a`,
    ]),
  ];
}

function push(map: Map<string, number[]>, key: string, value: number) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/** CPU seconds of this process and of the children it has waited for (ffmpeg), from /proc. */
function cpuSeconds(): { self: number; children: number } {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields 14-17 (utime, stime, cutime, cstime) in clock ticks, counted after the ")" of the name.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = (index: number) => Number(fields[index] ?? 0) / 100;
  return { self: ticks(11) + ticks(12), children: ticks(13) + ticks(14) };
}

function cpuTotal(): number {
  const { self, children } = cpuSeconds();
  return self + children;
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
 * Peak resident memory of this process and its ffmpeg children, sampled from /proc every 50 ms
 * while started (Node's own maxRSS does not cover child processes). It reads only this process's
 * status and its children's, and is off during the timed passes: it costs CPU too.
 */
function memorySampler() {
  let peak = { nodeMb: 0, ffmpegMb: 0, totalMb: 0 };
  let timer: NodeJS.Timeout | undefined;
  const rssMb = async (pid: number | string): Promise<number> => {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    return kb / 1024;
  };
  const children = async (): Promise<string[]> => {
    const tasks = await readdir("/proc/self/task").catch(() => [] as string[]);
    const lists = await Promise.all(
      tasks.map((task) => readFile(`/proc/self/task/${task}/children`, "utf8").catch(() => "")),
    );
    return lists.flatMap((list) => list.split(" ").filter(Boolean));
  };
  let busy = false;
  const sample = async () => {
    const node = await rssMb("self");
    const sizes = await Promise.all((await children()).map((pid) => rssMb(pid)));
    peak = {
      nodeMb: Math.max(peak.nodeMb, node),
      ffmpegMb: Math.max(peak.ffmpegMb, ...sizes),
      totalMb: Math.max(peak.totalMb, node + sizes.reduce((sum, size) => sum + size, 0)),
    };
  };
  return {
    start: () => {
      peak = { nodeMb: 0, ffmpegMb: 0, totalMb: 0 };
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        void sample().finally(() => {
          busy = false;
        });
      }, 50);
    },
    /** Stops sampling and returns the peak seen since start. */
    stop: () => {
      clearInterval(timer);
      return { ...peak };
    },
  };
}
