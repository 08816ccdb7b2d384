import { describe, expect, it } from "vitest";
import { seededRandom, shuffled } from "./shuffle";

describe("shuffled", () => {
  it("returns a permutation without mutating the input", () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = shuffled(input, seededRandom(7));
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });

  it("handles empty and single-element lists", () => {
    expect(shuffled([])).toEqual([]);
    expect(shuffled(["x"])).toEqual(["x"]);
  });

  it("is roughly uniform (each value lands in each slot ~1/n of the time)", () => {
    const random = seededRandom(123);
    const n = 4;
    const runs = 20_000;
    const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let r = 0; r < runs; r++) {
      shuffled([0, 1, 2, 3], random).forEach((value, slot) => {
        const row = counts[value];
        if (row) row[slot] = (row[slot] ?? 0) + 1;
      });
    }
    for (const row of counts) {
      for (const c of row) expect(Math.abs(c / runs - 1 / n)).toBeLessThan(0.02);
    }
  });

  it("seededRandom is deterministic and in [0, 1)", () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
