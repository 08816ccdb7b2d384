import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { transformer } from "./transformer";

const serialize = (value: unknown) => transformer.output.serialize(value) as unknown;

/** The JSON a serializer makes, or the error it refuses with (superjson refuses `__proto__` keys). */
function outcome(serializer: () => unknown): string {
  try {
    return JSON.stringify(serializer());
  } catch (error) {
    return `refused: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe("the answer transformer", () => {
  it("answers exactly what superjson answers, or refuses what it refuses, for any value", () => {
    fc.assert(
      fc.property(
        fc.anything({ withDate: true, withMap: true, withSet: true, withBigInt: true }),
        (value) => {
          expect(outcome(() => serialize(value))).toBe(outcome(() => superjson.serialize(value)));
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
