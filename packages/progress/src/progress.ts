/** Plain lines (no terminal): at most this far apart while work goes on, even when it stalls. */
const LINE_EVERY_MS = 5000;
const BAR_WIDTH = 24;

export interface ProgressReporter {
  /** `done` of `total` finished; cheap enough to call for every item. */
  update(done: number, total: number): void;
  /** Stops reporting; ends the bar's line on a terminal if work stopped short of the total. */
  finish(): void;
}

export interface ProgressOptions {
  stream?: Pick<NodeJS.WriteStream, "write" | "isTTY">;
}

/**
 * Progress of one long piece of work, named by `label` ("search index: tracks"): a redrawn bar on
 * a terminal; elsewhere (CI, a service manager, a log file) a plain line at first, every 5 s
 * while it runs (whether or not anything finished meanwhile) and at the end, with done/total,
 * rate and time left, so long work never looks like a hang. The one reporter of the project: the
 * search rebuild, demo synthesis and ingest all use it.
 */
export function progressReporter(label: string, options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stdout;
  const started = Date.now();
  let current = { done: 0, total: 0 };
  let drawn = false;
  let printed = false;
  let heartbeat: NodeJS.Timeout | null = null;
  const figures = () =>
    `${label} ${current.done}/${current.total}${pace(current.done, current.total, Date.now() - started)}`;
  const line = () => {
    const finished = current.done >= current.total;
    stream.write(`${figures()}${finished ? " (done)" : ""}\n`);
    printed = true;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = finished ? null : setInterval(line, LINE_EVERY_MS).unref();
  };
  return {
    update(done, total) {
      const changed = done !== current.done || total !== current.total;
      current = { done, total };
      if (stream.isTTY) {
        const filled = total > 0 ? Math.round((Math.min(done, total) / total) * BAR_WIDTH) : BAR_WIDTH;
        stream.write(`\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${figures()}`);
        drawn = done < total;
        if (!drawn) stream.write("\n");
      } else if (!printed || (done >= total && changed)) {
        line();
      }
    },
    finish() {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}

/** ", 12/s, 30 s left": whole numbers once the rate reaches 10 a second, a decimal below. */
function pace(done: number, total: number, elapsedMs: number): string {
  const rate = done / (Math.max(1, elapsedMs) / 1000);
  const shown = rate >= 10 || rate === 0 ? String(Math.round(rate)) : rate.toFixed(1);
  const left = rate > 0 ? `, ${Math.round((total - done) / rate)} s left` : "";
  return `, ${shown}/s${left}`;
}
