import { describe, expect, it } from "vitest";

import { afterItemFor, moveRow, removeRows, rowsOf, settleWrite, versionOf } from "./playlist-order";

const row = (n: number) => ({ itemId: `i${n}`, position: `p${n}` });
const data = (sizes: number[], version = 7) => {
  let n = 0;
  return {
    pages: sizes.map((size) => ({ items: Array.from({ length: size }, () => row(n++)), version })),
    pageParams: sizes.map((_, i) => (i === 0 ? undefined : `c${i}`)),
  };
};
const ids = (d: ReturnType<typeof data>) => rowsOf(d).map((r) => r.itemId);

describe("moving a row", () => {
  it("moves across pages and keeps each page's size and cursor", () => {
    const moved = moveRow(data([3, 3]), 0, 4);
    expect(ids(moved)).toEqual(["i1", "i2", "i3", "i4", "i0", "i5"]);
    expect(moved.pages.map((p) => p.items.length)).toEqual([3, 3]);
    expect(moved.pageParams).toEqual([undefined, "c1"]);
  });

  it("names the row that ends up before the moved one, or null at the top", () => {
    const rows = rowsOf(data([5]));
    expect(afterItemFor(rows, 3, 0)).toBeNull();
    expect(afterItemFor(rows, 0, 1)).toBe("i1");
    expect(afterItemFor(rows, 0, 4)).toBe("i4");
    expect(afterItemFor(rows, 4, 2)).toBe("i1");
    expect(afterItemFor(rows, 2, 1)).toBe("i0");
    // The answer agrees with the order moveRow makes, for every pair.
    for (let from = 0; from < 5; from++) {
      for (let to = 0; to < 5; to++) {
        const after = ids(moveRow(data([5]), from, to));
        expect(afterItemFor(rows, from, to)).toBe(to === 0 ? null : after[to - 1]);
      }
    }
  });

  it("leaves the rows alone for an index past the end", () => {
    const before = data([2]);
    expect(moveRow(before, 5, 0)).toBe(before);
  });
});

describe("removing and settling", () => {
  it("removes rows from whichever page holds them", () => {
    const removed = removeRows(data([2, 2]), new Set(["i1", "i2"]));
    expect(ids(removed)).toEqual(["i0", "i3"]);
  });

  it("reads the oldest page's version and sets every page's after a write", () => {
    const both = data([1, 1]);
    const mixed = { ...both, pages: both.pages.map((p, i) => (i === 1 ? { ...p, version: 5 } : p)) };
    expect(versionOf(mixed)).toBe(5);
    expect(versionOf(undefined)).toBeUndefined();
    const settled = settleWrite(mixed, 9, { itemId: "i1", position: "z" });
    expect(versionOf(settled)).toBe(9);
    expect(rowsOf(settled)[1]?.position).toBe("z");
    expect(rowsOf(settled)[0]?.position).toBe("p0");
  });
});
