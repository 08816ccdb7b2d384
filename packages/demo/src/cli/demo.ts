import path from "node:path";

import { dataDir } from "@cadence/db";

import { runIngest } from "@cadence/media/cli";
import { progressReporter } from "@cadence/progress";

import { generateDemoCatalog } from "../catalog";

// Usage: pnpm --filter @cadence/demo demo [folder]
// Writes the demo catalog as ordinary audio files, then ingests them like any music folder.
const folder = path.resolve(process.argv[2] ?? path.join(dataDir, "demo-music"));

try {
  const started = Date.now();
  const progress = progressReporter("demo catalog: synthesised", { stream: process.stderr });
  const catalog = await generateDemoCatalog({
    outDir: folder,
    onProgress: (done, total) => progress.update(done, total),
  });
  process.stderr.write(
    `demo catalog: ${catalog.tracks.length} tracks on ${catalog.albums.length} albums in ${folder} ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  await runIngest(folder);
} catch (error) {
  process.stderr.write(
    `\ndemo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
