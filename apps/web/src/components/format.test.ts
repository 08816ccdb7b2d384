import { describe, expect, it } from "vitest";

import { formatLength } from "./format";

describe("formatLength", () => {
  it("gives minutes and seconds under an hour, as an album header does", () => {
    expect(formatLength(213_400)).toBe("3 min 33 sec");
    expect(formatLength(53_000)).toBe("53 sec");
    expect(formatLength(240_000)).toBe("4 min");
    expect(formatLength(0)).toBe("0 sec");
  });

  it("gives hours and minutes from an hour on", () => {
    expect(formatLength(3_600_000)).toBe("1 hr 0 min");
    expect(formatLength(3_929_000)).toBe("1 hr 5 min");
  });
});
