import type { CombinedDataTransformer } from "@trpc/server";
import superjson from "superjson";

/**
 * Whether superjson would answer `{ json: value }` with nothing in `meta`: only JSON's own values
 * (finite numbers other than -0, strings, booleans, null, arrays without holes or undefined, plain
 * objects without keys superjson refuses), each object met once (superjson records a repeated
 * reference in `meta`).
 */
function plainJson(value: unknown, seen: Set<object>): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        for (const item of value) if (!plainJson(item, seen)) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        if (key === "__proto__" || key === "constructor" || key === "prototype") return false;
        if (!plainJson((value as Record<string, unknown>)[key], seen)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * superjson, with a fast path for answers that are plain JSON (nearly all of them: dates go out
 * as ISO strings). superjson walks every value building paths for its `meta`, which cost a
 * 100-track playlist page about 2.5 ms of CPU and much of its garbage; the check above answers
 * the same `{ json }` superjson would, and anything else still goes through superjson.
 */
export const transformer: CombinedDataTransformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) =>
      plainJson(value, new Set()) ? { json: value } : superjson.serialize(value),
    deserialize: (value: Parameters<typeof superjson.deserialize>[0]): unknown =>
      superjson.deserialize(value),
  },
};
