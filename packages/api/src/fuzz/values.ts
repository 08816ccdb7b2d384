import fc from "fast-check";

// The hostile vocabulary of the fuzz suites (tRPC procedures here, HTTP routes in e2e):
// values chosen because code tends to mishandle them, mixed with plain random ones.

/** Characters that break naive handling: NUL and controls, lone surrogates, bidi, separators. */
export const trickyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant("\u0000") },
  fc.constantFrom(
    "\u0000",
    "\u0001",
    "\u0007",
    "\b",
    "\t",
    "\n",
    "\r",
    "\u001b",
    "\u007f",
    "\u0085",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\ufffd",
    "\uffff",
    "\ud800",
    "\udfff",
    "\udbff\udfff",
    "😀",
    "👩‍🎤",
    "İ",
    "ß",
    "\u0301",
    "%00",
    "%",
    "../",
    "..\\",
    "'",
    '"',
    "`",
    "\\",
    "<script>",
    "${",
    "{{",
    "' OR 1=1 --",
    "__proto__",
  ),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
);

/** A string from `base` with one tricky character spliced in somewhere. */
export function withTrickyChar(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, trickyChar, fc.nat()).map(([text, char, at]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + char + text.slice(i);
  });
}

/** Strings of every kind: ASCII, full unicode, tricky characters, and very long ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 4,
    arbitrary: fc.string({
      unit: fc.oneof(trickyChar, fc.string({ minLength: 1, maxLength: 3 })),
      maxLength: 20,
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 257, max: 200_000 }), fc.constantFrom("a", "é", "😀", "\u0000", "/", "%"))
      .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length))),
  },
);

/** Numbers at and beyond every edge: NaN, infinities, -0, huge, tiny, unsafe integers. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    -(2 ** 31),
    2 ** 31,
    2 ** 63,
  ),
  fc.integer(),
  fc.double(),
);

/** Dates from the first to the last a JS Date can hold, and invalid ones. */
export const hostileDate: fc.Arbitrary<Date> = fc.oneof(
  fc.constantFrom(new Date(-8640000000000000), new Date(8640000000000000), new Date(Number.NaN), new Date(0)),
  fc.date({ noInvalidDate: false }),
  fc.date({ min: new Date("1800-01-01"), max: new Date("2300-01-01") }),
);

/** JSON nested far deeper than any real input: arrays or objects, 50 to 5000 levels. */
export const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = "bottom";
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  });

/** The same as JSON text, built without recursion (a client's own encoder would overflow). */
export const deeplyNestedJson: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 50, max: 100_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${"[".repeat(depth)}1${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
  );

/** Any value of any type, including the ones a transformer revives (Date, Map, Set, BigInt). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, undefined, true, false, "", [], {}) },
  { weight: 3, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: hostileDate },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 3,
      key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "prototype")),
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withSparseArray: true,
    }),
  },
);
