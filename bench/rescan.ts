/**
 * Rescan benchmark: what a rescan of an unchanged music folder costs. It makes N one-second
 * WAV files (distinct content), ingests them once, then times rescans that find nothing to do:
 * with the size and modification time matching (a stat per file), and after every file was
 * touched (a content hash per file, still no re-encode).
 *
 *   npx tsx bench/rescan.ts [tracks=1000]
 */
import { mkdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";

import { createTestDb } from "@cadence/db/testing";
import { ingestFolder, LocalStorage, scanFolder } from "@cadence/media";
import type { IngestSummary } from "@cadence/media";
import { tempDir } from "@cadence/media/testing";

import { median } from "./lib/stats";

const trackCount = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1000);

/** One second of 8 kHz mono 16-bit noise, different for every `seed`. */
function wav(seed: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2);
  let state = seed * 2654435761 + 1;
  for (let i = 0; i < rate; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    data.writeInt16LE(((state >>> 16) & 0x7fff) - 0x4000, i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const work = await tempDir("cadence-bench-rescan-");
const handle = await createTestDb("pglite");
try {
  const music = path.join(work.path, "music");
  for (let i = 0; i < trackCount; i++) {
    const dir = path.join(music, `Artist ${Math.floor(i / 100)}`, `Album ${Math.floor(i / 10)}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${String(i).padStart(4, "0")} Track.wav`), wav(i));
  }
  const options = {
    db: handle.db,
    storage: new LocalStorage(path.join(work.path, "objects")),
    folder: music,
  };
  process.stderr.write(`ingesting ${trackCount} one-second tracks once…\n`);
  const first = await ingestFolder(options);
  process.stderr.write(`  ${first.added} added in ${(first.wallMs / 1000).toFixed(1)} s\n`);
  if (first.failed.length > 0) throw new Error(`failed: ${JSON.stringify(first.failed.slice(0, 3))}`);

  const runs = async (label: string, before: () => Promise<void>): Promise<IngestSummary[]> => {
    const summaries: IngestSummary[] = [];
    for (let run = 0; run < 3; run++) {
      await before();
      const summary = await ingestFolder(options);
      if (summary.skipped !== trackCount || summary.audioSeconds !== 0) {
        throw new Error(`${label}: expected ${trackCount} unchanged, got ${JSON.stringify(summary)}`);
      }
      summaries.push(summary);
    }
    return summaries;
  };
  const unchanged = await runs("unchanged", () => Promise.resolve());
  let tick = Date.now();
  const touched = await runs("touched", async () => {
    tick += 5000;
    const when = new Date(tick);
    await Promise.all((await scanFolder(music)).map((file) => utimes(file.path, when, when)));
  });
  const report = (label: string, summaries: IngestSummary[]) => {
    const wall = median(summaries.map((s) => s.wallMs));
    const hash = median(summaries.map((s) => s.durations.hashMs));
    const db = median(summaries.map((s) => s.durations.dbMs));
    console.log(
      `rescan of an unchanged ${trackCount}-track folder, ${label}: ${wall.toFixed(0)} ms median of 3 ` +
        `(${((wall / trackCount) * 1000).toFixed(0)} µs a file; hashing ${hash.toFixed(0)} ms, database ${db.toFixed(0)} ms summed)`,
    );
  };
  report("stat only (size and mtime as last seen)", unchanged);
  report("every file touched (hash, no re-encode)", touched);
} finally {
  await handle.close();
  await work.remove();
}
