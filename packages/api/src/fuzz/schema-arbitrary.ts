import fc from "fast-check";
import type { z } from "zod";

import { hostileDate, hostileNumber, hostileString, hostileValue, withTrickyChar } from "./values";

// Inputs shaped like a procedure's zod schema, so that most of them get past validation and
// reach the domain and the database, with hostile values at the leaves and, now and then, a
// value of the wrong type anywhere in the tree.

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number | bigint | Date;
  format?: string;
  pattern?: RegExp;
}

interface SchemaDef {
  type: string;
  format?: string;
  coerce?: boolean;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

export interface ArbitraryContext {
  /** Ids of objects that exist, so that uuid fields also name real tracks, albums, artists. */
  knownIds: string[];
  /** Weight of hostile values against 10 for well-typed ones at each node; 0 for none. */
  hostility?: number;
}

/** `wellTyped` with hostile values mixed in at the context's rate. */
function mixed<T>(wellTyped: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>, context: ArbitraryContext) {
  const weight = context.hostility ?? 1;
  return weight === 0
    ? wellTyped
    : fc.oneof({ weight: 10, arbitrary: wellTyped }, { weight, arbitrary: hostile });
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

function checksOf(def: SchemaDef): CheckDef[] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

function bounds(def: SchemaDef): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  for (const check of checksOf(def)) {
    const value = check.value instanceof Date ? check.value.getTime() : Number(check.value);
    if (check.check === "min_length" || check.check === "greater_than") min = check.minimum ?? value;
    if (check.check === "max_length" || check.check === "less_than") max = check.maximum ?? value;
  }
  return { min, max };
}

/** Values of a leaf type, at and around its edges, with hostile ones at the context's rate. */
function leaf(def: SchemaDef, context: ArbitraryContext): fc.Arbitrary<unknown> {
  const { min, max } = bounds(def);
  switch (def.type) {
    case "string": {
      const pattern = checksOf(def).find((check) => check.format === "regex")?.pattern;
      const lengths = { minLength: min ?? 0, maxLength: Math.min(max ?? 40, 300) };
      const length = fc.oneof(fc.string(lengths), fc.string({ ...lengths, unit: "grapheme" }));
      const formats: fc.Arbitrary<string>[] = [];
      if (def.format === "uuid") formats.push(fc.uuid(), fc.constantFrom(...context.knownIds));
      if (def.format === "email") formats.push(fc.emailAddress());
      if (def.format === "url") formats.push(fc.webUrl({ withQueryParameters: true, withFragments: true }));
      if (pattern) formats.push(fc.stringMatching(pattern).map((text) => text.slice(0, max ?? 40)));
      const typed = fc.oneof(...formats, ...formats, length);
      // Still a string, with a character that breaks naive handling: what validation must catch.
      return mixed(
        fc.oneof({ weight: 2, arbitrary: typed }, { weight: 1, arbitrary: withTrickyChar(typed) }),
        hostileString,
        context,
      );
    }
    case "number": {
      const limits = [min, max].filter((n): n is number => n !== undefined);
      const inRange =
        def.format === "safeint"
          ? fc.integer({ min: min ?? -1e6, max: max ?? 1e6 })
          : fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true });
      const atLimits = limits.length > 0 ? [fc.constantFrom(...limits)] : [];
      const beyond = limits.length > 0 ? [fc.constantFrom(...limits.flatMap((n) => [n - 1, n + 1]))] : [];
      return mixed(fc.oneof(inRange, inRange, ...atLimits), fc.oneof(...beyond, hostileNumber), context);
    }
    case "date": {
      const recent = fc.date({
        min: new Date(Date.now() - 365 * 86_400_000),
        max: new Date(Date.now() + 86_400_000),
      });
      // Every date a Date can hold is well typed; a database holds far fewer.
      const typed = fc.oneof({ weight: 2, arbitrary: recent }, { weight: 1, arbitrary: hostileDate });
      const asText = hostileDate.map((d) => (Number.isNaN(d.getTime()) ? "not a date" : d.toISOString()));
      return mixed(typed, def.coerce ? fc.oneof(asText, hostileNumber) : hostileValue, context);
    }
    case "boolean":
      return fc.boolean();
    case "enum":
      return mixed(fc.constantFrom(...Object.values(def.entries ?? {})), hostileString, context);
    case "literal":
      return fc.constantFrom(...(def.values ?? [null]));
    default:
      return hostileValue;
  }
}

/**
 * Inputs for `schema`: its shape, with edge values and type errors mixed in; some inputs
 * entirely well typed (to reach the database), some lightly, some heavily hostile.
 */
export function inputsFor(schema: z.ZodType, knownIds: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(...[0, 1, 5].map((hostility) => arbitraryFor(schema, { knownIds, hostility })));
}

function arbitraryFor(schema: z.ZodType, context: ArbitraryContext): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const wellTyped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case "object": {
        const shape = def.shape ?? {};
        const keys = Object.keys(shape);
        const fields = Object.fromEntries(
          keys.map((key) => [key, arbitraryFor(shape[key] as z.ZodType, context)]),
        );
        const required = keys.filter(
          (key) => !["optional", "default"].includes(defOf(shape[key] as z.ZodType).type),
        );
        const record = fc.record(fields, { requiredKeys: required });
        // Sometimes a required key is missing or an unknown one is added.
        return fc.oneof(
          { weight: 6, arbitrary: record },
          { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(record, hostileString, hostileValue)
              .map(([r, k, v]) => ({ ...(r as object), [k]: v })),
          },
        );
      }
      case "array": {
        const { max } = bounds(def);
        const element = arbitraryFor(def.element as z.ZodType, context);
        const lengths = fc.array(element, { maxLength: 6 });
        // Just over the cap, with one element repeated (cheap to build, still over the cap).
        if (max === undefined) return lengths;
        return mixed(
          lengths,
          element.map((e) => Array.from({ length: max + 1 }, () => e)),
          context,
        );
      }
      case "record":
        return fc.dictionary(
          mixed(arbitraryFor(def.keyType as z.ZodType, context), hostileString, context).map((key) =>
            typeof key === "string" ? key : typeof key,
          ),
          arbitraryFor(def.valueType as z.ZodType, context),
          { maxKeys: 20 },
        );
      case "union":
        return fc.oneof(...(def.options ?? []).map((option) => arbitraryFor(option, context)));
      case "optional":
      case "default":
        return fc.option(arbitraryFor(def.innerType as z.ZodType, context), { nil: undefined, freq: 4 });
      case "nullable":
        return fc.option(arbitraryFor(def.innerType as z.ZodType, context), { nil: null, freq: 4 });
      case "pipe":
        return fc.oneof(
          arbitraryFor(def.in as z.ZodType, context),
          arbitraryFor(def.out as z.ZodType, context),
        );
      default:
        return leaf(def, context);
    }
  })();
  return mixed(wellTyped, hostileValue, context);
}
