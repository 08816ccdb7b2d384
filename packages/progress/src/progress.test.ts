import { describe, expect, it } from "vitest";

import { progressReporter } from "./progress";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 };
  return { stream, written };
}

describe("progress", () => {
  it("without a terminal: a plain line at first, then at most every 5 s, and at the end, with rate and time left", () => {
    const { stream, written } = fakeStream(false);
    let now = 0;
    const progress = progressReporter("search index: tracks", { stream, now: () => now });
    progress.update(0, 10_000);
    for (let done = 1000; done < 10_000; done += 1000) {
      now += 1000; // a batch a second
      progress.update(done, 10_000);
    }
    now += 1000;
    progress.update(10_000, 10_000);
    progress.finish();
    expect(written).toEqual([
      "search index: tracks 0/10000, 0/s\n",
      "search index: tracks 5000/10000, 1000/s, 5 s left\n",
      "search index: tracks 10000/10000, 1000/s, 0 s left (done)\n",
    ]);
  });

  it("keeps a slow rate readable: one decimal below 10 a second", () => {
    const { stream, written } = fakeStream(false);
    let now = 0;
    const progress = progressReporter("demo catalog: importing", { stream, now: () => now });
    progress.update(0, 40);
    now += 6000;
    progress.update(3, 40);
    expect(written[1]).toBe("demo catalog: importing 3/40, 0.5/s, 74 s left\n");
  });

  it("on a terminal: one redrawn bar, its line ended at the total or by finish()", () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const progress = progressReporter("search index: tracks", { stream, now: () => now });
    progress.update(0, 4);
    now += 1000;
    progress.update(2, 4);
    expect(written[1]).toBe("\r\x1b[2K[############------------] search index: tracks 2/4, 2.0/s, 1 s left");
    expect(written.every((w) => w.startsWith("\r\x1b[2K"))).toBe(true);
    progress.finish();
    progress.finish();
    expect(written.slice(2)).toEqual(["\n"]);

    const whole = fakeStream(true);
    const done = progressReporter("demo catalog: importing", { stream: whole.stream, now: () => now });
    done.update(4, 4);
    done.finish();
    expect(whole.written.slice(1)).toEqual(["\n"]);
  });
});
