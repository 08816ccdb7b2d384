import type { RebuildProgress } from "./rebuild";

/** Plain lines (no terminal): at most this far apart while work goes on. */
const LINE_EVERY_MS = 5000;

/**
 * Reports a rebuild's progress: a redrawn bar on a terminal; elsewhere (CI, a service manager,
 * a log file) a plain line at least every 5 s with done/total, rate and time left, so a long
 * rebuild never looks like a hang.
 */
export function rebuildReporter(
  stream: NodeJS.WriteStream = process.stdout,
  now: () => number = Date.now,
): (progress: RebuildProgress) => void {
  let kind: string | null = null;
  let started = now();
  let lastLine: number | null = null;
  return ({ kind: current, done, total }) => {
    if (current !== kind) {
      if (kind !== null && stream.isTTY) stream.write("\n");
      kind = current;
      started = now();
      lastLine = null;
    }
    const elapsed = Math.max(1, now() - started) / 1000;
    const rate = done / elapsed;
    const left = rate > 0 ? Math.round((total - done) / rate) : null;
    const figures = `${kind}s ${done}/${total}, ${Math.round(rate)}/s${left === null ? "" : `, ${left} s left`}`;
    if (stream.isTTY) {
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      stream.write(`\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${figures}`);
      return;
    }
    const finished = done >= total;
    if (finished || lastLine === null || now() - lastLine >= LINE_EVERY_MS) {
      lastLine = now();
      stream.write(`search index: ${figures}${finished ? " (done)" : ""}\n`);
    }
  };
}
