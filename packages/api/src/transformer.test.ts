import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { transformer } from "./transformer";

const serialize = (value: unknown) => transformer.output.serialize(value) as unknown;

describe("the answer transformer", () => {
  it("answers exactly what superjson answers, for any value", () => {
    fc.assert(
      fc.property(
        fc.anything({ withDate: true, withMap: true, withSet: true, withBigInt: true }),
        (value) => {
          expect(JSON.stringify(serialize(value))).toBe(JSON.stringify(superjson.serialize(value)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("leaves to superjson what plain JSON cannot say", () => {
    const shared = { id: "a" };
    for (const value of [
      { at: new Date(0) },
      { gone: undefined },
      [1, undefined],
      { n: -0 },
      { n: Number.NaN },
      { big: 1n },
      [shared, shared],
    ]) {
      const out = serialize(value) as { meta?: unknown };
      expect(out.meta, JSON.stringify(out)).toBeDefined();
      expect(superjson.deserialize(out as never)).toEqual(value);
    }
    expect(serialize({ a: [1, "x", null, { b: true }] })).toEqual({
      json: { a: [1, "x", null, { b: true }] },
    });
  });
});
