import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { allowedEdits, editDistance } from "./edit-distance";

describe("edit distance", () => {
  it("counts a swap of neighbours as one edit, as a typo is", () => {
    expect(editDistance("bowei", "bowie")).toBe(1);
    expect(editDistance("metalica", "metallica")).toBe(1);
    expect(editDistance("nirvanna", "nirvana")).toBe(1);
    expect(editDistance("beyonse", "beyonce")).toBe(1);
    expect(editDistance("sprit", "spirit")).toBe(1);
    expect(editDistance("abc", "xyz")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("is a distance: zero only for equal words, symmetric, never more than the longer length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
      }),
    );
  });

  it("allows no edit in short words, one in middling ones, two in long ones", () => {
    expect([2, 3, 4, 5, 6, 12].map(allowedEdits)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
