import { runIngest } from "./run-ingest";

// Usage: pnpm --filter @cadence/media ingest <folder>
// Files that cannot be read are reported and skipped; only a fatal error exits non-zero.
const folder = process.argv[2];
if (!folder || folder === "--help" || folder === "-h") {
  process.stderr.write("usage: ingest <folder>\n");
  process.exit(folder ? 0 : 2);
}

try {
  await runIngest(folder);
} catch (error) {
  process.stderr.write(
    `\ningest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
