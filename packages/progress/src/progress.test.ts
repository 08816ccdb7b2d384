import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { progressReporter } from "./progress";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 };
  return { stream, written };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("progress", () => {
  it("without a terminal: a plain line at first, every 5 s, and at the end, with rate and time left", () => {
    const { stream, written } = fakeStream(false);
    const progress = progressReporter("search index: tracks", { stream });
    progress.update(0, 10_000);
    for (let done = 1000; done < 10_000; done += 1000) {
      vi.advanceTimersByTime(1000); // a batch a second
      progress.update(done, 10_000);
    }
    vi.advanceTimersByTime(1000);
    progress.update(10_000, 10_000);
    progress.update(10_000, 10_000);
    vi.advanceTimersByTime(20_000);
    expect(written).toEqual([
      "search index: tracks 0/10000, 0/s\n",
      "search index: tracks 4000/10000, 800/s, 8 s left\n",
      "search index: tracks 9000/10000, 900/s, 1 s left\n",
      "search index: tracks 10000/10000, 1000/s, 0 s left (done)\n",
    ]);
  });

  it("without a terminal: a line every 5 s even while nothing finishes, until finish()", () => {
    const { stream, written } = fakeStream(false);
    const progress = progressReporter("demo catalog: imported", { stream });
    progress.update(0, 40);
    vi.advanceTimersByTime(6000);
    progress.update(3, 40);
    vi.advanceTimersByTime(9000);
    expect(written).toEqual([
      "demo catalog: imported 0/40, 0/s\n",
      "demo catalog: imported 0/40, 0/s\n",
      "demo catalog: imported 3/40, 0.3/s, 123 s left\n",
      "demo catalog: imported 3/40, 0.2/s, 185 s left\n",
    ]);
    progress.finish();
    vi.advanceTimersByTime(60_000);
    expect(written).toHaveLength(4);
  });

  it("on a terminal: one redrawn bar, its line ended at the total or by finish()", () => {
    const { stream, written } = fakeStream(true);
    const progress = progressReporter("search index: tracks", { stream });
    progress.update(0, 4);
    vi.advanceTimersByTime(1000);
    progress.update(2, 4);
    expect(written[1]).toBe("\r\x1b[2K[############------------] search index: tracks 2/4, 2.0/s, 1 s left");
    expect(written.every((w) => w.startsWith("\r\x1b[2K"))).toBe(true);
    vi.advanceTimersByTime(60_000); // no heartbeat lines on a terminal: the bar is there
    expect(written).toHaveLength(2);
    progress.finish();
    progress.finish();
    expect(written.slice(2)).toEqual(["\n"]);

    const whole = fakeStream(true);
    const done = progressReporter("demo catalog: imported", { stream: whole.stream });
    done.update(4, 4);
    done.finish();
    expect(whole.written.slice(1)).toEqual(["\n"]);
  });
});
