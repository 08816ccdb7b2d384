import { describe, expect, it } from "vitest";

import { NO_SELECTION, select } from "./row-selection";
import type { Selection } from "./row-selection";

const order = ["a", "b", "c", "d", "e"];
const chosen = (s: Selection) => [...s.ids].sort();
const click = (id: string, mods: { toggle?: boolean; range?: boolean } = {}) =>
  ({ kind: "click", id, toggle: mods.toggle ?? false, range: mods.range ?? false }) as const;

describe("row selection", () => {
  it("a click selects one row; Ctrl/Cmd adds and removes; Shift takes the range from the anchor", () => {
    let s = select(NO_SELECTION, order, click("b"));
    expect(chosen(s)).toEqual(["b"]);
    s = select(s, order, click("d", { toggle: true }));
    expect(chosen(s)).toEqual(["b", "d"]);
    s = select(s, order, click("b", { toggle: true }));
    expect(chosen(s)).toEqual(["d"]);
    // Ctrl/Cmd moved the anchor to "b"; Shift takes the range from there.
    s = select(s, order, click("a", { range: true }));
    expect(chosen(s)).toEqual(["a", "b"]);
    // The anchor stays: Shift-clicking again draws the range from it afresh.
    s = select(s, order, click("e", { range: true }));
    expect(chosen(s)).toEqual(["b", "c", "d", "e"]);
  });

  it("Shift with the arrows extends from the anchor both ways", () => {
    let s = select(NO_SELECTION, order, click("c"));
    s = select(s, order, { kind: "extend", id: "d", from: "c" });
    s = select(s, order, { kind: "extend", id: "e", from: "d" });
    expect(chosen(s)).toEqual(["c", "d", "e"]);
    s = select(s, order, { kind: "extend", id: "b", from: "e" });
    expect(chosen(s)).toEqual(["b", "c"]);
  });

  it("with nothing selected, Shift+arrow takes the row it leaves and the one it reaches", () => {
    const s = select(NO_SELECTION, order, { kind: "extend", id: "c", from: "b" });
    expect(chosen(s)).toEqual(["b", "c"]);
  });

  it("moving by keyboard re-anchors: the next Shift+arrow starts where the focus is", () => {
    let s = select(NO_SELECTION, order, click("a"));
    s = select(s, order, { kind: "anchor", id: "d" });
    expect(chosen(s)).toEqual(["a"]);
    s = select(s, order, { kind: "extend", id: "e", from: "d" });
    expect(chosen(s)).toEqual(["d", "e"]);
  });

  it("selects all, clears, and drops rows that are gone", () => {
    let s = select(NO_SELECTION, order, { kind: "all" });
    expect(chosen(s)).toEqual(order);
    s = select(s, order, { kind: "keep", present: new Set(["a", "e"]) });
    expect(chosen(s)).toEqual(["a", "e"]);
    const same = select(s, order, { kind: "keep", present: new Set(order) });
    expect(same).toBe(s);
    expect(chosen(select(s, order, { kind: "clear" }))).toEqual([]);
  });
});
