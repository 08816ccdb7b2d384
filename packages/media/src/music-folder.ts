import path from "node:path";

import { watch } from "chokidar";
import type { FSWatcher } from "chokidar";

import type { Db } from "@cadence/db";
import { finishMusicScan, startMusicScan } from "@cadence/domain/catalog";
import type {
  CatalogCache,
  MusicFolderControl,
  MusicScanResult,
  MusicScanTrigger,
} from "@cadence/domain/catalog";

import { collectSupersededEncodings } from "./encoding-gc";
import { ingestFolder } from "./ingest";
import type { IngestSummary } from "./ingest";
import { AUDIO_EXTENSIONS, FOLDER_IMAGES } from "./scan";
import type { ObjectStorage } from "./storage";

export interface MusicFolderOptions {
  db: Db;
  storage: ObjectStorage;
  folder: string;
  cache?: CatalogCache;
  /** One line per scan and per failure; nothing when omitted. */
  log?: (line: string) => void;
  /** Quiet time after the last change before a scan: a copy of an album is one scan. */
  debounceMs?: number;
  /** How often superseded encodings are looked at for collection. */
  collectEveryMs?: number;
  /** Files still being written are waited for until their size holds this long. */
  writeSettleMs?: number;
  concurrency?: number;
}

/**
 * The music folder of an app server (MUSIC_DIR): scanned at start, then watched, so added,
 * changed, moved and deleted files reach the catalog within seconds. Scans run one at a time;
 * requests during a scan make one more scan after it. Each scan is recorded (music_scan) for
 * the admin console. Superseded encodings are collected at start and periodically.
 */
export class MusicFolder implements MusicFolderControl {
  readonly folder: string;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | undefined;
  private collector: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private pending: MusicScanTrigger | null = null;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: MusicFolderOptions) {
    this.folder = path.resolve(options.folder);
  }

  /** Starts watching and queues the first scan; resolves once the watcher is ready. */
  async start(): Promise<void> {
    this.requestRescan("start");
    await this.collect();
    this.collector = setInterval(() => void this.collect(), this.options.collectEveryMs ?? 10 * 60_000);
    this.collector.unref();
    const settle = this.options.writeSettleMs ?? 1000;
    const watcher = watch(this.folder, {
      ignoreInitial: true,
      // Dot-files and everything that is neither a folder nor audio nor cover art.
      ignored: (file, stats) =>
        path.basename(file).startsWith(".") || (stats?.isFile() === true && !relevant(file)),
      awaitWriteFinish: { stabilityThreshold: settle, pollInterval: Math.min(100, settle) },
    });
    watcher.on("all", () => this.changed());
    watcher.on("error", (error) => this.options.log?.(`music folder watcher: ${String(error)}`));
    this.watcher = watcher;
    await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  }

  scanning(): boolean {
    return this.running !== null;
  }

  requestRescan(trigger: MusicScanTrigger): void {
    if (this.stopped) return;
    if (this.running) {
      // The first reason asked wins the label; one scan after this one covers them all.
      this.pending ??= trigger;
      return;
    }
    this.running = this.scan(trigger).finally(() => {
      this.running = null;
      const next = this.pending;
      this.pending = null;
      if (next && !this.stopped) this.requestRescan(next);
      else for (const resolve of this.idleWaiters.splice(0)) resolve();
    });
  }

  /** Resolves when no scan runs or is queued (tests, the CLI). */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops watching; waits for a scan in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending = null;
    clearTimeout(this.debounce);
    clearInterval(this.collector);
    await this.watcher?.close();
    this.watcher = null;
    await this.idle();
  }

  private changed(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.requestRescan("watch"), this.options.debounceMs ?? 1000);
  }

  private async scan(trigger: MusicScanTrigger): Promise<void> {
    const { db, log } = this.options;
    const scanId = await startMusicScan(db, this.folder, trigger).catch(() => null);
    const result = await scanMusicFolder(this.options, this.folder);
    if (scanId) await finishMusicScan(db, scanId, result).catch(() => undefined);
    log?.(describeScan(this.folder, trigger, result));
    for (const failure of result.failures) log?.(`  skipped ${failure.path}: ${failure.reason}`);
  }

  private async collect(): Promise<void> {
    try {
      const collected = await collectSupersededEncodings(this.options.db, this.options.storage);
      if (collected > 0) this.options.log?.(`collected ${collected} superseded encoding(s)`);
    } catch (error) {
      this.options.log?.(`collecting superseded encodings failed: ${String(error)}`);
    }
  }
}

/** One scan, as the admin console records it: never throws, a scan that cannot run says why. */
export async function scanMusicFolder(
  options: Omit<MusicFolderOptions, "folder">,
  folder: string,
): Promise<MusicScanResult> {
  try {
    const summary = await ingestFolder({
      db: options.db,
      storage: options.storage,
      folder,
      cache: options.cache,
      concurrency: options.concurrency,
    });
    return scanResult(folder, summary);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      files: 0,
      added: 0,
      updated: 0,
      moved: 0,
      unchanged: 0,
      retired: 0,
      failures: [],
      error: message,
    };
  }
}

export function scanResult(folder: string, summary: IngestSummary): MusicScanResult {
  return {
    files: summary.files,
    added: summary.added,
    updated: summary.updated,
    moved: summary.moved,
    unchanged: summary.skipped,
    retired: summary.retired,
    failures: summary.failed.map((failure) => ({
      path: path.relative(folder, failure.path).split(path.sep).join("/"),
      reason: failure.reason,
    })),
    error: null,
  };
}

export function describeScan(folder: string, trigger: MusicScanTrigger, result: MusicScanResult): string {
  if (result.error) return `music in ${folder} (${trigger}): scan failed: ${result.error}`;
  return (
    `music in ${folder} (${trigger}): ${result.files} files, ${result.added} added, ${result.updated} updated, ` +
    `${result.moved} moved, ${result.unchanged} unchanged, ${result.retired} retired, ${result.failures.length} failed`
  );
}

const COVER_NAMES: ReadonlySet<string> = new Set(FOLDER_IMAGES);

function relevant(file: string): boolean {
  const name = path.basename(file).toLowerCase();
  return AUDIO_EXTENSIONS.has(path.extname(name)) || COVER_NAMES.has(name);
}
