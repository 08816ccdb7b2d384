import { describe, expect, it } from "vitest";

import { moveResult } from "./result-moves";
import type { ResultGroup } from "./result-moves";

// The search page: the top result, five songs, a shelf of three artists, an empty shelf, a shelf of two albums.
const page: ResultGroup[] = [
  { layout: "row", size: 1 },
  { layout: "column", size: 5 },
  { layout: "row", size: 3 },
  { layout: "row", size: 0 },
  { layout: "row", size: 2 },
];

describe("moving between search results", () => {
  it("goes down the songs one by one, then to the first card of the next shelf", () => {
    expect(moveResult(page, { group: 0, index: 0 }, "ArrowDown")).toEqual({ group: 1, index: 0 });
    expect(moveResult(page, { group: 1, index: 2 }, "ArrowDown")).toEqual({ group: 1, index: 3 });
    expect(moveResult(page, { group: 1, index: 4 }, "ArrowDown")).toEqual({ group: 2, index: 0 });
  });

  it("moves along a shelf with ←/→, stopping at its ends, and leaves it with ↑/↓", () => {
    expect(moveResult(page, { group: 2, index: 0 }, "ArrowRight")).toEqual({ group: 2, index: 1 });
    expect(moveResult(page, { group: 2, index: 2 }, "ArrowRight")).toEqual({ group: 2, index: 2 });
    expect(moveResult(page, { group: 2, index: 0 }, "ArrowLeft")).toEqual({ group: 2, index: 0 });
    // Past the empty shelf, to the albums; up again lands on the last song.
    expect(moveResult(page, { group: 2, index: 1 }, "ArrowDown")).toEqual({ group: 4, index: 0 });
    expect(moveResult(page, { group: 2, index: 1 }, "ArrowUp")).toEqual({ group: 1, index: 4 });
  });

  it("leaves ←/→ in a column to the player, and stops at the last result", () => {
    expect(moveResult(page, { group: 1, index: 1 }, "ArrowLeft")).toBeNull();
    expect(moveResult(page, { group: 1, index: 1 }, "ArrowRight")).toBeNull();
    expect(moveResult(page, { group: 4, index: 1 }, "ArrowDown")).toBeNull();
  });

  it("goes back to the search box from the first result", () => {
    expect(moveResult(page, { group: 0, index: 0 }, "ArrowUp")).toBe("box");
    expect(moveResult(page, { group: 1, index: 0 }, "ArrowUp")).toEqual({ group: 0, index: 0 });
  });

  it("reads a grid in order with every arrow", () => {
    const empty: ResultGroup[] = [
      { layout: "column", size: 2 },
      { layout: "grid", size: 4 },
    ];
    expect(moveResult(empty, { group: 1, index: 1 }, "ArrowRight")).toEqual({ group: 1, index: 2 });
    expect(moveResult(empty, { group: 1, index: 1 }, "ArrowDown")).toEqual({ group: 1, index: 2 });
    expect(moveResult(empty, { group: 1, index: 0 }, "ArrowUp")).toEqual({ group: 0, index: 1 });
    expect(moveResult(empty, { group: 1, index: 3 }, "ArrowDown")).toBeNull();
  });

  it("ignores other keys", () => {
    expect(moveResult(page, { group: 1, index: 1 }, "Enter")).toBeNull();
  });
});
