import path from "node:path";

import { connectionFromEnv, createDb } from "@cadence/db";
import { finishMusicScan, startMusicScan } from "@cadence/domain/catalog";

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
  try {
    await handle.migrate();
    const storage = storageFromEnv();
    const scanId = options.record ? await startMusicScan(handle.db, absolute, options.record) : null;
    const report = reporter(process.stderr);
    const summary = await ingestFolder({ db: handle.db, storage, folder: absolute, onProgress: report });
    if (scanId) await finishMusicScan(handle.db, scanId, scanResult(absolute, summary));
    printSummary(summary);
    if (options.record) {
      const collected = await collectSupersededEncodings(handle.db, storage);
      if (collected > 0) process.stdout.write(`  collected ${collected} superseded encoding(s)\n`);
    }
    return summary;
  } finally {
    await handle.close();
  }
}

function reporter(stream: NodeJS.WriteStream): (event: IngestEvent) => void {
  const tty = stream.isTTY;
  const counts = { added: 0, updated: 0, restored: 0, moved: 0, skipped: 0, failed: 0 };
  return (event) => {
    if (event.type === "scanned") {
      stream.write(`found ${event.files} audio file${event.files === 1 ? "" : "s"}\n`);
      return;
    }
    if (event.type === "retired") {
      if (tty) stream.write("\n");
      if (event.count > 0) stream.write(`retired ${event.count} track(s) whose files are gone\n`);
      return;
    }
    counts[event.outcome] += 1;
    if (!tty) {
      const why = event.reason ? ` (${event.reason})` : "";
      stream.write(`[${event.done}/${event.total}] ${event.outcome} ${event.relativePath}${why}\n`);
      return;
    }
    if (event.outcome === "failed") {
      stream.write(`\r\x1b[2Kfailed ${event.relativePath}: ${event.reason ?? "unknown error"}\n`);
    }
    const width = 30;
    const filled = Math.round((event.done / Math.max(1, event.total)) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const status =
      `${bar} ${event.done}/${event.total}  +${counts.added} ~${counts.updated + counts.restored} ` +
      `>${counts.moved} =${counts.skipped} !${counts.failed}  ${event.relativePath}`;
    const columns = stream.columns || 100;
    stream.write(`\r\x1b[2K${status.slice(0, columns - 1)}`);
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
