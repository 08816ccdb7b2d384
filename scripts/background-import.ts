/**
 * The start script's music import, run beside the app: the demo catalog, synthesised by a
 * low-priority child process (started first, so it uses what the build leaves of the CPU) and
 * ingested here album by album as each is written; then MUSIC_DIR. Progress goes to the
 * terminal (a bar) or the log (a line every 5 s), and to the cache, where the home page reads it
 * ("Importing music: 12 of 40"). A failure is logged and the app keeps serving what is there.
 */
import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import path from "node:path";
import readline from "node:readline";

import type { Cache } from "@cadence/cache";
import type { Db } from "@cadence/db";
import { importDemoCatalog, planDemoCatalog } from "@cadence/demo";
import { recordImportProgress } from "@cadence/domain/catalog";
import type { IngestSummary } from "@cadence/media/ingest";
import type { ObjectStorage } from "@cadence/media/storage";
import { progressReporter } from "@cadence/progress";

import { log } from "./log";

const root = path.resolve(import.meta.dirname, "..");
const tsxBin = path.join(root, "node_modules/.bin/tsx");
const synthesiseCli = path.join(root, "packages/demo/src/cli/synthesise.ts");
// Below the app and the build: the synthesis takes whatever CPU they leave.
const SYNTHESIS_NICENESS = 10;

export interface DemoSynthesis {
  folder: string;
  tracks: number;
  /** Album folders as the child finishes them; throws if it fails. */
  albums: AsyncIterable<string>;
}

/** Starts writing the demo catalog in a child process; nothing waits for it yet. */
export function startDemoSynthesis(
  folder: string,
  size: { tracks?: number; seconds?: number },
): DemoSynthesis {
  const tracks = planDemoCatalog({ outDir: folder, ...(size.tracks ? { limit: size.tracks } : {}) }).tracks
    .length;
  const args = [synthesiseCli, folder, String(size.tracks ?? ""), String(size.seconds ?? "")];
  const child = spawn(tsxBin, args, { stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid) setPriority(child.pid, SYNTHESIS_NICENESS);
  process.on("exit", () => child.kill());
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  // Read from the start, not when the import gets to it: a child that exits before anyone reads
  // its output has that output discarded by Node (the import would then wait for ever).
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();

  async function* albums(): AsyncGenerator<string> {
    for await (const line of { [Symbol.asyncIterator]: () => lines }) {
      const event = JSON.parse(line) as { album?: string };
      if (event.album) yield event.album;
    }
    const code = await exited;
    if (code !== 0) throw new Error(`demo synthesis exited with ${code}: ${stderr.trim()}`);
  }
  return { folder, tracks, albums: albums() };
}

interface Services {
  db: Db;
  cache: Cache;
  storage: ObjectStorage;
}

/** What an import did, in one line (and one per failed file). */
function report(label: string, summary: IngestSummary): void {
  log(
    `${label}: ${summary.added} added, ${summary.updated} updated, ${summary.skipped} unchanged, ` +
      `${summary.retired} retired, ${summary.failed.length} failed (${(summary.wallMs / 1000).toFixed(1)} s)`,
  );
  for (const failure of summary.failed) log(`  skipped ${failure.path}: ${failure.reason}`);
}

/** Progress for people and for the home page. */
function tracker(cache: Cache, label: string) {
  const progress = progressReporter(label);
  return {
    update(done: number, total: number) {
      progress.update(done, total);
      void recordImportProgress(cache, { done, total });
    },
    async end() {
      progress.finish();
      await recordImportProgress(cache, null);
    },
  };
}

export async function importInBackground(
  services: Services,
  work: { demo: DemoSynthesis | null },
): Promise<void> {
  const { db, cache, storage } = services;
  try {
    if (work.demo) {
      log("importing the demo catalog in the background: the app answers meanwhile");
      const progress = tracker(cache, "demo catalog: imported");
      try {
        const summary = await importDemoCatalog({
          db,
          storage,
          cache,
          folder: work.demo.folder,
          albums: work.demo.albums,
          tracks: work.demo.tracks,
          onProgress: (done, total) => progress.update(done, total),
        });
        report(`demo catalog: ${work.demo.tracks} tracks imported`, summary);
      } finally {
        await progress.end();
      }
    }
  } catch (error) {
    log(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
