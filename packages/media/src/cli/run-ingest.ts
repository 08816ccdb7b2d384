import path from "node:path";

import { connectionFromEnv, createDb } from "@cadence/db";
import { finishMusicScan, sharedCatalogCache, startMusicScan } from "@cadence/domain/catalog";

import { progressReporter } from "@cadence/progress";

import { collectSupersededEncodings } from "../encoding-gc";
import { ingestFolder } from "../ingest";
import type { IngestEvent, IngestSummary } from "../ingest";
import { scanResult } from "../music-folder";
import { storageFromEnv } from "../storage-env";

/**
 * Ingests `folder` into the configured database and store, reporting progress on stderr. As a
 * rescan (`record`), the run is recorded for the admin console and due superseded encodings
 * are collected.
 */
export async function runIngest(folder: string, options: { record?: "cli" } = {}): Promise<IngestSummary> {
  const handle = createDb(connectionFromEnv());
  const absolute = path.resolve(folder);
  // The app's Redis, when it has one, drops what this run changes, as the app's own scans do.
  const shared = sharedCatalogCache();
  try {
    await handle.migrate();
    const storage = storageFromEnv();
    const scanId = options.record ? await startMusicScan(handle.db, absolute, options.record) : null;
    const report = reporter(process.stderr);
    const summary = await ingestFolder({
      db: handle.db,
      storage,
      cache: shared?.cache,
      folder: absolute,
      onProgress: report,
    });
    if (scanId) await finishMusicScan(handle.db, scanId, scanResult(absolute, summary));
    printSummary(summary);
    if (options.record) {
      const collected = await collectSupersededEncodings(handle.db, storage);
      if (collected > 0) process.stdout.write(`  collected ${collected} superseded encoding(s)\n`);
    }
    return summary;
  } finally {
    await handle.close();
    await shared?.close();
  }
}

/** Found, failed and retired files as lines; the rest as the project's progress reporter. */
function reporter(stream: NodeJS.WriteStream): (event: IngestEvent) => void {
  const progress = progressReporter("ingest: files", { stream });
  return (event) => {
    if (event.type === "waiting") {
      stream.write("another process is scanning this folder: waiting for it to finish\n");
    } else if (event.type === "scanned") {
      stream.write(`found ${event.files} audio file${event.files === 1 ? "" : "s"}\n`);
    } else if (event.type === "retired") {
      progress.finish();
      if (event.count > 0) stream.write(`retired ${event.count} track(s) whose files are gone\n`);
    } else {
      if (event.outcome === "failed") {
        stream.write(
          `${stream.isTTY ? "\r\x1b[2K" : ""}failed ${event.relativePath}: ${event.reason ?? "unknown error"}\n`,
        );
      }
      progress.update(event.done, event.total);
    }
  };
}

function printSummary(summary: IngestSummary): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `ingested ${summary.files} file(s) in ${seconds(summary.wallMs)}:`,
    `  added ${summary.added}, updated ${summary.updated}, moved ${summary.moved}, skipped ${summary.skipped}, ` +
      `retired ${summary.retired}, failed ${summary.failed.length}`,
    `  audio transcoded: ${summary.audioSeconds.toFixed(0)} s` +
      (summary.audioSeconds > 0
        ? ` (${(summary.audioSeconds / (summary.wallMs / 1000)).toFixed(1)}x real time)`
        : ""),
    `  time by phase (summed over workers): scan ${seconds(summary.durations.scanMs)}, ` +
      `hash ${seconds(summary.durations.hashMs)}, tags ${seconds(summary.durations.tagsMs)}, ` +
      `transcode ${seconds(summary.durations.transcodeMs)}, upload ${seconds(summary.durations.uploadMs)}, ` +
      `db ${seconds(summary.durations.dbMs)}`,
    ...summary.failed.map((failure) => `  failed: ${failure.path}: ${failure.reason}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
