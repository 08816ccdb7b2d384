import { env } from "../env";
import { runIngest } from "./run-ingest";

// Usage: pnpm music:rescan [folder]   (default: MUSIC_DIR)
// Brings the catalog in line with the music folder now, as the watcher and the admin console's
// button do: unchanged files cost a stat, broken ones are listed with the reason. With the
// embedded database (no DATABASE_URL) stop the app server first: PGlite has one owner; while it
// runs, use the admin console's "Rescan music folder" button instead.
const argument = process.argv[2];
if (argument === "--help" || argument === "-h") {
  process.stdout.write("usage: music:rescan [folder]   (default: MUSIC_DIR)\n");
  process.exit(0);
}
const folder = argument ?? env.MUSIC_DIR;
if (!folder) {
  process.stderr.write("music:rescan: no folder given and MUSIC_DIR is not set\n");
  process.exit(2);
}

try {
  await runIngest(folder, { record: "cli" });
} catch (error) {
  process.stderr.write(
    `\nrescan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
