import path from "node:path";

import { generateDemoCatalog } from "../catalog";

// Usage: tsx synthesise.ts <folder> [tracks] [seconds]
// Writes the demo catalog and, for an importer following along (the start script runs this as a
// low-priority child), prints one JSON line per album once all its tracks are written, then
// {"tracks": N}. Kept out of the app's process: rendering is a CPU-bound loop.
const [folder, tracks, seconds] = process.argv.slice(2);
if (!folder) {
  process.stderr.write("usage: synthesise <folder> [tracks] [seconds]\n");
  process.exit(2);
}
const catalog = await generateDemoCatalog({
  outDir: path.resolve(folder),
  ...(tracks ? { limit: Number(tracks) } : {}),
  ...(seconds ? { durationSeconds: Number(seconds) } : {}),
  onAlbum: (album) => process.stdout.write(`${JSON.stringify({ album: path.dirname(album.coverPath) })}\n`),
});
process.stdout.write(`${JSON.stringify({ tracks: catalog.tracks.length })}\n`);
