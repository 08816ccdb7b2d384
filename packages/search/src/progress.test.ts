import { describe, expect, it } from "vitest";

import { rebuildReporter } from "./progress";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe("rebuild progress", () => {
  it("without a terminal: a plain line at first, then at most every 5 s, and at the end, with rate and time left", () => {
    const { stream, written } = fakeStream(false);
    let now = 0;
    const report = rebuildReporter(stream, () => now);
    report({ kind: "track", done: 0, total: 10_000 });
    for (let done = 1000; done < 10_000; done += 1000) {
      now += 1000; // a batch a second
      report({ kind: "track", done, total: 10_000 });
    }
    now += 1000;
    report({ kind: "track", done: 10_000, total: 10_000 });
    expect(written).toEqual([
      "search index: tracks 0/10000, 0/s\n",
      "search index: tracks 5000/10000, 1000/s, 5 s left\n",
      "search index: tracks 10000/10000, 1000/s, 0 s left (done)\n",
    ]);
  });

  it("on a terminal: one redrawn bar, a new line per kind", () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const report = rebuildReporter(stream, () => now);
    report({ kind: "track", done: 0, total: 4 });
    now += 1000;
    report({ kind: "track", done: 2, total: 4 });
    report({ kind: "album", done: 0, total: 1 });
    expect(written[1]).toBe("\r\x1b[2K[############------------] tracks 2/4, 2/s, 1 s left");
    expect(written[2]).toBe("\n");
    expect(written.every((w) => w === "\n" || w.startsWith("\r\x1b[2K"))).toBe(true);
  });
});
